/**
 * Tables in no known layout: the user says which column holds what. We guess
 * a mapping from column names (and, for the answer separator, from the cells)
 * so the preview starts from something sensible; the guess is only a
 * suggestion the UI shows, and `applyColumnMapping` trusts only the mapping
 * it is given. Without an answers column every item is `open` (graded by a
 * person); with one, a factual row with no answer is an error naming its line.
 */

import { AppError, err, ok, type Result } from '../errors';
import { exactSize, rowId, splitAnswers } from './answer-lists';
import { placeError, placeLabel } from './line-error';
import { clip, columnList, PREVIEW_COLUMNS, PREVIEW_ROWS } from './limits';
import { cellAt, cellText, columnIndex, type Table } from './table';
import type { PromptItem } from './types';

export interface ColumnMapping {
  /** The column holding the question. Required. */
  question: string;
  /** The column holding accepted answers; absent means every item is open-ended. */
  answers?: string;
  /** Splits an answers cell into several answers ("; ", "|"); absent means one answer a cell. */
  answerSeparator?: string;
  incorrectAnswers?: string;
  /** Columns whose values become `column:value` tags. */
  tags?: string[];
  /** A column of source URLs (split on whitespace). */
  sourceUrl?: string;
  /** A column of item ids; absent or blank means ids by row (`item-0001`). */
  id?: string;
}

export interface TablePreview {
  /** Every column of the file, for the mapping form. */
  columns: string[];
  /** The first columns, as many as the preview shows. */
  shownColumns: string[];
  /** The first rows, one string a shown column, each cut to a readable length. */
  rows: string[][];
  rowCount: number;
  suggestedMapping: ColumnMapping | undefined;
}

const QUESTION_NAMES = ['question', 'prompt', 'problem', 'query', 'q', 'questions'];
const ANSWER_NAMES = [
  'answers',
  'answer',
  'correct answers',
  'correct_answers',
  'gold',
  'target',
  'expected',
  'a',
];
const INCORRECT_NAMES = ['incorrect answers', 'incorrect_answers', 'wrong answers', 'distractors'];
const TAG_NAMES = ['category', 'topic', 'type', 'tag', 'tags', 'subject', 'domain'];
const SOURCE_NAMES = ['source', 'url', 'urls', 'source_url', 'link'];
const ID_NAMES = ['id', 'qid', 'item_id', 'question_id'];
const SEPARATORS = ['; ', ' | ', '|', ';'];

function byName(columns: string[], names: string[], used: Set<string>): string | undefined {
  const norm = (c: string) => c.trim().toLowerCase();
  const exact = names.map((n) => columns.find((c) => norm(c) === n && !used.has(c))).find(Boolean);
  return exact ?? columns.find((c) => !used.has(c) && names.some((n) => n.length > 2 && norm(c).includes(n)));
}

function guessSeparator(table: Table, column: string): string | undefined {
  const index = columnIndex(table, column);
  const sample = table.rows.slice(0, 50).map((r) => cellAt(r, index));
  if (sample.some((c) => Array.isArray(c))) return undefined;
  const texts = sample.map((c) => cellText(c));
  return SEPARATORS.find(
    (sep) => texts.filter((t) => t.includes(sep)).length >= Math.max(1, texts.length / 5),
  );
}

/** A mapping guessed from column names, or undefined when no column looks like a question. */
export function guessMapping(table: Table): ColumnMapping | undefined {
  const used = new Set<string>();
  const take = (names: string[]) => {
    const found = byName(table.columns, names, used);
    if (found) used.add(found);
    return found;
  };
  const question = take(QUESTION_NAMES);
  if (!question) return undefined;
  const mapping: ColumnMapping = { question };
  const id = take(ID_NAMES);
  if (id) mapping.id = id;
  const incorrect = take(INCORRECT_NAMES);
  if (incorrect) mapping.incorrectAnswers = incorrect;
  const answers = take(ANSWER_NAMES);
  if (answers) {
    mapping.answers = answers;
    const separator = guessSeparator(table, answers);
    if (separator) mapping.answerSeparator = separator;
  }
  const source = take(SOURCE_NAMES);
  if (source) mapping.sourceUrl = source;
  const tags = table.columns.filter((c) => !used.has(c) && TAG_NAMES.includes(c.trim().toLowerCase()));
  if (tags.length > 0) mapping.tags = tags;
  return mapping;
}

