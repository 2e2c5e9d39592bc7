import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../../src/core/retrieval/bm25-index';
import { runContextRetrieval } from '../../../../src/core/retrieval/context-retrieval';
import { runSearch } from '../../../../src/core/retrieval/faults';
import { CORPUS, item } from './builders';

const index = buildIndex(CORPUS);
const base = { index, item: item(), seed: 4, topK: 2 };

describe('runContextRetrieval', () => {
  it('searches with the question and formats the passages for the prompt', () => {
    const retrieval = runContextRetrieval({ ...base, fault: 'ok', faultShare: 0 });
    expect(retrieval.call.query).toBe('What is the capital of Vorland?');
    expect(retrieval.text.startsWith('[1] Vorland\n')).toBe(true);
    expect(retrieval.trace).toEqual({ kind: 'context', toolCalled: false, calls: [retrieval.call] });
  });

  it.each([
    { fault: 'empty' as const, text: 'No results.', why: 'an empty result reads as such' },
    { fault: 'error' as const, text: 'Search error: ', why: 'an error shows the tool’s error text' },
  ])('$why', ({ fault, text }) => {
    expect(runContextRetrieval({ ...base, fault, faultShare: 1 }).text.startsWith(text)).toBe(true);
  });

  it('meets the same fault as a tool’s first call on the same item and seed', () => {
    for (let seed = 0; seed < 20; seed++) {
      const context = runContextRetrieval({ ...base, seed, fault: 'empty', faultShare: 0.5 });
      const tool = runSearch({ ...base, seed, fault: 'empty', faultShare: 0.5, query: 'x', callIndex: 0 });
      expect(context.call.fault).toBe(tool.fault);
    }
  });
});
