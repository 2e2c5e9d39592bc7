/**
 * TruthfulQA: `Type,Category,Question,Best Answer,Correct Answers,Incorrect
 * Answers,Source`. Answer cells hold lists separated by "; ". The best answer
 * comes first (canonical), then the other correct answers; the incorrect
 * answers are kept as known-incorrect, which the grader and the distractor
 * fault both use. Type and category become tags; URL sources (some cells list
 * two, "; "-separated) become `sourceUrls` (a few rows say "indexical", which
 * is not a place).
 */

import { err, ok } from '../../errors';
import { rowId, splitAnswers } from '../answer-lists';
import { placeError } from '../line-error';
import { cellAt, cellText, findColumnIndex } from '../table';
import type { PromptItem } from '../types';
import { hasColumns, type Layout } from './layout';

const COLUMNS = ['Type', 'Category', 'Question', 'Best Answer', 'Correct Answers', 'Incorrect Answers'];
const SEPARATOR = '; ';

export const truthfulQaLayout: Layout = {
  id: 'truthfulqa',
  label: 'TruthfulQA',
  matches: (table) => hasColumns(table, COLUMNS),
  toItems(table) {
    const at = new Map([...COLUMNS, 'Source'].map((name) => [name, findColumnIndex(table, name)]));
    const items: PromptItem[] = [];
    for (const [index, row] of table.rows.entries()) {
      const get = (name: string) => cellAt(row, at.get(name) ?? -1);
      const prompt = cellText(get('Question')).trim();
      if (prompt === '') return err(placeError('parse-bad-row', row.place, 'the Question is empty'));
      const answers = splitAnswers([
        ...splitAnswers(get('Best Answer'), SEPARATOR),
        ...splitAnswers(get('Correct Answers'), SEPARATOR),
      ]);
      if (answers.length === 0) {
        return err(
          placeError(
            'parse-missing-answer',
            row.place,
            'neither Best Answer nor Correct Answers has an answer',
          ),
        );
      }
      const tags = [
        ...splitAnswers(get('Type')).map((t) => `type:${t}`),
        ...splitAnswers(get('Category')).map((c) => `category:${c}`),
      ];
      const item: PromptItem = {
        id: rowId('truthfulqa', index, table.rows.length),
        prompt,
        answers,
        kind: 'factual',
        tags,
      };
      const incorrect = splitAnswers(get('Incorrect Answers'), SEPARATOR);
      if (incorrect.length > 0) item.incorrectAnswers = incorrect;
      const sources = splitAnswers(get('Source'), SEPARATOR).filter((s) => /^https?:\/\//i.test(s));
      if (sources.length > 0) item.sourceUrls = sources;
      items.push(item);
    }
    return ok({ items, warnings: [] });
  },
};
