/**
 * Published figures, not measured here: shown beside results on the SimpleQA
 * slice only (set `builtin-simpleqa`) and always marked as published. Kept in
 * one place with their sources so a reader can check every number.
 */

export const SIMPLEQA_SET_ID = 'builtin-simpleqa';

export interface ReferenceSource {
  title: string;
  authors: string;
  year: number;
  url: string;
  /** What the figures were measured on. */
  scope: string;
}

export interface ReferenceFigure {
  model: string;
  /** Share of answers graded correct, 0..1; absent where the source gives none. */
  correct?: number;
  /** Share graded incorrect (the hallucination rate), 0..1. */
  incorrect: number;
  source: ReferenceSource;
}

const SIMPLEQA_PAPER: ReferenceSource = {
  title: 'Measuring short-form factuality in large language models',
  authors: 'Wei et al.',
  year: 2024,
  url: 'https://arxiv.org/abs/2411.04368',
  scope: 'SimpleQA, full set (4,326 questions)',
};

const GPT_OSS_CARD: ReferenceSource = {
  title: 'gpt-oss-120b & gpt-oss-20b model card',
  authors: 'OpenAI',
  year: 2025,
  url: 'https://openai.com/index/gpt-oss-model-card/',
  scope: 'SimpleQA hallucination rate, as reported in the model card',
};

export const REFERENCE_FIGURES: readonly ReferenceFigure[] = [
  { model: 'GPT-4o-mini', correct: 0.086, incorrect: 0.905, source: SIMPLEQA_PAPER },
  { model: 'GPT-4o', correct: 0.382, incorrect: 0.608, source: SIMPLEQA_PAPER },
  { model: 'o1-preview', correct: 0.427, incorrect: 0.481, source: SIMPLEQA_PAPER },
  { model: 'Claude-3.5-Sonnet', correct: 0.289, incorrect: 0.361, source: SIMPLEQA_PAPER },
  { model: 'gpt-oss-120b', incorrect: 0.782, source: GPT_OSS_CARD },
];

/** Reference rows apply only to the SimpleQA slice; every other set gets none. */
export function referenceFiguresFor(setId: string): readonly ReferenceFigure[] {
  return setId === SIMPLEQA_SET_ID ? REFERENCE_FIGURES : [];
}
