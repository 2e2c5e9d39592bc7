/**
 * The one entry point for prompt-set files, shared by the app (through the
 * import worker) and `floorcheck convert`: bytes and a file name in, a
 * validated `PromptSet` (or an error naming the line) out. Pure: nothing is
 * saved here, and ids come from the file name or the caller, never from
 * randomness or the clock.
 *
 * Reading (decode, parse, recognise the layout) is separate from converting
 * (rows to items under a layout or a column mapping), so a file is parsed once
 * however often its mapping changes: `readPromptFile` then `previewParsed` and
 * `convertParsed` (see `import-session.ts`, which keeps the parsed file).
 *
 * The format comes from the extension when it is a known one and from the
 * content otherwise (`{`/`[` → JSON, a line that parses as an object → JSONL,
 * more tabs than commas in the header → TSV). The layout then comes from the
 * columns; a table in no known layout needs a column mapping, guessed when the
 * caller gives none so the command line can convert a plain `question,answer`
 * CSV without questions asked.
 */

import { AppError, err, ok, type Result } from '../errors';
import { slugify } from './answer-lists';
import { applyColumnMapping, guessMapping, previewTable, type ColumnMapping } from './column-mapping';
import { decodeImportBytes, type DecodeOptions } from './decode';
import { parseDelimited } from './delimited';
import { arrayRecords, parseJsonDocument, parseJsonLines, recordsToTable } from './json-records';
import { detectLayout, type Layout, type LayoutId } from './layouts';
import { clip, columnList, PREVIEW_ROWS } from './limits';
import { looksLikeFloorcheckSet, readFloorcheckSet } from './set-schema';
import type { SourceFormat, Table } from './table';
import type { PromptSet } from './types';
import { validatePromptSet } from './validate';

/** Where a long read stands: `fraction` (0 to 1) when the step can tell. */
export interface ImportProgress {
  phase: 'decoding' | 'parsing' | 'converting';
  fraction?: number;
}

export interface ReadOptions extends DecodeOptions {
  onProgress?: (progress: ImportProgress) => void;
}

export interface ConvertOptions {
  /** Columns to use when the file is in no known layout; guessed from names when absent. */
  mapping?: ColumnMapping;
  /** The new set's id; defaults to `import-<file name>`. */
  id?: string;
  /** The new set's name; defaults to the file name without its extension. */
  name?: string;
}

export interface ImportOptions extends ReadOptions, ConvertOptions {}

export interface ImportedSet {
  set: PromptSet;
  layout: LayoutId;
  format: SourceFormat;
  warnings: string[];
}

export interface ImportPreview {
  format: SourceFormat;
  /** The recognised layout, or undefined when the user must map columns. */
  layout: LayoutId | undefined;
  layoutLabel: string | undefined;
  /** Every column of the file (what a mapping can choose from). */
  columns: string[];
  /** The columns the raw sample shows: the first few. */
  shownColumns: string[];
  /** The first rows as read, one string a shown column, long cells cut. */
  rows: string[][];
  rowCount: number;
  suggestedMapping: ColumnMapping | undefined;
}

/** A file read and parsed, ready to be previewed and converted any number of times. */
export type ParsedFile = { fileName: string; format: SourceFormat } & (
  { kind: 'table'; table: Table; layout: Layout | undefined } | { kind: 'set'; set: PromptSet }
);

export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  return last.replace(/\.[^.]+$/, '') || last;
}

