/**
 * The speed lab's records: plain, structured-cloneable data, as stored in
 * IndexedDB and as a comparison file will carry them (each record names the
 * machine it was measured on, so files from several machines can be read
 * side by side). Every figure is one the lab measured; derived ones (the
 * ceiling, % of ceiling) are stored with the inputs they came from.
 */
import type { EngineKind } from '../engine/engine-kinds';
import type { RunEnvironment, RunProvenance } from '../runs/types';
import type { WeightBytes } from '../engine/model-record';
import type { BandwidthProbe } from './bandwidth';
import { adapterName, type MachineFacts } from './machine';
import type { Measure } from './measure';

/** Format version of these records, for the file that carries them. */
export const SPEED_RECORD_VERSION = 1;

export interface BandwidthRecord {
  id: string;
  /** Epoch ms. */
  measuredAt: number;
  machine: MachineFacts;
  probe: BandwidthProbe;
  /** Set when the probe came from a comparison file: measured on another machine (or this one, earlier). */
  provenance?: RunProvenance;
}

/** One input length of a speed test: the engine's own figures over the repetitions. */
export interface SpeedRow {
  /** Prompt tokens asked for. */
  targetTokens: number;
  /** Lowered to fit the context window. */
  capped: boolean;
  /** Prompt tokens the engine counted (median over repetitions). */
  promptTokens: number;
  /** Tokens generated per repetition (the smallest; equal to the fixed output length when the engine holds it). */
  completionTokens: number;
  prefillTokensPerSecond: Measure;
  decodeTokensPerSecond: Measure;
  timeToFirstTokenMs: Measure;
  /** Median decode as a percentage of the ceiling; absent without a ceiling. */
  percentOfCeiling?: number;
}

/**
 * Floorcheck's own cost: the same generation through the runner's path (page,
 * engine client, worker, tokens streamed back) and on the backend directly
 * inside the worker, alternating. Speeds are completion tokens over the wall
 * time each caller saw.
 */
export interface RunnerOverhead {
  pairs: number;
  promptTokens: number;
  completionTokens: number;
  directTokensPerSecond: Measure;
  runnerTokensPerSecond: Measure;
  /** Runner ÷ direct, per pair; 1 means no cost. */
  ratio: Measure;
}

export interface SpeedCeiling {
  /** Bandwidth the ceiling divides: the probe's read pass, median. */
  gbPerSecond: number;
  probeId: string;
  probeMeasuredAt: number;
  weights: WeightBytes;
  tokensPerSecond: number;
}

export interface SpeedTestRecord {
  id: string;
  measuredAt: number;
  machine: MachineFacts;
  engine: { kind: EngineKind; label: string; simulated: boolean };
  modelId: string;
  contextWindow: number;
  /** Fixed output length asked for. */
  outputTokens: number;
  /** False when the engine cannot hold a fixed length (answers ended where the model stopped). */
  fixedLength: boolean;
  repetitions: number;
  rows: SpeedRow[];
  /** Absent when no probe was run on this machine, or the model's weight bytes are unknown. */
  ceiling?: SpeedCeiling;
  /** The weight bytes known for the model even when no ceiling could be made. */
  weights?: WeightBytes;
  overhead?: RunnerOverhead;
  durationMs: number;
  /** Set when the test came from a comparison file (the Speed screen marks it imported). */
  provenance?: RunProvenance;
}

/** Whether a record came from a comparison file rather than from this device's speed lab. */
export function isImportedSpeedRecord(record: { provenance?: RunProvenance }): boolean {
  return record.provenance !== undefined;
}

/** What a comparison file carries of the speed lab (a `{"speedLab": …}` line); see docs/file-formats.md. */
export interface SpeedLabExport {
  version: typeof SPEED_RECORD_VERSION;
  probes: BandwidthRecord[];
  tests: SpeedTestRecord[];
}

/** A model's speed-lab figure for the accuracy-against-speed chart. */
export interface SpeedLabFigure {
  modelId: string;
  /** Median decode at the test's shortest input, tokens/s. */
  decodeTokensPerSecond: number;
  promptTokens: number;
  measuredAt: number;
  machine: string;
}

/**
 * Per model, the newest speed test's decode speed at its shortest input (the
 * length closest to a run's short questions). With a run's environment, only
 * tests of the same engine on the same adapter count: a figure from another
 * machine would put this run's answers at someone else's speed.
 */
export function speedLabFigures(
  tests: readonly SpeedTestRecord[],
  environment?: Pick<RunEnvironment, 'engine' | 'adapter'>,
): Map<string, SpeedLabFigure> {
  const newest = new Map<string, SpeedTestRecord>();
  for (const test of tests) {
    if (environment && !sameMachine(test, environment)) continue;
    const seen = newest.get(test.modelId);
    if (!seen || test.measuredAt > seen.measuredAt) newest.set(test.modelId, test);
  }
  const figures = new Map<string, SpeedLabFigure>();
  for (const [modelId, test] of newest) {
    const shortest = [...test.rows].sort((a, b) => a.targetTokens - b.targetTokens)[0];
    if (!shortest || !Number.isFinite(shortest.decodeTokensPerSecond.median)) continue;
    figures.set(modelId, {
      modelId,
      decodeTokensPerSecond: shortest.decodeTokensPerSecond.median,
      promptTokens: shortest.promptTokens,
      measuredAt: test.measuredAt,
      machine: adapterName(test.machine),
    });
  }
  return figures;
}

function sameMachine(
  test: SpeedTestRecord,
  environment: Pick<RunEnvironment, 'engine' | 'adapter'>,
): boolean {
  if (test.engine.kind !== environment.engine) return false;
  const adapter = environment.adapter;
  if (!adapter) return !test.machine.webgpu;
  return (
    test.machine.vendor === adapter.vendor &&
    test.machine.architecture === adapter.architecture &&
    test.machine.description === adapter.description
  );
}
