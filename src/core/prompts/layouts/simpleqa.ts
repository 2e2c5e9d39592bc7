/**
 * OpenAI SimpleQA: `metadata,problem,answer`, where `metadata` is Python's
 * `str()` of a dict with `topic`, `answer_type` and `urls`. Topic and answer
 * type become tags (`topic:Art`, `answer_type:Person`); urls, de-duplicated,
 * become `sourceUrls`. Unreadable metadata costs the row its tags, not the
 * import: the question and answer are still good, and a warning names the line.
 */

import { err, ok, type Result } from '../../errors';
import { rowId, splitAnswers } from '../answer-lists';
import { placeError, placeLabel } from '../line-error';
import { parsePythonLiteral } from '../python-literal';
import { cellText, findColumn } from '../table';
import type { PromptItem } from '../types';
import { hasColumns, type Layout } from './layout';

interface Metadata {
  tags: string[];
  urls: string[];
}

export function readSimpleQaMetadata(text: string): Result<Metadata, string> {
  const parsed = parsePythonLiteral(text);
  if (!parsed.ok) return parsed;
  const dict = parsed.value;
  if (typeof dict !== 'object' || dict === null || Array.isArray(dict)) {
    return { ok: false, error: 'expected a dict' };
  }
  const tags: string[] = [];
  for (const key of ['topic', 'answer_type']) {
    const value = dict[key];
    if (typeof value === 'string' && value.trim() !== '') tags.push(`${key}:${value.trim()}`);
  }
  const rawUrls = dict['urls'];
  const urls = Array.isArray(rawUrls)
    ? [...new Set(rawUrls.filter((u): u is string => typeof u === 'string' && u.trim() !== ''))]
    : [];
  return ok({ tags, urls });
}

export const simpleQaLayout: Layout = {
  id: 'simpleqa',
  label: 'SimpleQA',
  matches: (table) => hasColumns(table, ['metadata', 'problem', 'answer']),
  toItems(table) {
    const metadataCol = findColumn(table.columns, 'metadata') ?? 'metadata';
    const problemCol = findColumn(table.columns, 'problem') ?? 'problem';
    const answerCol = findColumn(table.columns, 'answer') ?? 'answer';
    const warnings: string[] = [];
    const items: PromptItem[] = [];
    for (const [index, row] of table.rows.entries()) {
      const prompt = cellText(row.cells[problemCol]).trim();
      if (prompt === '')
        return err(placeError('parse-bad-row', row.place, 'the problem (question) is empty'));
      const answers = splitAnswers(row.cells[answerCol]);
      if (answers.length === 0) {
        return err(placeError('parse-missing-answer', row.place, 'the answer is empty'));
      }
      const item: PromptItem = {
        id: rowId('simpleqa', index, table.rows.length),
        prompt,
        answers,
        kind: 'factual',
        tags: [],
      };
      const metadata = readSimpleQaMetadata(cellText(row.cells[metadataCol]));
      if (metadata.ok) {
        item.tags = metadata.value.tags;
        if (metadata.value.urls.length > 0) item.sourceUrls = metadata.value.urls;
      } else {
        warnings.push(
          `${placeLabel(row.place)}: metadata is not a readable dict (${metadata.error}); no tags or sources kept`,
        );
      }
      items.push(item);
    }
    return ok({ items, warnings });
  },
};
