/** Builders for prompt-set objects in tests: sensible defaults, overrides per test. */

import type { CorpusDoc, PromptItem, PromptSet } from '../../../../src/core/prompts/types';

export function makeItem(overrides: Partial<PromptItem> = {}): PromptItem {
  return {
    id: 'q1',
    prompt: 'What is the capital of France?',
    answers: ['Paris'],
    kind: 'factual',
    tags: [],
    ...overrides,
  };
}

export function makeDoc(overrides: Partial<CorpusDoc> = {}): CorpusDoc {
  return { id: 'd1', title: 'France', text: 'Paris is the capital of France.', ...overrides };
}

export function makeSet(overrides: Partial<PromptSet> = {}): PromptSet {
  return {
    id: 'set-1',
    name: 'Capitals',
    description: '',
    source: 'tests',
    licence: 'CC0',
    items: [makeItem()],
    ...overrides,
  };
}
