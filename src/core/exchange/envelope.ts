/**
 * The comparison file: an envelope around runs, their results and the prompt
 * set items they used, so two people can put their runs side by side.
 *
 *   { format: 'floorcheck-comparison', version, app: {name, version}, exportedAt, payload }
 *
 * `format` tells our files from any other JSON; `version` is the file format's
 * own number (not the app's) and only goes up when the shape changes, with a
 * migration step in migrations.ts and a fixture in tests/fixtures/exchange/.
 */
import type { PromptSet } from '../prompts/types';
import type { ResultRecord, RunRecord } from '../runs/types';

export const COMPARISON_FORMAT = 'floorcheck-comparison';
export const COMPARISON_VERSION = 1;

export interface AppStamp {
  name: string;
  version: string;
}

export interface ComparisonPayload {
  runs: RunRecord[];
  results: ResultRecord[];
  /** The sets the runs used, trimmed to the items the runs cover. */
  sets: PromptSet[];
}

export interface ComparisonEnvelope {
  format: typeof COMPARISON_FORMAT;
  version: typeof COMPARISON_VERSION;
  app: AppStamp;
  /** ISO 8601. */
  exportedAt: string;
  payload: ComparisonPayload;
}
