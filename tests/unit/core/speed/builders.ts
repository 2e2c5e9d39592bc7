/** Builders with overrides for the speed lab's records. */
import type { MachineFacts } from '../../../../src/core/speed/machine';
import { measure } from '../../../../src/core/speed/measure';
import type { BandwidthRecord, SpeedRow, SpeedTestRecord } from '../../../../src/core/speed/records';

export function buildMachine(overrides: Partial<MachineFacts> = {}): MachineFacts {
  return {
    webgpu: true,
    vendor: 'google',
    architecture: 'swiftshader',
    device: '',
    description: '',
    isFallbackAdapter: false,
    software: true,
    userAgent: 'vitest',
    ...overrides,
  };
}

export function buildProbe(overrides: Partial<BandwidthRecord> = {}): BandwidthRecord {
  return {
    id: 'probe-1',
    measuredAt: 100,
    machine: buildMachine(),
    probe: {
      bufferBytes: 256 * 1024 * 1024,
      timing: 'timestamp-query',
      copy: measure([27.1, 26.8, 27.4]),
      read: measure([2.52, 2.49, 2.55]),
      opsPerRepetition: { copy: 2, read: 1 },
      durationMs: 2400,
    },
    ...overrides,
  };
}

export function buildRow(overrides: Partial<SpeedRow> = {}): SpeedRow {
  return {
    targetTokens: 128,
    capped: false,
    promptTokens: 131,
    completionTokens: 64,
    prefillTokensPerSecond: measure([610, 600, 605]),
    decodeTokensPerSecond: measure([60.2, 59.8, 60]),
    timeToFirstTokenMs: measure([216, 218, 217]),
    ...overrides,
  };
}

export function buildSpeedTest(overrides: Partial<SpeedTestRecord> = {}): SpeedTestRecord {
  return {
    id: 'speed-1',
    measuredAt: 200,
    machine: buildMachine(),
    engine: { kind: 'simulated', label: 'Simulated engine', simulated: true },
    modelId: 'sim-honest-0.5B-q4f32_1',
    contextWindow: 4096,
    outputTokens: 64,
    fixedLength: true,
    repetitions: 3,
    rows: [
      buildRow(),
      buildRow({ targetTokens: 512, promptTokens: 515, decodeTokensPerSecond: measure([58, 57.5, 58.4]) }),
    ],
    durationMs: 9000,
    ...overrides,
  };
}
