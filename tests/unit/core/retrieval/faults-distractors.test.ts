import { describe, expect, it } from 'vitest';
import type { CorpusDoc } from '../../../../src/core/prompts/types';
import { buildIndex } from '../../../../src/core/retrieval/bm25-index';
import { mentionsAnswer, runSearch, type SearchRequest } from '../../../../src/core/retrieval/faults';
import { CORPUS, ITEMS, item } from './builders';

function distractorCall(overrides: Partial<SearchRequest>): SearchRequest {
  return {
    index: buildIndex(CORPUS),
    item: item(),
    query: item().prompt,
    fault: 'distractor',
    faultShare: 1,
    seed: 7,
    callIndex: 0,
    topK: 3,
    ...overrides,
  };
}

describe('distractors depend on (seed, item, call), never on the query', () => {
  const index = buildIndex(CORPUS);
  const queries = [
    'What is the capital of Vorland?',
    'Halvard Marine ferry passengers',
    'Orla Quill novels',
    'zzz',
    '',
  ];

  it.each(ITEMS.map((it) => [it.id, it] as const))(
    '%s: every query meets the same distractors',
    (_id, it) => {
      for (const seed of [1, 2, 3]) {
        for (const callIndex of [0, 1, 2]) {
          const [first, ...rest] = queries.map(
            (query) => runSearch(distractorCall({ index, item: it, query, seed, callIndex })).passages,
          );
          expect(first?.length).toBeGreaterThan(0);
          for (const passages of rest) expect(passages).toEqual(first);
        }
      }
    },
  );

  it('still ranks plausible neighbours first: by the item prompt', () => {
    const founder = ITEMS.find((it) => it.id === 'q-founder') ?? item();
    const call = runSearch(distractorCall({ index, item: founder, query: 'zzz' }));
    // "Who founded Halvard Marine?" is closest to the Kelpie ferry (built by Halvard Marine).
    expect(call.passages[0]?.docId).toBe('doc-kelpie');
  });
});

describe('a short gold answer never appears in a distractor', () => {
  const corpus: CorpusDoc[] = [
    { id: 'doc-answer', title: 'The Answer', text: 'The answer to the great question is 42.' },
    {
      id: 'doc-42b',
      title: 'Question numbers',
      text: 'Another great question has the answer 42, or so it is said.',
    },
    {
      id: 'doc-uk',
      title: 'Island states',
      text: 'The UK is an island state with a great question of its own.',
    },
    { id: 'doc-uk2', title: 'Tea', text: 'Tea is drunk across the UK; the question of milk first is great.' },
    { id: 'doc-1942', title: 'A year', text: 'In 1942 a great question was asked about the answer.' },
    { id: 'doc-ukulele', title: 'Ukulele', text: 'The ukulele question: is it a great small guitar?' },
    { id: 'doc-other', title: 'Rivers', text: 'Rivers run to the sea.' },
  ];
  const index = buildIndex(corpus);
  const cases = [
    item({
      id: 'q-42',
      prompt: 'What is the answer to the great question?',
      answers: ['42'],
      docIds: ['doc-answer'],
    }),
    item({ id: 'q-uk', prompt: 'Which island state has a great question?', answers: ['UK'], docIds: [] }),
  ];
  const word = (answer: string): RegExp => new RegExp(`\\b${answer}\\b`, 'i');

  it.each(cases.map((it) => [it.answers[0] ?? '', it] as const))('"%s"', (answer, it) => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      for (const callIndex of [0, 1, 2]) {
        const call = runSearch(distractorCall({ index, item: it, seed, callIndex, topK: 4 }));
        expect(call.passages.length).toBeGreaterThan(0);
        for (const passage of call.passages) {
          expect(passage.text).not.toMatch(word(answer));
          expect(passage.title).not.toMatch(word(answer));
          seen.add(passage.docId);
        }
      }
    }
    // Words that merely contain the answer ("1942", "ukulele") are still fair distractors.
    expect(seen.has('doc-1942') || seen.has('doc-ukulele')).toBe(true);
  });

  it('skips a known-incorrect answer that holds the gold one', () => {
    const it = item({ prompt: 'What is 6 times 7?', answers: ['42'], incorrectAnswers: ['42 and a half'] });
    const call = runSearch(distractorCall({ index, item: it }));
    for (const passage of call.passages) expect(passage.text).not.toMatch(word('42'));
  });
});

describe('mentionsAnswer', () => {
  it.each([
    ['The answer is 42.', ['42'], true, 'a short answer as a word'],
    ['In 1942 the war went on.', ['42'], false, 'a short answer inside a longer number'],
    ['42', ['42'], true, 'the whole text'],
    ['Made in the UK, sold abroad.', ['UK'], true, 'a short name, matched without case'],
    ['She played the ukulele.', ['UK'], false, 'a short name inside a word'],
    ['Pi is about 3.14.', ['3.14'], true, 'a long answer as a substring'],
    ['It costs $5 (or so).', ['$5'], true, 'regex characters in a short answer'],
    ['Tessamar is the capital.', ['Tessamar'], true, 'a long answer, any case'],
    ['Nothing here.', ['  ', ''], false, 'blank answers match nothing'],
    ['Ümlaut: Ü is a letter.', ['ü'], true, 'letters beyond ASCII'],
    ['Über alles', ['ü'], false, 'and their word boundaries'],
  ])('%j with %j → %s (%s)', (text, answers, expected) => {
    expect(mentionsAnswer(text, answers)).toBe(expected);
  });
});
