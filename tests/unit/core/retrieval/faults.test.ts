import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../../src/core/retrieval/bm25-index';
import { runSearch, TOOL_ERRORS, type SearchRequest } from '../../../../src/core/retrieval/faults';
import type { FaultMode } from '../../../../src/core/retrieval/types';
import { CORPUS, ITEMS, item } from './builders';

const index = buildIndex(CORPUS);

function request(overrides: Partial<SearchRequest> = {}): SearchRequest {
  return {
    index,
    item: item(),
    query: 'What is the capital of Vorland?',
    fault: 'ok',
    faultShare: 0,
    seed: 7,
    callIndex: 0,
    topK: 3,
    ...overrides,
  };
}

/** The faults met by 200 (item, call) pairs under one setting. */
function faultPattern(fault: FaultMode, faultShare: number, seed: number): FaultMode[] {
  const pattern: FaultMode[] = [];
  for (let n = 0; n < 40; n++) {
    for (let callIndex = 0; callIndex < 5; callIndex++) {
      const it = item({ id: `item-${n}` });
      pattern.push(runSearch(request({ item: it, fault, faultShare, seed, callIndex })).fault);
    }
  }
  return pattern;
}

describe('runSearch faults', () => {
  it.each([
    { fault: 'empty' as const, why: 'the same seed gives identical empty faults' },
    { fault: 'error' as const, why: 'the same seed gives identical errors, error text included' },
    { fault: 'distractor' as const, why: 'the same seed gives identical distractors' },
  ])('$why', ({ fault }) => {
    const calls = (seed: number) =>
      ITEMS.flatMap((it) =>
        [0, 1, 2].map((callIndex) =>
          runSearch(request({ item: it, query: it.prompt, fault, faultShare: 0.5, seed, callIndex })),
        ),
      );
    expect(calls(11)).toEqual(calls(11));
  });

  it('places faults differently under a different seed', () => {
    expect(faultPattern('empty', 0.5, 1)).not.toEqual(faultPattern('empty', 0.5, 2));
  });

  it.each([
    { share: 0, expected: 0, why: 'share 0: no call is faulted' },
    { share: 1, expected: 200, why: 'share 1: every call is faulted' },
  ])('$why', ({ share, expected }) => {
    const faulted = faultPattern('error', share, 3).filter((f) => f === 'error').length;
    expect(faulted).toBe(expected);
  });

  it('faults roughly the chosen share of calls', () => {
    const faulted = faultPattern('empty', 0.3, 5).filter((f) => f === 'empty').length;
    expect(faulted).toBeGreaterThan(200 * 0.15);
    expect(faulted).toBeLessThan(200 * 0.45);
  });

  it('places faults by (seed, item, call), not by the query', () => {
    const withQuery = (query: string) =>
      [0, 1, 2, 3, 4, 5].map(
        (callIndex) => runSearch(request({ query, fault: 'empty', faultShare: 0.5, callIndex })).fault,
      );
    expect(withQuery('Vorland')).toEqual(withQuery('something else entirely'));
  });

  it.each([
    { share: -1, why: 'a negative share counts as 0' },
    { share: Number.NaN, why: 'a share that is not a number counts as 0' },
  ])('$why', ({ share }) => {
    expect(runSearch(request({ fault: 'empty', faultShare: share })).fault).toBe('ok');
  });

  it('ok returns the real top passages', () => {
    const call = runSearch(request());
    expect(call).toMatchObject({ fault: 'ok', query: 'What is the capital of Vorland?' });
    expect(call.passages[0]?.docId).toBe('doc-vorland');
    expect(call.error).toBeUndefined();
  });

  it('empty returns no passages and no error', () => {
    expect(runSearch(request({ fault: 'empty', faultShare: 1 }))).toEqual({
      query: 'What is the capital of Vorland?',
      fault: 'empty',
      passages: [],
    });
  });

  it('error returns no passages and one of the tool error texts', () => {
    const call = runSearch(request({ fault: 'error', faultShare: 1 }));
    expect(call.passages).toEqual([]);
    expect(TOOL_ERRORS).toContain(call.error);
  });

  it('distractor returns plausible passages that do not answer the item', () => {
    const call = runSearch(request({ fault: 'distractor', faultShare: 1 }));
    expect(call.fault).toBe('distractor');
    expect(call.passages).toHaveLength(3);
    for (const passage of call.passages) {
      expect(passage.distractor).toBe(true);
      expect(passage.docId).not.toBe('doc-vorland');
      expect(passage.text).not.toContain('Tessamar');
    }
  });

  it('distractor states a known-incorrect answer first when the item has one', () => {
    const novel = ITEMS.find((it) => it.id === 'q-novel') ?? item();
    const call = runSearch(request({ item: novel, query: novel.prompt, fault: 'distractor', faultShare: 1 }));
    expect(call.passages[0]?.text).toContain('Lanterns at Low Tide');
    expect(call.passages[0]?.text).not.toContain('The Glass Orchard');
    expect(call.passages.every((p) => p.docId !== 'doc-quill')).toBe(true);
  });

  it('distractor fills up from other documents when search finds too few', () => {
    const call = runSearch(request({ query: 'zzz', fault: 'distractor', faultShare: 1, topK: 4 }));
    expect(call.passages).toHaveLength(4);
    expect(new Set(call.passages.map((p) => p.docId)).size).toBe(4);
  });
});
