/**
 * CSV and TSV through papaparse: quoted fields, embedded newlines and doubled
 * quotes are its job. Ours is to say where things went wrong. The decoder has
 * already normalised line endings to `\n`, so the start offset of each row
 * (papaparse's `meta.cursor` of the row before) maps to a line number, and a
 * quote error's `index` (the opening quote) maps to the line where it opened.
 * Rows with the wrong number of fields are errors, not silently padded:
 * a shifted column would pair questions with the wrong answers.
 * Rejected: a hand-written tokenizer — papaparse is well kept and fast.
 */

import Papa from 'papaparse';
import { AppError, err, ok, type Result } from '../errors';
import { lineError } from './line-error';
import { uniqueColumnNames, type Table, type TableRow } from './table';

/** Offsets of every `\n`, so `lineAt` is a binary search instead of a rescan. */
function newlineOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) offsets.push(i);
  return offsets;
}

function lineAt(offsets: number[], index: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid] ?? 0) < index) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Skips blank space after a row's end, so a row's line is where its text begins. */
function firstTextAt(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === '\n' || text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

export function parseDelimited(text: string, delimiter: ',' | '\t'): Result<Table> {
  const offsets = newlineOffsets(text);
  const records: { fields: string[]; start: number }[] = [];
  let quoteError: { code: string; index: number } | undefined;
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      const problem = result.errors.find((e) => e.type === 'Quotes');
      if (problem) {
        quoteError = { code: problem.code, index: problem.index ?? start };
        parser.abort();
        return;
      }
      records.push({ fields: result.data, start: firstTextAt(text, start) });
      start = result.meta.cursor;
    },
  });

  if (quoteError) {
    const line = lineAt(offsets, quoteError.index);
    return err(
      quoteError.code === 'MissingQuotes'
        ? lineError(
            'parse-unterminated-quote',
            line,
            'unterminated quoted field (the quote opened here never closes)',
            {
              action: 'Close the quote, or double any quote inside a quoted field ("").',
            },
          )
        : lineError('parse-bad-row', line, 'a quoted field has text after its closing quote', {
            action: 'Double any quote inside a quoted field ("").',
          }),
    );
  }

  const [header, ...body] = records;
  if (!header) {
    return err(new AppError('parse-empty-file', { message: 'line 1: the file holds no rows', line: 1 }));
  }
  const columns = uniqueColumnNames(header.fields);
  if (body.length === 0) {
    const line = lineAt(offsets, header.start) + 1;
    return err(
      lineError('parse-empty-file', line, 'the file has a header row but no rows under it', {
        action: 'Add at least one row, or check that the right file was chosen.',
      }),
    );
  }

  const rows: TableRow[] = [];
  for (const record of body) {
    const line = lineAt(offsets, record.start);
    if (record.fields.length !== columns.length) {
      return err(
        lineError(
          'parse-bad-row',
          line,
          `expected ${columns.length} fields (${columns.join(', ')}) but found ${record.fields.length}`,
          { action: 'Quote any field that contains the separator, or fix the row.' },
        ),
      );
    }
    const cells: Record<string, string> = {};
    columns.forEach((column, i) => (cells[column] = record.fields[i] ?? ''));
    rows.push({ place: { line }, cells });
  }
  return ok({ format: delimiter === ',' ? 'csv' : 'tsv', columns, rows });
}
