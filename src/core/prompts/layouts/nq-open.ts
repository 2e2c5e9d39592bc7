/**
 * Natural Questions open (NQ-open) and EfficientQA: `{question, answer: [...]}`
 * a line, the list being accepted aliases. EfficientQA's judged file adds
 * `def_correct_predictions` and friends; those judge systems, not questions,
 * so they are left out of the set (the grader's tests read them directly).
 */

import { err, ok } from '../../errors';
import { rowId, splitAnswers } from '../answer-lists';
import { placeError } from '../line-error';
import { cellAt, cellText, findColumnIndex, type Table } from '../table';
import type { PromptItem } from '../types';
import { hasColumns, type Layout } from './layout';

function questionAnswerItems(prefix: string, table: Table) {
  const question = findColumnIndex(table, 'question');
  const answer = findColumnIndex(table, 'answer');
  const items: PromptItem[] = [];
  for (const [index, row] of table.rows.entries()) {
    const prompt = cellText(cellAt(row, question)).trim();
    if (prompt === '') return err(placeError('parse-bad-row', row.place, 'the question is empty'));
    const answers = splitAnswers(cellAt(row, answer));
    if (answers.length === 0)
      return err(placeError('parse-missing-answer', row.place, 'the answer list is empty'));
    items.push({ id: rowId(prefix, index, table.rows.length), prompt, answers, kind: 'factual', tags: [] });
  }
  return ok({ items, warnings: [] });
}

const isJson = (table: Table) => table.format === 'json' || table.format === 'jsonl';

export const efficientQaLayout: Layout = {
  id: 'efficientqa',
  label: 'EfficientQA (judged)',
  matches: (table) => isJson(table) && hasColumns(table, ['question', 'answer', 'def_correct_predictions']),
  toItems: (table) => questionAnswerItems('efficientqa', table),
};

export const nqOpenLayout: Layout = {
  id: 'nq-open',
  label: 'NQ-open',
  matches: (table) => {
    if (!isJson(table) || !hasColumns(table, ['question', 'answer'])) return false;
    const answer = findColumnIndex(table, 'answer');
    return table.rows.some((r) => Array.isArray(cellAt(r, answer)));
  },
  toItems: (table) => questionAnswerItems('nq-open', table),
};
