/**
 * The built-in slices of public question sets: which file, how many rows,
 * how they are spread, and the attribution each carries (source and licence
 * as in ../shared/datasets/README.md). `bin/make-builtin-slices.ts` reads the
 * files with the ordinary importer and writes `data/*.json`; a unit test
 * regenerates them and compares, so the committed JSON cannot drift from
 * these rules. Slices have no corpus: the retrieval tool builds an oracle
 * passage from each item's answer and source URLs.
 */

import type { PromptItem, PromptSet } from '../types';
import { stratifiedSample } from './stratified-sample';

export interface SliceSpec {
  id: string;
  /** File name in the shared datasets folder. */
  file: string;
  /** Output file name in `builtin/data/`. */
  output: string;
  name: string;
  description: string;
  source: string;
  licence: string;
  size: number;
  /** The key rows are spread across. */
  stratum: (item: PromptItem) => string;
}

const tagValue = (item: PromptItem, key: string) =>
  item.tags.find((t) => t.startsWith(`${key}:`))?.slice(key.length + 1) ?? '';

const QUESTION_WORDS = ['who', 'when', 'where', 'what', 'which', 'how', 'why'];

/** NQ-open has no categories: spread by question word (who, when, where, …; the rest as "other"). */
const questionWord = (item: PromptItem) => {
  const first = item.prompt.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  return QUESTION_WORDS.includes(first) ? first : 'other';
};

export const SLICE_SPECS: readonly SliceSpec[] = [
  {
    id: 'builtin-simpleqa',
    file: 'simpleqa.csv',
    output: 'simpleqa-slice.json',
    name: 'SimpleQA (slice)',
    description:
      '200 short fact-seeking questions from OpenAI SimpleQA, spread evenly across answer types and topics. Hard for small models closed-book; the tool offers an oracle passage built from the answer and its sources.',
    source: 'OpenAI SimpleQA test set, openai/simple-evals (simple_qa_test_set.csv)',
    licence: 'MIT',
    size: 200,
    stratum: (item) => `${tagValue(item, 'answer_type')} / ${tagValue(item, 'topic')}`,
  },
  {
    id: 'builtin-truthfulqa',
    file: 'truthfulqa.csv',
    output: 'truthfulqa-slice.json',
    name: 'TruthfulQA (slice)',
    description:
      '100 questions from TruthfulQA that some humans would answer falsely (misconceptions, myths, conspiracies), spread across its 38 categories, with its known-incorrect answers.',
    source: 'TruthfulQA (v1 update), sylinrl/TruthfulQA (TruthfulQA.csv)',
    licence: 'Apache-2.0',
    size: 100,
    stratum: (item) => tagValue(item, 'category'),
  },
  {
    id: 'builtin-nq-open',
    file: 'nq-open.dev.jsonl',
    output: 'nq-open-slice.json',
    name: 'NQ-open (slice)',
    description:
      '200 real search-engine questions from Natural Questions (open-domain dev split), with their accepted answer aliases, spread across question words.',
    source:
      'Natural Questions, open-domain dev split, google-research-datasets/natural-questions (nq_open/NQ-open.dev.jsonl)',
    licence: 'CC BY-SA 3.0',
    size: 200,
    stratum: questionWord,
  },
];

/** The slice set for a spec, from the full imported set. */
export function buildSlice(spec: SliceSpec, full: PromptSet): PromptSet {
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    source: spec.source,
    licence: spec.licence,
    builtin: true,
    items: stratifiedSample(full.items, spec.stratum, spec.size),
  };
}
