/**
 * CSV and TSV through papaparse: quoted fields, embedded newlines and doubled
 * quotes are its job. Ours is to say where things went wrong. The decoder has
 * already normalised line endings to `\n`, so the start offset of each row
 * (papaparse's `meta.cursor` of the row before) maps to a line number, and a
 * quote error's `index` (the opening quote) maps to the line where it opened.
 * Rows with the wrong number of fields are errors, not silently padded:
 * a shifted column would pair questions with the wrong answers. A header
 * wider than `MAX_COLUMNS` stops the parse at once.
 *
 * Rows are built as papaparse hands them over (no list of raw records kept
 * beside the table), and progress is reported by the share of text read.
 * Rejected: a hand-written tokenizer — papaparse is well kept and fast.
 */

import Papa from 'papaparse';
import { AppError, err, ok, type Result } from '../errors';
import { LineCounter } from './line-counter';
import { lineError } from './line-error';
import { columnList, MAX_COLUMNS } from './limits';
import { uniqueColumnNames, type Table, type TableRow } from './table';

/** Skips blank space after a row's end, so a row's line is where its text begins. */
function firstTextAt(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === '\n' || text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function quoteProblem(code: string, line: number): AppError {
  return code === 'MissingQuotes'
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
      });
}

export function tooManyColumns(line: number, count: number): AppError {
  return lineError(
    'parse-bad-row',
    line,
    `the file has ${count.toLocaleString('en')} columns; Floorcheck reads at most ${MAX_COLUMNS}`,
    { action: 'Keep only the columns the set needs (question, answers, tags, ids) and import again.' },
  );
}

/** `onProgress` gets the share of the text read so far, 0 to 1, in steps of at least 1%. */
export function parseDelimited(
  text: string,
  delimiter: ',' | '\t',
  onProgress?: (fraction: number) => void,
): Result<Table> {
  const lines = new LineCounter(text);
  const rows: TableRow[] = [];
  let columns: string[] | undefined;
  let headerLine = 1;
  let problem: AppError | undefined;
  let start = 0;
  let reported = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      const quote = result.errors.find((e) => e.type === 'Quotes');
      const line = lines.lineAt(quote ? (quote.index ?? start) : firstTextAt(text, start));
      start = result.meta.cursor;
      if (quote) problem = quoteProblem(quote.code, line);
      else if (!columns) {
        headerLine = line;
        if (result.data.length > MAX_COLUMNS) problem = tooManyColumns(line, result.data.length);
        else columns = uniqueColumnNames(result.data);
      } else if (result.data.length !== columns.length) {
        problem = lineError(
          'parse-bad-row',
          line,
          `expected ${columns.length} fields (${columnList(columns)}) but found ${result.data.length}`,
          { action: 'Quote any field that contains the separator, or fix the row.' },
        );
      } else {
        rows.push({ place: { line }, cells: result.data });
      }
      if (problem) {
        parser.abort();
        return;
      }
      if (onProgress && text.length > 0 && start / text.length - reported >= 0.01) {
        reported = start / text.length;
        onProgress(reported);
      }
    },
  });

  if (problem) return err(problem);
  if (!columns) {
    return err(new AppError('parse-empty-file', { message: 'line 1: the file holds no rows', line: 1 }));
  }
  if (rows.length === 0) {
    return err(
      lineError('parse-empty-file', headerLine + 1, 'the file has a header row but no rows under it', {
        action: 'Add at least one row, or check that the right file was chosen.',
      }),
    );
  }
  return ok({ format: delimiter === ',' ? 'csv' : 'tsv', columns, rows });
}
