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
import { cellAt, cellText, findColumnIndex } from '../table';
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
    const value = Object.hasOwn(dict, key) ? dict[key] : undefined;
    if (typeof value === 'string' && value.trim() !== '') tags.push(`${key}:${value.trim()}`);
  }
  const rawUrls = Object.hasOwn(dict, 'urls') ? dict['urls'] : undefined;
  const urls = Array.isArray(rawUrls)
    ? [
        ...new Set(
          rawUrls.filter((u): u is string => typeof u === 'string' && u.trim() !== '').map((u) => u.trim()),
        ),
      ]
    : [];
  return ok({ tags, urls });
}

export const simpleQaLayout: Layout = {
  id: 'simpleqa',
  label: 'SimpleQA',
  matches: (table) => hasColumns(table, ['metadata', 'problem', 'answer']),
  toItems(table) {
    const metadataCol = findColumnIndex(table, 'metadata');
    const problemCol = findColumnIndex(table, 'problem');
    const answerCol = findColumnIndex(table, 'answer');
    const warnings: string[] = [];
    const items: PromptItem[] = [];
    for (const [index, row] of table.rows.entries()) {
      const prompt = cellText(cellAt(row, problemCol)).trim();
      if (prompt === '')
        return err(placeError('parse-bad-row', row.place, 'the problem (question) is empty'));
      const answers = splitAnswers(cellAt(row, answerCol));
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
      const metadata = readSimpleQaMetadata(cellText(cellAt(row, metadataCol)));
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
