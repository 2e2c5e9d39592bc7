/**
 * The rules a prompt set must keep before it is saved or run: unique item and
 * document ids, a prompt on every item, at least one answer on factual items,
 * and corpus links that point at documents that exist. All problems are
 * collected (the editor lists them); the error shows the first few, each
 * naming its item.
 */

import { AppError, err, ok, type Result } from '../errors';
import type { PromptSet } from './types';

const SHOWN_PROBLEMS = 5;

export function listPromptSetProblems(set: PromptSet): string[] {
  const problems: string[] = [];
  if (set.id.trim() === '') problems.push('the set has no id');
  if (set.name.trim() === '') problems.push('the set has no name');

  const docIds = new Set<string>();
  for (const [index, doc] of (set.corpus ?? []).entries()) {
    if (doc.id.trim() === '') problems.push(`document ${index + 1}: the id is empty`);
    else if (docIds.has(doc.id)) problems.push(`document "${doc.id}": the id is used twice`);
    if (doc.text.trim() === '') problems.push(`document "${doc.id}": the text is empty`);
    docIds.add(doc.id);
  }

  const itemIds = new Set<string>();
  for (const [index, item] of set.items.entries()) {
    const name = item.id.trim() === '' ? `item ${index + 1}` : `item "${item.id}"`;
    if (item.id.trim() === '') problems.push(`${name}: the id is empty`);
    else if (itemIds.has(item.id)) problems.push(`${name}: the id is used twice`);
    itemIds.add(item.id);
    if (item.prompt.trim() === '') problems.push(`${name}: the prompt is empty`);
    if (item.kind === 'factual' && !item.answers.some((a) => a.trim() !== '')) {
      problems.push(`${name}: a factual item needs at least one accepted answer`);
    }
    for (const docId of item.docIds ?? []) {
      if (!docIds.has(docId))
        problems.push(`${name}: links to document "${docId}", which is not in the corpus`);
    }
  }
  return problems;
}

export function validatePromptSet(set: PromptSet): Result<PromptSet> {
  const problems = listPromptSetProblems(set);
  if (problems.length === 0) return ok(set);
  const shown = problems.slice(0, SHOWN_PROBLEMS).join('; ');
  const more = problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more)` : '';
  return err(
    new AppError('set-invalid', {
      message: `${shown}${more}.`,
      action: 'Fix the items named, then save again.',
    }),
  );
}
