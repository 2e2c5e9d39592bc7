/**
 * The one entry point for prompt-set files, shared by the app and
 * `floorcheck convert`: bytes and a file name in, a validated `PromptSet` (or
 * an error naming the line) out. Pure: nothing is saved here, and ids come
 * from the file name or the caller, never from randomness or the clock.
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
import { detectLayout, KNOWN_LAYOUTS, type LayoutId } from './layouts';
import { looksLikeFloorcheckSet, readFloorcheckSet } from './set-schema';
import type { SourceFormat, Table } from './table';
import type { PromptSet } from './types';
import { validatePromptSet } from './validate';

export interface ImportOptions extends DecodeOptions {
  /** Columns to use when the file is in no known layout; guessed from names when absent. */
  mapping?: ColumnMapping;
  /** The new set's id; defaults to `import-<file name>`. */
  id?: string;
  /** The new set's name; defaults to the file name without its extension. */
  name?: string;
}

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
  columns: string[];
  rows: string[][];
  rowCount: number;
  suggestedMapping: ColumnMapping | undefined;
}

type Parsed = { kind: 'table'; table: Table } | { kind: 'set'; document: unknown };

function baseName(fileName: string): string {
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

function parseText(text: string, format: SourceFormat): Result<Parsed> {
  if (format === 'csv' || format === 'tsv') {
    const table = parseDelimited(text, format === 'csv' ? ',' : '\t');
    return table.ok ? ok({ kind: 'table', table: table.value }) : table;
  }
  if (format === 'jsonl') {
    const records = parseJsonLines(text);
    return records.ok ? ok({ kind: 'table', table: recordsToTable(records.value, 'jsonl') }) : records;
  }
  const document = parseJsonDocument(text);
  if (!document.ok) return document;
  if (looksLikeFloorcheckSet(document.value)) return ok({ kind: 'set', document: document.value });
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
  return records.ok ? ok({ kind: 'table', table: recordsToTable(records.value, 'json') }) : records;
}

function parseBytes(
  bytes: Uint8Array,
  fileName: string,
  options: DecodeOptions,
): Result<Parsed & { format: SourceFormat }> {
  const text = decodeImportBytes(bytes, options);
  if (!text.ok) return text;
  const format = sniffFormat(fileName, text.value);
  const parsed = parseText(text.value, format);
  return parsed.ok ? ok({ ...parsed.value, format }) : parsed;
}

/** What the file holds, before anything is saved: layout, columns, first rows, a suggested mapping. */
export function previewImport(
  bytes: Uint8Array,
  fileName: string,
  options: DecodeOptions = {},
): Result<ImportPreview> {
  const parsed = parseBytes(bytes, fileName, options);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind === 'set') {
    const set = readFloorcheckSet(parsed.value.document, { id: 'preview', name: baseName(fileName) });
    if (!set.ok) return set;
    const columns = ['id', 'prompt', 'answers', 'kind'];
    const rows = set.value.items.slice(0, 5).map((i) => [i.id, i.prompt, i.answers.join('; '), i.kind]);
    return ok({
      format: parsed.value.format,
      layout: 'floorcheck',
      layoutLabel: 'Floorcheck set',
      columns,
      rows,
      rowCount: set.value.items.length,
      suggestedMapping: undefined,
    });
  }
  const { table } = parsed.value;
  const layout = detectLayout(table);
  const preview = previewTable(table);
  return ok({
    format: parsed.value.format,
    layout: layout?.id,
    layoutLabel: layout?.label,
    ...preview,
    suggestedMapping: layout ? undefined : preview.suggestedMapping,
  });
}

/** Reads a prompt-set file into a validated set; nothing is saved. */
export function importPromptSet(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Result<ImportedSet> {
  const parsed = parseBytes(bytes, fileName, options);
  if (!parsed.ok) return parsed;
  const name = options.name ?? baseName(fileName);
  const id = options.id ?? `import-${slugify(baseName(fileName))}`;
  const { format } = parsed.value;

  if (parsed.value.kind === 'set') {
    const set = readFloorcheckSet(parsed.value.document, { id, name });
    if (!set.ok) return set;
    if (options.id) set.value.id = options.id;
    if (options.name) set.value.name = options.name;
    const valid = validatePromptSet(set.value);
    return valid.ok ? ok({ set: valid.value, layout: 'floorcheck', format, warnings: [] }) : valid;
  }

  const { table } = parsed.value;
  const layout = options.mapping ? undefined : detectLayout(table);
  const mapping = options.mapping ?? (layout ? undefined : guessMapping(table));
  if (!layout && !mapping) {
    return err(
      new AppError('parse-no-question-column', {
        message: `line 1: no column holds the questions (columns: ${table.columns.join(', ')})`,
        action: 'Name a column "question", or choose the question column in the preview.',
        line: 1,
      }),
    );
  }
  const converted = layout ? layout.toItems(table) : applyColumnMapping(table, mapping ?? { question: '' });
  if (!converted.ok) return converted;
  const warnings = [...converted.value.warnings];
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

/** Labels of the layouts recognised automatically, for the import screen's help text. */
export const KNOWN_LAYOUT_LABELS: readonly string[] = KNOWN_LAYOUTS.map((l) => l.label);
