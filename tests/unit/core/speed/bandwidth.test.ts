import { describe, expect, it } from 'vitest';
import {
  copyBytesMoved,
  gbPerSecond,
  opsPerRepetition,
  PROBE_BUFFER_BYTES,
  probeBufferBytes,
  readBytesMoved,
  repetitionTargetMs,
} from '../../../../src/core/speed/bandwidth';

const MiB = 1024 * 1024;

describe('bandwidth probe arithmetic', () => {
  it.each([
    ['a desktop GPU: capped at the probe size', 4096 * MiB, 2048 * MiB, PROBE_BUFFER_BYTES],
    ['SwiftShader (1 GiB limits)', 1024 * MiB, 1024 * MiB, PROBE_BUFFER_BYTES],
    ['a phone: the storage binding is the limit', 256 * MiB, 128 * MiB, 128 * MiB],
    ['rounded down to whole vec4s', 100 * MiB + 7, 1024 * MiB, 100 * MiB],
  ])('buffer size: %s', (_why, maxBufferSize, maxStorageBufferBindingSize, expected) => {
    expect(probeBufferBytes({ maxBufferSize, maxStorageBufferBindingSize })).toBe(expected);
  });

  it('GB/s is decimal and counts what was read plus what was written', () => {
    // A 256 MiB copy moves 512 MiB; in 20 ms that is 26.8 GB/s.
    expect(copyBytesMoved(256 * MiB)).toBe(512 * MiB);
    expect(gbPerSecond(copyBytesMoved(256 * MiB), 20)).toBeCloseTo(26.84, 2);
    // The read pass reads the buffer and writes one u32 per invocation.
    expect(readBytesMoved(256 * MiB, 262_144)).toBe(256 * MiB + 1 * MiB);
    expect(gbPerSecond(1e9, 1000)).toBe(1);
    expect(gbPerSecond(1e9, 0)).toBeNaN();
  });

  it.each([
    ['a fast copy is batched to last about the target', 0.2, 25, 64, 64],
    ['batched up to the target', 2, 25, 64, 13],
    ['a slow operation is timed alone', 105, 25, 64, 1],
    ['an operation too quick to time gets the most', 0, 25, 64, 64],
  ])('operations per repetition: %s', (_why, oneOpMs, targetMs, max, expected) => {
    expect(opsPerRepetition(oneOpMs, targetMs, max)).toBe(expected);
  });

  it('submit-to-done timing asks for longer repetitions than GPU timestamps', () => {
    expect(repetitionTargetMs('submitted-work-done')).toBeGreaterThan(repetitionTargetMs('timestamp-query'));
  });
});