/** A bounded look at a table: the first rows and columns, long cells cut, whatever the file's size. */
export function previewTable(table: Table): TablePreview {
  const shownColumns = table.columns.slice(0, PREVIEW_COLUMNS);
  return {
    columns: table.columns,
    shownColumns,
    rows: table.rows
      .slice(0, PREVIEW_ROWS)
      .map((r) => shownColumns.map((_, i) => clip(cellText(cellAt(r, i))))),
    rowCount: table.rows.length,
    suggestedMapping: guessMapping(table),
  };
}

function checkColumn(table: Table, role: string, column: string | undefined): AppError | undefined {
  if (column === undefined || table.columns.includes(column)) return undefined;
  return new AppError(role === 'question' ? 'parse-no-question-column' : 'parse-bad-row', {
    message: `line 1: the ${role} column "${clip(column, 40)}" is not in the file (columns: ${columnList(table.columns)})`,
    line: table.format === 'csv' || table.format === 'tsv' ? 1 : undefined,
  });
}

/** Items from a table under a mapping; `warnings` lists rows that were skipped as blank. */
export function applyColumnMapping(
  table: Table,
  mapping: ColumnMapping,
): Result<{ items: PromptItem[]; warnings: string[] }> {
  if (!mapping.question) {
    return err(
      new AppError('parse-no-question-column', {
        message: `line 1: no column is chosen as the question (columns: ${columnList(table.columns)})`,
        action: 'Pick the column that holds the questions.',
        line: 1,
      }),
    );
  }
  const roles: [string, string | undefined][] = [
    ['question', mapping.question],
    ['answers', mapping.answers],
    ['incorrect answers', mapping.incorrectAnswers],
    ['source', mapping.sourceUrl],
    ['id', mapping.id],
    ...(mapping.tags ?? []).map((t): [string, string] => ['tag', t]),
  ];
  for (const [role, column] of roles) {
    const problem = checkColumn(table, role, column);
    if (problem) return err(problem);
  }

  const at = (column: string | undefined) => columnIndex(table, column);
  const [question, answers, incorrect, source, idColumn] = [
    at(mapping.question),
    at(mapping.answers),
    at(mapping.incorrectAnswers),
    at(mapping.sourceUrl),
    at(mapping.id),
  ];
  const tagColumns = (mapping.tags ?? []).map((name) => ({
    index: at(name),
    tag: name.trim().toLowerCase(),
    seen: new Map<string, string>(),
  }));
  const items: PromptItem[] = [];
  const warnings: string[] = [];
  const ids = new Set<string>();
  for (const [index, row] of table.rows.entries()) {
    const prompt = cellText(cellAt(row, question)).trim();
    if (prompt === '') {
      warnings.push(`${placeLabel(row.place)}: the question is empty; row skipped`);
      continue;
    }
    const givenId = idColumn >= 0 ? cellText(cellAt(row, idColumn)).trim() : '';
    const id = givenId || rowId('item', index, table.rows.length);
    if (ids.has(id))
      return err(
        placeError('parse-bad-row', row.place, `the id "${clip(id, 80)}" is used by an earlier row`),
      );
    ids.add(id);
    const item: PromptItem = { id, prompt, answers: [], kind: 'open', tags: [] };
    if (answers >= 0) {
      item.answers = splitAnswers(cellAt(row, answers), mapping.answerSeparator);
      if (item.answers.length === 0) {
        return err(
          placeError(
            'parse-missing-answer',
            row.place,
            `the question has no answer in column "${clip(mapping.answers ?? '', 40)}"`,
            {
              action: 'Fill in the answer, or delete the row.',
            },
          ),
        );
      }
      item.kind = 'factual';
    }
    if (incorrect >= 0) {
      const wrong = splitAnswers(cellAt(row, incorrect), mapping.answerSeparator);
      if (wrong.length > 0) item.incorrectAnswers = wrong;
    }
    if (tagColumns.length > 0) {
      const tags: string[] = [];
      for (const { index: tagIndex, tag, seen } of tagColumns) {
        for (const value of splitAnswers(cellAt(row, tagIndex))) {
          // One string per distinct tag, shared by every item that has it.
          let text = seen.get(value);
          if (text === undefined) seen.set(value, (text = `${tag}:${value}`));
          tags.push(text);
        }
      }
      item.tags = exactSize(tags);
    }
    if (source >= 0) {
      const urls = splitAnswers(cellText(cellAt(row, source)).split(/\s+/));
      if (urls.length > 0) item.sourceUrls = urls;
    }
    items.push(item);
  }
  if (items.length === 0) {
    return err(
      new AppError('parse-empty-file', { message: 'Every row has an empty question; nothing to import.' }),
    );
  }
  return ok({ items, warnings });
}
