import { describe, expect, it } from 'vitest';
import { buildIndex, processTerm, queryTerms, search } from '../../../../src/core/retrieval/bm25-index';
import { CORPUS } from './builders';

describe('buildIndex and search', () => {
  const index = buildIndex(CORPUS);

  it.each([
    {
      query: 'What is the capital of Vorland?',
      first: 'doc-vorland',
      why: 'the question words name the doc',
    },
    { query: 'Kelpie Mark IV builder', first: 'doc-kelpie', why: 'title words rank their doc first' },
    { query: 'who founded halvard marine', first: 'doc-halvard', why: 'lower case matches too' },
    { query: 'tidal energy director', first: 'doc-brennic', why: 'words from the text alone' },
    { query: 'The Glass Orchard', first: 'doc-quill', why: 'a title quoted in a passage' },
  ])('ranks $first first for "$query" ($why)', ({ query, first }) => {
    const passages = search(index, query, 3);
    expect(passages[0]?.docId).toBe(first);
  });

  it('returns passages with ids, titles, texts and falling scores', () => {
    const passages = search(index, 'Vorland Tessamar capital', 3);
    expect(passages.length).toBeGreaterThan(1);
    const [a, b] = passages;
    expect(a).toMatchObject({ docId: 'doc-vorland', title: 'Vorland' });
    expect(a?.text).toContain('Tessamar');
    expect(a?.score ?? 0).toBeGreaterThanOrEqual(b?.score ?? Infinity);
    expect(a?.oracle).toBeUndefined();
  });

  it.each([
    { query: '', topK: 3, why: 'an empty query finds nothing' },
    { query: '   ', topK: 3, why: 'white space is empty' },
    { query: 'is the of did', topK: 3, why: 'stop words alone find nothing' },
    { query: 'zzzqqq', topK: 3, why: 'an unknown word finds nothing' },
    { query: 'Vorland', topK: 0, why: 'topK 0 asks for nothing' },
  ])('returns no passages: $why', ({ query, topK }) => {
    expect(search(index, query, topK)).toEqual([]);
  });

  it('returns at most topK passages', () => {
    expect(search(index, 'Vorland Halvard Tessamar Quill Brennic', 2)).toHaveLength(2);
  });

  it('keeps the first of two documents with the same id instead of throwing', () => {
    const twice = buildIndex([...CORPUS, { id: 'doc-vorland', title: 'Copy', text: 'Another Vorland text' }]);
    expect(twice.docs.size).toBe(CORPUS.length);
    expect(search(twice, 'Vorland', 1)[0]?.title).toBe('Vorland');
  });

  it('flags passages of an oracle index', () => {
    const oracle = buildIndex(CORPUS, { oracle: true });
    expect(search(oracle, 'Vorland', 1)[0]?.oracle).toBe(true);
  });

  it.each([
    { term: 'The', out: null, why: 'stop word' },
    { term: 'Who', out: 'who', why: 'interrogatives stay: they tell questions apart' },
    { term: 'Vorland', out: 'vorland', why: 'lower-cased' },
    { term: '2019', out: '2019', why: 'numbers stay' },
  ])('processTerm($term) is $out: $why', ({ term, out }) => {
    expect(processTerm(term)).toBe(out);
  });

  describe('common query terms in a large corpus', () => {
    // 1,200 documents: "harbour" in all of them, "ferry" in every fifth, "bell" in 20, "lantern" in one.
    const docs = Array.from({ length: 1200 }, (_, i) => ({
      id: `d${i}`,
      title: `Entry ${i}`,
      text: [
        'harbour',
        i % 5 === 0 ? 'ferry' : '',
        i % 60 === 0 ? 'bell' : '',
        i === 7 ? 'lantern' : '',
      ].join(' '),
    }));
    const large = buildIndex(docs);

    it.each([
      { query: 'harbour lantern', terms: ['lantern'], why: 'a term in every document is dropped' },
      {
        query: 'ferry bell',
        terms: ['bell'],
        why: 'a term in 20% of documents is dropped, one in 1.7% kept',
      },
      { query: 'harbour ferry', terms: ['ferry'], why: 'when every term is common, the rarest stays' },
      { query: 'the harbour', terms: ['harbour'], why: 'a lone term always stays' },
    ])('$why', ({ query, terms }) => {
      expect(queryTerms(large, query)).toEqual(terms);
    });

    it('still ranks the document with the rare term first', () => {
      expect(search(large, 'harbour lantern', 1)[0]?.docId).toBe('d7');
    });

    it('keeps every term in a small corpus', () => {
      expect(queryTerms(index, 'Vorland Vorland capital')).toEqual(['vorland', 'capital']);
    });
  });
});
