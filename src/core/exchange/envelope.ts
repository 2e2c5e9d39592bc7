/**
 * The comparison file: runs, their results and the prompt-set items they
 * used, so two people can put their runs side by side.
 *
 * Version 2 is JSON Lines: a header line, then one record per line, so a file
 * of any size is written and read record by record and never held as one
 * string or parsed in one `JSON.parse` (docs/file-formats.md):
 *
 *   {"format":"floorcheck-comparison","version":2,"app":{…},"exportedAt":"…","counts":{…}}
 *   {"set":{…}}
 *   {"run":{…}}
 *   {"speedLab":{…}}      (optional: the speed lab's probes and tests)
 *   {"result":{…}}
 *
 * `format` tells our files from any other; `version` is the file format's own
 * number (not the app's) and only goes up when the shape changes, with a
 * migration step in migrations.ts and a fixture in tests/fixtures/exchange/.
 * Versions 0 and 1 were one JSON document (schema-v1.ts); they are still read.
 */
import type { PromptSet } from '../prompts/types';
import type { ResultRecord, RunRecord } from '../runs/types';
import type { SpeedLabExport } from '../speed/records';

export const COMPARISON_FORMAT = 'floorcheck-comparison';
export const COMPARISON_VERSION = 2;

export interface AppStamp {
  name: string;
  version: string;
}

/** How many records of each kind follow the header: a file cut short is caught by these. */
export interface ComparisonCounts {
  sets: number;
  runs: number;
  results: number;
  /** `speedLab` lines; absent in files without one (every file written before they existed). */
  speedLab?: number;
}

/** The first line of a version 2 file (and what older files are migrated to). */
export interface ComparisonHeader {
  format: typeof COMPARISON_FORMAT;
  version: typeof COMPARISON_VERSION;
  app: AppStamp;
  /** ISO 8601. */
  exportedAt: string;
  /** Present in version 2 files; files of older versions did not say. */
  counts?: ComparisonCounts;
}

/** One line after the header. */
export type ComparisonLine =
  { set: PromptSet } | { run: RunRecord } | { speedLab: SpeedLabExport } | { result: ResultRecord };

/** A whole file in memory: for small files, tests and the command line's `diff`. */
export interface ComparisonPayload {
  runs: RunRecord[];
  results: ResultRecord[];
  /** The sets the runs used, trimmed to the items the runs cover. */
  sets: PromptSet[];
  /** The speed lab's probes and tests, when the file carries them (several lines merged). */
  speedLab?: SpeedLabExport;
}

/** Where file names end: plain, and gzipped (written when a file is large). */
export const COMPARISON_EXTENSION = '.floorcheck.json';
export const COMPARISON_GZIP_EXTENSION = '.floorcheck.json.gz';
