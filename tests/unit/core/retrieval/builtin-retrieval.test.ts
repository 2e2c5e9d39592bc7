/**
 * Retrieval on the built-in sets: searching with the question itself must
 * rank the document that answers it first for at least 90% of items, or the
 * with-retrieval conditions would mostly measure the search, not the model.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_SETS } from '../../../../src/core/prompts/builtin';
import { inventedEntities } from '../../../../src/core/prompts/builtin/invented-entities';
import { stableFacts } from '../../../../src/core/prompts/builtin/stable-facts';
import type { PromptSet } from '../../../../src/core/prompts/types';
import { search } from '../../../../src/core/retrieval/bm25-index';
import {
  answeringDocIds,
  buildIndexForSet,
  corpusForSet,
} from '../../../../src/core/retrieval/oracle-corpus';

/** Share of the set's answerable items whose answering document ranks first for the question. */
function firstRankShare(set: PromptSet): { share: number; misses: string[]; items: number } {
  const index = buildIndexForSet(set);
  const misses: string[] = [];
  let items = 0;
  for (const item of set.items) {
    const answering = answeringDocIds(index, item);
    if (answering.size === 0) continue;
    items++;
    const first = search(index, item.prompt, 1)[0]?.docId;
    if (first === undefined || !answering.has(first)) misses.push(`${item.id} → ${first ?? 'nothing'}`);
  }
  return { share: items === 0 ? 0 : (items - misses.length) / items, misses, items };
}

describe('retrieval on the built-in sets', () => {
  it.each([
    {
      set: inventedEntities,
      why: 'invented entities: the answer exists only in the corpus (the issue asks ≥90%)',
    },
    { set: stableFacts, why: 'stable facts: one short passage per question' },
  ])('ranks the linked document first for ≥90% of items: $why', ({ set }) => {
    const { share, misses, items } = firstRankShare(set);
    expect(items).toBe(set.items.filter((i) => (i.docIds ?? []).length > 0).length);
    expect(share, `misses: ${misses.join('; ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('links every invented-entity item to a document of its own corpus', () => {
    const ids = new Set((inventedEntities.corpus ?? []).map((d) => d.id));
    for (const item of inventedEntities.items) {
      expect(item.docIds?.length, item.id).toBeGreaterThan(0);
      for (const id of item.docIds ?? []) expect(ids.has(id), `${item.id} links ${id}`).toBe(true);
    }
  });

  const slices = BUILTIN_SETS.filter((set) => !set.corpus || set.corpus.length === 0);

  it('has public slices without a corpus, which get oracle passages', () => {
    expect(slices.length).toBeGreaterThan(0);
    for (const set of slices) expect(corpusForSet(set).oracle).toBe(true);
  });

  it.each(slices.map((set) => ({ set, name: set.name })))(
    'finds the item’s own oracle passage first for ≥90% of items: $name',
    ({ set }) => {
      const { share, misses } = firstRankShare(set);
      expect(share, `misses: ${misses.slice(0, 10).join('; ')}`).toBeGreaterThanOrEqual(0.9);
    },
  );
});
