/** A small hand-written corpus and builders for retrieval tests. */
import type { CorpusDoc, PromptItem, PromptSet } from '../../../../src/core/prompts/types';

export const CORPUS: CorpusDoc[] = [
  {
    id: 'doc-vorland',
    title: 'Vorland',
    text: 'Vorland is a small coastal republic whose capital is Tessamar. Its currency is the vorl crown.',
  },
  {
    id: 'doc-kelpie',
    title: 'Kelpie Mark IV',
    text: 'The Kelpie Mark IV is an electric ferry built by Halvard Marine in 2019. It carries 240 passengers.',
  },
  {
    id: 'doc-halvard',
    title: 'Halvard Marine',
    text: 'Halvard Marine is a shipbuilder founded in 1954 by Ingrid Halvard in the port town of Ostvik.',
  },
  {
    id: 'doc-tessamar',
    title: 'Tessamar',
    text: 'Tessamar, the largest city of Vorland, is known for its salt markets and the Tessamar Lighthouse.',
  },
  {
    id: 'doc-quill',
    title: 'Orla Quill',
    text: 'Orla Quill is a novelist who wrote "The Glass Orchard" (2011) and "Lanterns at Low Tide" (2016).',
  },
  {
    id: 'doc-brennic',
    title: 'Brennic Institute',
    text: 'The Brennic Institute studies tidal energy. Its director since 2020 has been Dr. Amon Pelt.',
  },
];

export function item(overrides: Partial<PromptItem> = {}): PromptItem {
  return {
    id: 'q-capital',
    prompt: 'What is the capital of Vorland?',
    answers: ['Tessamar'],
    kind: 'factual',
    tags: [],
    docIds: ['doc-vorland'],
    ...overrides,
  };
}

export const ITEMS: PromptItem[] = [
  item(),
  item({
    id: 'q-ferry',
    prompt: 'Who built the Kelpie Mark IV ferry?',
    answers: ['Halvard Marine'],
    docIds: ['doc-kelpie'],
  }),
  item({
    id: 'q-founder',
    prompt: 'Who founded Halvard Marine?',
    answers: ['Ingrid Halvard'],
    docIds: ['doc-halvard'],
  }),
  item({
    id: 'q-novel',
    prompt: 'Which novel did Orla Quill publish in 2011?',
    answers: ['The Glass Orchard'],
    incorrectAnswers: ['Lanterns at Low Tide'],
    docIds: ['doc-quill'],
  }),
  item({
    id: 'q-director',
    prompt: 'Who directs the Brennic Institute?',
    answers: ['Amon Pelt', 'Dr. Amon Pelt'],
    docIds: ['doc-brennic'],
  }),
];

export function promptSet(overrides: Partial<PromptSet> = {}): PromptSet {
  return {
    id: 'set-test',
    name: 'Test set',
    description: 'Hand-written items for retrieval tests.',
    source: 'tests',
    licence: 'CC0',
    items: ITEMS,
    corpus: CORPUS,
    ...overrides,
  };
}
