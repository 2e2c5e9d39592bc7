/**
 * The valibot schema of a `{"speedLab": …}` line (format version 2): the
 * speed lab's bandwidth probes and model speed tests as
 * src/core/speed/records.ts defines them, every field checked, so a file
 * cannot put an impossible figure on the Speed screen. The `satisfies`
 * checks at the bottom keep the schema and the types from drifting apart.
 *
 * A figure that could not be measured is NaN in the lab (`measure()` of no
 * samples), which JSON writes as `null`: a `Measure` figure may be `null`
 * and is read back as NaN. Anything else must be a finite number within its
 * range (bandwidth at most a petabyte a second, speeds as schema-v2's).
 */
import * as v from 'valibot';
import { ENGINE_KINDS } from '../engine/engine-kinds';
import {
  SPEED_RECORD_VERSION,
  type BandwidthRecord,
  type SpeedLabExport,
  type SpeedTestRecord,
} from '../speed/records';
import { MAX_DURATION_MS, MAX_INSTANT, MAX_TOKENS_PER_SECOND } from './schema-v2';

/** A petabyte a second: far above any memory, so anything above is a broken figure. */
export const MAX_GB_PER_SECOND = 1e6;

const num = v.pipe(v.number(), v.finite());
const count = v.pipe(num, v.integer(), v.minValue(0));
const positiveCount = v.pipe(num, v.integer(), v.minValue(1));
const instant = v.pipe(
  num,
  v.minValue(-MAX_INSTANT, 'expected a date a Date can hold (epoch milliseconds within ±8.64e15)'),
  v.maxValue(MAX_INSTANT, 'expected a date a Date can hold (epoch milliseconds within ±8.64e15)'),
);
const ranged = (max: number, what: string) =>
  v.pipe(
    num,
    v.minValue(0, `${what} cannot be negative`),
    v.maxValue(max, `${what} above ${max} is not a real measurement`),
  );
const duration = ranged(MAX_DURATION_MS, 'a time');
const speed = ranged(MAX_TOKENS_PER_SECOND, 'a speed');
const bandwidth = ranged(MAX_GB_PER_SECOND, 'a bandwidth');

/** A measured figure: `null` (JSON's NaN: not measured) is read back as NaN. */
const figure = <S extends v.GenericSchema<number, number>>(inner: S) =>
  v.pipe(
    v.nullable(inner),
    v.transform((value): number => value ?? Number.NaN),
  );

const measureOf = <S extends v.GenericSchema<number, number>>(inner: S) =>
  v.object({ median: figure(inner), min: figure(inner), max: figure(inner), samples: v.array(inner) });

const provenance = v.optional(
  v.object({ fileName: v.string(), appVersion: v.string(), exportedAt: instant, importedAt: instant }),
);

const machine = v.object({
  webgpu: v.boolean(),
  vendor: v.string(),
  architecture: v.string(),
  device: v.string(),
  description: v.string(),
  isFallbackAdapter: v.boolean(),
  software: v.boolean(),
  userAgent: v.string(),
});

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(1000));

export const probeRecordSchema = v.object({
  id,
  measuredAt: instant,
  machine,
  probe: v.object({
    bufferBytes: positiveCount,
    timing: v.picklist(['timestamp-query', 'submitted-work-done']),
    copy: measureOf(bandwidth),
    read: measureOf(bandwidth),
    opsPerRepetition: v.object({ copy: positiveCount, read: positiveCount }),
    durationMs: duration,
  }),
  provenance,
});

const weights = v.object({ bytes: positiveCount, source: v.string() });

export const speedTestRecordSchema = v.object({
  id,
  measuredAt: instant,
  machine,
  engine: v.object({ kind: v.picklist(ENGINE_KINDS), label: v.string(), simulated: v.boolean() }),
  modelId: id,
  contextWindow: positiveCount,
  outputTokens: positiveCount,
  fixedLength: v.boolean(),
  repetitions: positiveCount,
  rows: v.array(
    v.object({
      targetTokens: positiveCount,
      capped: v.boolean(),
      promptTokens: count,
      completionTokens: count,
      prefillTokensPerSecond: measureOf(speed),
      decodeTokensPerSecond: measureOf(speed),
      timeToFirstTokenMs: measureOf(duration),
      percentOfCeiling: v.optional(ranged(1e6, 'a percentage')),
    }),
  ),
  ceiling: v.optional(
    v.object({
      gbPerSecond: bandwidth,
      probeId: v.string(),
      probeMeasuredAt: instant,
      weights,
      tokensPerSecond: speed,
    }),
  ),
  weights: v.optional(weights),
  overhead: v.optional(
    v.object({
      pairs: positiveCount,
      promptTokens: count,
      completionTokens: count,
      directTokensPerSecond: measureOf(speed),
      runnerTokensPerSecond: measureOf(speed),
      ratio: measureOf(ranged(1e6, 'a ratio')),
    }),
  ),
  durationMs: duration,
  provenance,
});

export const speedLabSchema = v.object({
  version: v.literal(SPEED_RECORD_VERSION),
  probes: v.array(probeRecordSchema),
  tests: v.array(speedTestRecordSchema),
});

// The schemas' output must be assignable to the records they stand for.
type Out<S extends v.GenericSchema> = v.InferOutput<S>;
type Matches<S extends v.GenericSchema, T> = Out<S> extends T ? true : never;
const _schemasMatchTypes: [
  Matches<typeof probeRecordSchema, BandwidthRecord>,
  Matches<typeof speedTestRecordSchema, SpeedTestRecord>,
  Matches<typeof speedLabSchema, SpeedLabExport>,
] = [true, true, true];
