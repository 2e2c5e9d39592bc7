/**
 * The one colour key of the results charts: colour means the condition's kind,
 * in every chart (bars and the speed scatter alike), so a colour never means a
 * condition in one chart and a model in the next. Models are told apart by
 * their own heading (bars) or marker shape (scatter). Theme variables, so light
 * and dark both read.
 */
import type { Condition } from '../../core/retrieval/types';

export const CONDITION_COLOURS: Record<Condition['kind'], string> = {
  'closed-book': 'var(--warn)',
  context: 'var(--accent)',
  tool: 'var(--sim)',
};

export const CONDITION_KIND_LABELS: Record<Condition['kind'], string> = {
  'closed-book': 'closed book',
  context: 'passages in context',
  tool: 'with tool',
};
