/**
 * The headline in words, for every report format: each model's floor gap
 * (hallucination rate closed-book minus with fault-free retrieval) with its
 * interval and the two rates it comes from, worded as the results screen
 * words it.
 */
import type { FloorGap } from '../metrics/condition-effects';
import { percent, signedPercent } from '../metrics/share-format';
import { conditionLabel } from '../retrieval/conditions';

export const FLOOR_GAP_NOTE =
  'Floor gap: hallucination rate closed-book minus with retrieval (95% Newcombe interval); positive means the model hallucinates more once retrieval goes away.';

export const NO_FLOOR_GAP =
  'No floor gap yet: it needs graded answers from the same model closed-book and with fault-free retrieval.';

export interface FloorGapText {
  modelId: string;
  /** "+25.0 pp". */
  gap: string;
  /** "[−10.2 pp, +55.1 pp]". */
  interval: string;
  /** "hallucinates 50.0% closed-book against 25.0% with retrieval (passages in context)". */
  detail: string;
}

export function floorGapText(gap: FloorGap): FloorGapText {
  return {
    modelId: gap.modelId,
    gap: signedPercent(gap.gap.estimate),
    interval: `[${signedPercent(gap.gap.low)}, ${signedPercent(gap.gap.high)}]`,
    detail:
      `hallucinates ${percent(gap.closedBook.estimate)} closed-book against ` +
      `${percent(gap.withRetrieval.estimate)} with retrieval (${conditionLabel(gap.condition).toLowerCase()})`,
  };
}
