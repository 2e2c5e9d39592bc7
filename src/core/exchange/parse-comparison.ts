/**
 * The reader's events gathered up, for callers that want a whole file or
 * only its verdict: `parseComparisonFile` (tests, `floorcheck diff` and
 * `report`, small files) holds every record in memory; `validateComparison`
 * (`floorcheck validate`) holds none and only counts. Storing an import does
 * not use these: it streams the events into IndexedDB (src/storage/run-import.ts).
 */
import { err, ok, type AppError, type Result } from '../errors';
import type { ByteSource } from './byte-stream';
import type { ComparisonCounts, ComparisonHeader, ComparisonPayload } from './envelope';
import { trimSets } from './normalise';
import type { SpeedLabExport } from '../speed/records';
import { readComparison, type ReadOptions } from './read-comparison';

export interface ParsedComparison {
  header: ComparisonHeader;
  /** The format version the file was written in (it was migrated to the current one). */
  sourceVersion: number;
  payload: ComparisonPayload;
}

/** A whole file in memory, or its first problem. Sets are trimmed to the items the runs cover. */
export async function parseComparisonFile(
  source: ByteSource,
  options: Omit<ReadOptions, 'all'> = {},
): Promise<Result<ParsedComparison>> {
  let header: ComparisonHeader | undefined;
  let sourceVersion = 0;
  const payload: ComparisonPayload = { runs: [], results: [], sets: [] };
  for await (const event of readComparison(source, options)) {
    if (event.type === 'problem') return err(event.error);
    if (event.type === 'header') {
      header = event.header;
      sourceVersion = event.sourceVersion;
    } else if (event.type === 'set') payload.sets.push(event.set);
    else if (event.type === 'run') payload.runs.push(event.run);
    else if (event.type === 'speedLab') payload.speedLab = mergeSpeedLab(payload.speedLab, event.speedLab);
    else payload.results.push(event.result);
  }
  if (!header) throw new Error('The reader ended without a header or a problem.');
  return ok({ header, sourceVersion, payload: { ...payload, sets: trimSets(payload.sets, payload.runs) } });
}

/** Several `speedLab` lines read as one. */
function mergeSpeedLab(held: SpeedLabExport | undefined, next: SpeedLabExport): SpeedLabExport {
  if (!held) return next;
  return { ...held, probes: [...held.probes, ...next.probes], tests: [...held.tests, ...next.tests] };
}

export interface Validation {
  header?: ComparisonHeader;
  sourceVersion?: number;
  /** Records that passed. */
  counts: ComparisonCounts;
  /** The first problem, or every problem in single records with `all`. Empty when the file is valid. */
  problems: AppError[];
}

export async function validateComparison(source: ByteSource, options: ReadOptions = {}): Promise<Validation> {
  const validation: Validation = { counts: { sets: 0, runs: 0, results: 0, speedLab: 0 }, problems: [] };
  for await (const event of readComparison(source, options)) {
    if (event.type === 'problem') validation.problems.push(event.error);
    else if (event.type === 'header') {
      validation.header = event.header;
      validation.sourceVersion = event.sourceVersion;
    } else if (event.type === 'speedLab') validation.counts.speedLab = (validation.counts.speedLab ?? 0) + 1;
    else validation.counts[`${event.type}s`]++;
  }
  return validation;
}