function sniffFormat(fileName: string, text: string): SourceFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'json') return 'json';
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    const firstLine = start.split('\n', 1)[0] ?? '';
    try {
      JSON.parse(firstLine);
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
  const header = start.split('\n', 1)[0] ?? '';
  return (header.match(/\t/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? 'tsv' : 'csv';
}

type Parsed = { kind: 'table'; table: Table } | { kind: 'set'; set: PromptSet };

function parseText(
  text: string,
  format: SourceFormat,
  fileName: string,
  options: ReadOptions,
): Result<Parsed> {
  const progress = (fraction: number) => options.onProgress?.({ phase: 'parsing', fraction });
  options.onProgress?.({ phase: 'parsing', fraction: 0 });
  if (format === 'csv' || format === 'tsv') {
    const table = parseDelimited(text, format === 'csv' ? ',' : '\t', progress);
    return table.ok ? ok({ kind: 'table', table: table.value }) : table;
  }
  if (format === 'jsonl') {
    const records = parseJsonLines(text, progress);
    if (!records.ok) return records;
    const table = recordsToTable(records.value, 'jsonl');
    return table.ok ? ok({ kind: 'table', table: table.value }) : table;
  }
  const document = parseJsonDocument(text);
  if (!document.ok) return document;
  if (looksLikeFloorcheckSet(document.value)) {
    const id = `import-${slugify(baseName(fileName))}`;
    const set = readFloorcheckSet(document.value, { id, name: baseName(fileName) });
    return set.ok ? ok({ kind: 'set', set: set.value }) : set;
  }
  if (!Array.isArray(document.value)) {
    return err(
      new AppError('parse-unknown-format', {
        message:
          'The JSON file is neither a list of questions nor a Floorcheck set (an object with "items").',
        action: 'Give a JSON array of objects, or a Floorcheck set file.',
      }),
    );
  }
  const records = arrayRecords(document.value);
  if (!records.ok) return records;
  const table = recordsToTable(records.value, 'json');
  return table.ok ? ok({ kind: 'table', table: table.value }) : table;
}

/** Decodes and parses a file once, and recognises its layout. */
export function readPromptFile(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Result<ParsedFile> {
  options.onProgress?.({ phase: 'decoding' });
  const text = decodeImportBytes(bytes, options);
  if (!text.ok) return text;
  const format = sniffFormat(fileName, text.value);
  const parsed = parseText(text.value, format, fileName, options);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind === 'set') return ok({ fileName, format, kind: 'set', set: parsed.value.set });
  const { table } = parsed.value;
  return ok({ fileName, format, kind: 'table', table, layout: detectLayout(table) });
}

/** What the file holds, before anything is saved: layout, columns, first rows, a suggested mapping. */
export function previewParsed(parsed: ParsedFile): ImportPreview {
  if (parsed.kind === 'set') {
    const columns = ['id', 'prompt', 'answers', 'kind'];
    const rows = parsed.set.items
      .slice(0, PREVIEW_ROWS)
      .map((i) => [clip(i.id), clip(i.prompt), clip(i.answers.join('; ')), i.kind]);
    return {
      format: parsed.format,
      layout: 'floorcheck',
      layoutLabel: 'Floorcheck set',
      columns,
      shownColumns: columns,
      rows,
      rowCount: parsed.set.items.length,
      suggestedMapping: undefined,
    };
  }
  const { layout } = parsed;
  const preview = previewTable(parsed.table);
  return {
    format: parsed.format,
    layout: layout?.id,
    layoutLabel: layout?.label,
    ...preview,
    suggestedMapping: layout ? undefined : preview.suggestedMapping,
  };
}

/** Turns a parsed file into a validated set, under its layout or the mapping given; nothing is saved. */
export function convertParsed(parsed: ParsedFile, options: ConvertOptions = {}): Result<ImportedSet> {
  const { fileName, format } = parsed;
  // Trimmed as the Floorcheck format reads it, so a converted set reads back the same.
  const name = (options.name ?? baseName(fileName)).trim();
  const id = options.id ?? `import-${slugify(baseName(fileName))}`;

  if (parsed.kind === 'set') {
    const set: PromptSet = { ...parsed.set };
    if (options.id) set.id = options.id;
    if (name && options.name) set.name = name;
    const valid = validatePromptSet(set);
    return valid.ok ? ok({ set: valid.value, layout: 'floorcheck', format, warnings: [] }) : valid;
  }

  const { table } = parsed;
  const layout = options.mapping ? undefined : parsed.layout;
  const mapping = options.mapping ?? (layout ? undefined : guessMapping(table));
  if (!layout && !mapping) {
    return err(
      new AppError('parse-no-question-column', {
        message: `line 1: no column holds the questions (columns: ${columnList(table.columns)})`,
        action: 'Name a column "question", or choose the question column in the preview.',
        line: 1,
      }),
    );
  }
  const converted = layout ? layout.toItems(table) : applyColumnMapping(table, mapping ?? { question: '' });
  if (!converted.ok) return converted;
  const warnings = converted.value.warnings;
  if (!layout && !options.mapping && mapping) {
    warnings.unshift(
      `columns guessed: question = "${mapping.question}", answers = ${mapping.answers ? `"${mapping.answers}"` : 'none (open items)'}`,
    );
  }
  const set: PromptSet = {
    id,
    name,
    description: layout
      ? `Imported from ${fileName} (${layout.label} layout).`
      : `Imported from ${fileName}.`,
    source: fileName,
    licence: '',
    items: converted.value.items,
  };
  const valid = validatePromptSet(set);
  if (!valid.ok) return valid;
  return ok({ set: valid.value, layout: layout?.id ?? 'mapped', format, warnings });
}

/** Reads a file and shows what it holds (one parse). */
export function previewImport(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Result<ImportPreview> {
  const parsed = readPromptFile(bytes, fileName, options);
  return parsed.ok ? ok(previewParsed(parsed.value)) : parsed;
}

/** Reads a prompt-set file into a validated set (one parse); nothing is saved. */
export function importPromptSet(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Result<ImportedSet> {
  const parsed = readPromptFile(bytes, fileName, options);
  if (!parsed.ok) return parsed;
  options.onProgress?.({ phase: 'converting' });
  return convertParsed(parsed.value, options);
}

export { KNOWN_LAYOUT_LABELS } from './layouts';
