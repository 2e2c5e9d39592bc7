/**
 * The IndexedDB layout, as one typed idb `DBSchema`. Bump `DB_VERSION` and
 * add a file under `migrations/` for every change; never edit a shipped step.
 *
 * Stores:
 * - `promptSets`: user sets by id (built-in sets ship with the app and are
 *   merged in by the caller, never stored).
 * - `runs`: run records by id; `by-updated` (v2) lists history newest first.
 * - `results`: one record per model × condition × item, keyed by
 *   `resultId(runId, modelId, conditionId, itemId)` (the parts joined by `|`,
 *   escaped since v5) so a rewrite replaces instead of duplicating; `by-run`
 *   (v1) and `by-run-model` (v2). Since v3 it holds
 *   the summary only (no messages, no retrieval trace) and names its
 *   `result-details` record; see `result-layout.ts`.
 * - `result-details` (v3): messages and retrieval traces, packed per run.
 * - `result-packs` and `result-pack-ids` (v6): the answers of IMPORTED runs,
 *   whole (summary and details), a thousand a record, and under the same key
 *   the list of their ids, which finds a cell's pack and counts a run's
 *   answers without reading them. Runs made here keep a `results` summary per
 *   cell (the runner writes and rewrites single cells); runs imported before
 *   v6 keep theirs too, since every reader takes both layouts (`results.ts`,
 *   `result-stores.ts`, `result-packs.ts`).
 * - `settings`: key/value (theme, custom models, …), see `settings.ts`.
 * - `speed-probes` and `speed-tests` (v4): the speed lab's bandwidth probes
 *   and model speed tests, each with its machine; see `speed-lab.ts`.
 */
import type { DBSchema } from 'idb';
import type { PromptSet } from '../core/prompts/types';
import type { RunRecord } from '../core/runs/types';
import type { BandwidthRecord, SpeedTestRecord } from '../core/speed/records';
import type { StoredDetails, StoredResult } from './result-layout';
import type { StoredPack, StoredPackIds } from './result-packs';

export const DB_NAME = 'floorcheck';
export const DB_VERSION = 6;

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface FloorcheckSchema extends DBSchema {
  promptSets: { key: string; value: PromptSet };
  runs: { key: string; value: RunRecord; indexes: { 'by-updated': number } };
  results: {
    key: string;
    value: StoredResult;
    indexes: { 'by-run': string; 'by-run-model': [string, string] };
  };
  'result-details': { key: string; value: StoredDetails };
  'result-packs': { key: string; value: StoredPack };
  'result-pack-ids': { key: string; value: StoredPackIds };
  settings: { key: string; value: SettingRecord };
  'speed-probes': { key: string; value: BandwidthRecord; indexes: { 'by-measured': number } };
  'speed-tests': {
    key: string;
    value: SpeedTestRecord;
    indexes: { 'by-measured': number; 'by-model': string };
  };
}
