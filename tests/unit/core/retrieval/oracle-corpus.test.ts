import { describe, expect, it } from 'vitest';
import { search } from '../../../../src/core/retrieval/bm25-index';
import { runSearch } from '../../../../src/core/retrieval/faults';
import {
  buildIndexForSet,
  corpusForSet,
  ORACLE_TITLE,
  oracleDocId,
  oraclePassageDoc,
} from '../../../../src/core/retrieval/oracle-corpus';
import { CORPUS, item, promptSet } from './builders';

const simpleQaLike = item({
  id: 'sqa-1',
  prompt: 'In which year did the Tessamar Lighthouse first light its lamp?',
  answers: ['1887', 'eighteen eighty-seven'],
  docIds: undefined,
  sourceUrls: ['https://example.org/tessamar-lighthouse'],
});

describe('corpusForSet', () => {
  it('returns the set’s own corpus when it has one', () => {
    expect(corpusForSet(promptSet())).toEqual({ docs: CORPUS, oracle: false });
  });

  it.each([
    { corpus: undefined, why: 'no corpus at all (public slices)' },
    { corpus: [], why: 'an empty corpus' },
  ])('builds oracle passages for $why', ({ corpus }) => {
    const result = corpusForSet(promptSet({ items: [simpleQaLike], corpus }));
    expect(result.oracle).toBe(true);
    expect(result.docs.map((d) => d.id)).toEqual([oracleDocId('sqa-1')]);
  });

  it('skips open items, which have no accepted answer', () => {
    const open = item({ id: 'open-1', kind: 'open', answers: [] });
    expect(corpusForSet(promptSet({ items: [open, simpleQaLike], corpus: undefined })).docs).toHaveLength(1);
  });
});

describe('oraclePassageDoc', () => {
  it('is clearly marked and holds the question, the answer, its aliases and its source', () => {
    const doc = oraclePassageDoc(simpleQaLike);
    expect(doc?.title).toBe(ORACLE_TITLE);
    expect(doc?.text).toBe(
      [
        'Question: In which year did the Tessamar Lighthouse first light its lamp?',
        'Answer: 1887',
        'Also accepted: eighteen eighty-seven',
        'Source: https://example.org/tessamar-lighthouse',
      ].join('\n'),
    );
  });

  it('leaves out the source line when the item has none', () => {
    expect(oraclePassageDoc(item())?.text).toBe(
      'Question: What is the capital of Vorland?\nAnswer: Tessamar',
    );
  });
});

describe('oracle index', () => {
  const other = item({
    id: 'sqa-2',
    prompt: 'Who painted the Ostvik harbour mural?',
    answers: ['Lise Arno'],
  });
  const index = buildIndexForSet(promptSet({ items: [simpleQaLike, other], corpus: undefined }));

  it('finds the item’s own oracle passage from its question, flagged oracle', () => {
    const [first] = search(index, simpleQaLike.prompt, 1);
    expect(first).toMatchObject({ docId: oracleDocId('sqa-1'), oracle: true, title: ORACLE_TITLE });
  });

  it('never offers the item’s own oracle passage as a distractor', () => {
    const call = runSearch({
      index,
      item: simpleQaLike,
      query: simpleQaLike.prompt,
      fault: 'distractor',
      faultShare: 1,
      seed: 1,
      callIndex: 0,
      topK: 3,
    });
    expect(call.passages.map((p) => p.docId)).toEqual([oracleDocId('sqa-2')]);
  });
});
