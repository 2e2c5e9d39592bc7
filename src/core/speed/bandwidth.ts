/**
 * The bandwidth probe's arithmetic and vocabulary, apart from WebGPU (which
 * lives in `workers/bandwidth-probe.ts`): how big the probe's buffers are,
 * how many operations one timed repetition holds, and GB/s from bytes and
 * time. Pure, so Node tests check every figure the probe reports.
 *
 * GB/s counts bytes read plus bytes written, in decimal gigabytes (1e9), as
 * GPU vendors quote memory bandwidth: a copy of N bytes moves 2N, a read pass
 * over N bytes moves N plus its small sink.
 * Rejected: timing single operations. A copy of 256 MiB takes ~0.1 ms on a
 * desktop GPU, below what a browser's quantised timestamps (100 µs in Chrome)
 * or `onSubmittedWorkDone` resolve; a repetition batches operations until it
 * lasts long enough to time.
 */
import type { Measure } from './measure';

export type ProbeTiming = 'timestamp-query' | 'submitted-work-done';

/** What the probe measured, as stored and exported. */
export interface BandwidthProbe {
  /** Bytes in each of the probe's buffers. */
  bufferBytes: number;
  /** GPU timestamps around the work where the adapter has them; wall time to `onSubmittedWorkDone` otherwise. */
  timing: ProbeTiming;
  /** Buffer-to-buffer copy, GB/s (read + written). */
  copy: Measure;
  /** A compute shader reading the buffer (the access decoding does), GB/s. The ceiling uses this one. */
  read: Measure;
  /** Operations per timed repetition, copy and read. */
  opsPerRepetition: { copy: number; read: number };
  /** How long the whole probe took, ms. */
  durationMs: number;
}

export interface ProbeProgress {
  phase: 'preparing' | 'copy' | 'read';
  /** Repetitions done in this phase (warm-up included) and how many it has. */
  done: number;
  total: number;
}

/** The probe's largest buffer: big enough to dwarf any GPU cache, small enough for phones. */
export const PROBE_BUFFER_BYTES = 256 * 1024 * 1024;
/** Smallest buffer worth timing, when the adapter or its memory allows less. */
export const MIN_PROBE_BUFFER_BYTES = 16 * 1024 * 1024;

/**
 * The buffer size to ask for: `PROBE_BUFFER_BYTES`, within the adapter's
 * largest buffer and storage binding, and a multiple of 16 bytes (one vec4 of u32).
 */
export function probeBufferBytes(limits: {
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
}): number {
  const limit = Math.min(PROBE_BUFFER_BYTES, limits.maxBufferSize, limits.maxStorageBufferBindingSize);
  return Math.floor(limit / 16) * 16;
}

/** Decimal GB/s for `bytes` moved in `ms` milliseconds; NaN when the time is not positive. */
export function gbPerSecond(bytes: number, ms: number): number {
  return ms > 0 ? bytes / (ms / 1000) / 1e9 : Number.NaN;
}

/** Bytes one copy moves: every byte read once and written once. */
export function copyBytesMoved(bufferBytes: number): number {
  return 2 * bufferBytes;
}

/** Bytes one read pass moves: the buffer read, plus one u32 per invocation written to the sink. */
export function readBytesMoved(bufferBytes: number, invocations: number): number {
  return bufferBytes + 4 * invocations;
}

/**
 * Operations per timed repetition, so that one repetition lasts about
 * `targetMs` given that one operation took `oneOpMs`; at least 1, at most `max`.
 */
export function opsPerRepetition(oneOpMs: number, targetMs: number, max = 64): number {
  if (!(oneOpMs > 0)) return max;
  return Math.min(max, Math.max(1, Math.ceil(targetMs / oneOpMs)));
}

/** How long one repetition should last: timestamps resolve finely; submit-to-done adds a few ms of latency. */
export function repetitionTargetMs(timing: ProbeTiming): number {
  return timing === 'timestamp-query' ? 25 : 150;
}
