/**
 * Step-by-step migrations of comparison files: each step takes a document of
 * version N (already known to carry `version: N`) and returns one of version
 * N + 1. `migrateToCurrent` applies the steps in order, so a file from any
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

const STEPS: Record<number, (doc: Json) => Json> = {
  0: (doc) => {
    const exported = doc.exportedAt;
    const results = doc.results;
    return {
      format: COMPARISON_FORMAT,
      version: 1,
      app: { name: 'Floorcheck', version: '0.0.0' },
      exportedAt: epochToIso(exported),
      payload: {
        runs: doc.runs,
        results: Array.isArray(results) ? results.map(resultV0toV1) : results,
        sets: doc.sets ?? [],
      },
    };
  },
};

export const OLDEST_VERSION = 0;

/** Applies every step from `version` up to the current version. */
export function migrateToCurrent(doc: Json, version: number): Json {
  let current = doc;
  for (let step = version; step < COMPARISON_VERSION; step++) {
    const migrate = STEPS[step];
    if (!migrate) throw new Error(`No migration from comparison format version ${step}.`);
    current = migrate(current);
  }
  return current;
}
