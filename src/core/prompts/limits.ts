/**
 * What a prompt-set file may hold, in one place so the importer, the preview
 * and docs/file-formats.md agree. Each limit is far above what a real set
 * needs and below what would freeze a tab or crash `floorcheck convert`:
 *
 * - 50 MiB per file: about ten times SimpleQA's CSV; a file is read whole.
 * - 256 columns: SimpleQA has 3, TruthfulQA 7; every column costs the column
 *   mapping a row of choices (a 100,000-column file froze the tab for minutes).
 * - 64 levels of nesting inside a JSON value: sets nest 4 deep; Node's stack
 *   overflowed on ~10,000 levels while turning such a value into text.
 *
 * The preview shows a bounded sample, however large the file: a few rows, the
 * first columns, each cell cut to a few hundred characters.
 */

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_COLUMNS = 256;
export const MAX_NESTING = 64;

export const PREVIEW_ROWS = 5;
export const PREVIEW_COLUMNS = 12;
export const PREVIEW_CELL_CHARS = 300;

/** Text cut to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function clip(text: string, max = PREVIEW_CELL_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Column names for a message: the first few, quoted, and how many more. */
export function columnList(columns: readonly string[], shown = 10): string {
  const names = columns.slice(0, shown).map((c) => clip(c, 40));
  const more = columns.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${more.toLocaleString('en')} more` : names.join(', ');
}
