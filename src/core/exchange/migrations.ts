/**
 * Step-by-step migrations of comparison files, record by record (a file is
 * never one document in memory): each step takes the header fields or one
 * record of version N and returns them as version N + 1, so a file from any
 * past version reaches the current one through every shape in between.
 *
 * Steps work on plain JSON and are defensive: they reshape what they know and
 * leave the rest for the schema to judge, so a broken field is reported by
 * validation with its path instead of crashing here. One jump per old version
 * (v0 → current) was rejected: every new version would rewrite all of them.
 *
 * Version 0 was the draft shape used before the envelope existed: runs,
 * results and sets at the top level, `exportedAt` as epoch milliseconds, and
 * results with `answer`, a single deterministic `verdict`/`reason`, an
 * optional `override` verdict, and short usage names (`ttftMs`, `decodeTps`…).
 */
import { resultId } from '../runs/types';
import { COMPARISON_FORMAT, COMPARISON_VERSION } from './envelope';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function resultV0toV1(value: unknown): unknown {
  if (!isObject(value)) return value;
  const { answer, verdict, reason, override, usage, finishReason, ...rest } = value;
  const out: Json = { ...rest, rawAnswer: answer, finishReason: finishReason ?? 'stop' };
  if (isObject(usage)) {
    out.usage = {
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      timeToFirstTokenMs: usage.ttftMs,
      prefillTokensPerSecond: usage.prefillTps,
      decodeTokensPerSecond: usage.decodeTps,
      totalMs: usage.totalMs,
    };
  } else {
    out.usage = usage;
  }
  const verdicts: Json = {};
  if (verdict !== undefined) verdicts.deterministic = { verdict, reason: reason ?? '' };
  if (override !== undefined) verdicts.override = { verdict: override, at: value.createdAt };
  out.verdicts = verdicts;
  if (out.id === undefined && [rest.runId, rest.modelId, rest.conditionId, rest.itemId].every(isString)) {
    out.id = resultId(
      String(rest.runId),
      String(rest.modelId),
      String(rest.conditionId),
      String(rest.itemId),
    );
  }
  return out;
}

/**
 * Epoch milliseconds as an ISO string, when they name a real instant. Anything
 * else (a string, 1e20, 1e999 read as Infinity) is left as it was, so the
 * schema rejects it with the path `exportedAt` instead of `toISOString`
 * throwing a RangeError out of the import.
 */
function epochToIso(value: unknown): unknown {
  if (typeof value !== 'number') return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** `speedLab` lines exist only in version 2 files, so no step before it sees one. */
export type RecordKind = 'set' | 'run' | 'result' | 'speedLab';

interface Step {
  /** The header fields (format, version, app, exportedAt, counts) of version N as version N + 1. */
  header: (doc: Json) => Json;
  /** One record of version N as version N + 1. */
  record: (kind: RecordKind, value: unknown) => unknown;
}

const STEPS: Record<number, Step> = {
  0: {
    header: (doc) => ({
      format: COMPARISON_FORMAT,
      version: 1,
      app: { name: 'Floorcheck', version: '0.0.0' },
      exportedAt: epochToIso(doc.exportedAt),
    }),
    record: (kind, value) => (kind === 'result' ? resultV0toV1(value) : value),
  },
  // Version 2 changed the layout (JSON Lines instead of one document, see
  // envelope.ts), added `counts` to the header and `provenance` to runs, and
  // escapes '|' inside result ids; a version 1 record keeps its shape (its id
  // is rebuilt on reading, as every id is).
  1: {
    header: (doc) => ({ format: doc.format, version: 2, app: doc.app, exportedAt: doc.exportedAt }),
    record: (_kind, value) => value,
  },
};

export const OLDEST_VERSION = 0;

function stepsFrom(version: number): Step[] {
  const steps: Step[] = [];
  for (let from = version; from < COMPARISON_VERSION; from++) {
    const step = STEPS[from];
    if (!step) throw new Error(`No migration from comparison format version ${from}.`);
    steps.push(step);
  }
  return steps;
}

/** The header of a file of `version`, as the current version's. */
export function migrateHeader(doc: Json, version: number): Json {
  return stepsFrom(version).reduce((current, step) => step.header(current), doc);
}

/** A migrator for one file's records: the steps are looked up once, not per record. */
export function recordMigrator(version: number): (kind: RecordKind, value: unknown) => unknown {
  const steps = stepsFrom(version);
  if (steps.every((step) => step === STEPS[1])) return (_kind, value) => value;
  return (kind, value) => steps.reduce((current, step) => step.record(kind, current), value);
}
