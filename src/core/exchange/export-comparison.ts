/**
 * Writes a comparison file for the given runs: their results and the set
 * items they used, in the current format version. The clock and the app
 * stamp come in as arguments so this stays pure and testable.
 */
import type { PromptSet } from '../prompts/types';
import type { ResultRecord, RunRecord } from '../runs/types';
import {
  COMPARISON_FORMAT,
  COMPARISON_VERSION,
  type AppStamp,
  type ComparisonEnvelope,
  type ComparisonPayload,
} from './envelope';
import { trimSets } from './normalise';

/** Results of the given runs only, and sets trimmed to the items those runs cover. */
export function comparisonPayload(
  runs: readonly RunRecord[],
  results: readonly ResultRecord[],
  sets: readonly PromptSet[],
): ComparisonPayload {
  const runIds = new Set(runs.map((r) => r.id));
  return {
    runs: [...runs],
    results: results.filter((r) => runIds.has(r.runId)),
    sets: trimSets(sets, runs),
  };
}

/** `now`: epoch milliseconds, the export time written in the file. */
export function exportComparison(payload: ComparisonPayload, app: AppStamp, now: number): string {
  const envelope: ComparisonEnvelope = {
    format: COMPARISON_FORMAT,
    version: COMPARISON_VERSION,
    app,
    exportedAt: new Date(now).toISOString(),
    payload,
  };
  return `${JSON.stringify(envelope, null, 1)}\n`;
}
