import { describe, expect, it } from 'vitest';
import { measure } from '../../../../src/core/speed/measure';
import {
  formatGbPerSecond,
  formatMeasure,
  probeSummary,
  speedTestText,
} from '../../../../src/core/speed/speed-text';
import { buildProbe, buildRow, buildSpeedTest } from './builders';

describe('speed figures in words', () => {
  it.each([
    [4321.4, '4321 GB/s'],
    [27.04, '27.0 GB/s'],
    [2.513, '2.51 GB/s'],
    [Number.NaN, '—'],
  ])('%s GB/s reads "%s"', (value, text) => {
    expect(formatGbPerSecond(value)).toBe(text);
  });

  it('a measure reads as median with its range; one sample as the value alone', () => {
    expect(formatMeasure(measure([60.2, 59.8, 60]), 'tok/s')).toBe('60.0 tok/s (59.8–60.2)');
    expect(formatMeasure(measure([216, 218, 217]), 'ms', (v) => String(Math.round(v)))).toBe(
      '217 ms (216–218)',
    );
    expect(formatMeasure(measure([5]), 'x')).toBe('5.00 x');
    expect(formatMeasure(measure([]), 'x')).toBe('—');
  });

  it('the probe summary names the software adapter, both figures and the timing', () => {
    expect(probeSummary(buildProbe())).toBe(
      'google swiftshader, software: read 2.52 GB/s, copy 27.1 GB/s (3 repetitions, largest/smallest 1.02×; 268 MB buffers; timestamp-query)',
    );
  });

  it('the test as a table, with the ceiling and its sources, and the runner ratio', () => {
    const text = speedTestText(
      buildSpeedTest({
        rows: [buildRow({ percentOfCeiling: 12.5 })],
        ceiling: {
          gbPerSecond: 2.52,
          probeId: 'probe-1',
          probeMeasuredAt: 100,
          weights: { bytes: 304_087_040, source: 'simulated: the size of its fake download (scenario.json)' },
          tokensPerSecond: 8.29,
        },
        overhead: {
          pairs: 5,
          promptTokens: 131,
          completionTokens: 64,
          directTokensPerSecond: measure([50]),
          runnerTokensPerSecond: measure([49.6]),
          ratio: measure([0.992, 0.99, 0.995]),
        },
      }),
    );
    expect(text).toContain('input tokens  prefill');
    expect(text).toMatch(
      /131 +605 tok\/s \(600–610\) +60\.0 tok\/s \(59\.8–60\.2\) +217 ms \(216–218\) +12\.5%/,
    );
    expect(text).toContain('ceiling 8.3 tok/s = 2.52 GB/s (probe read pass) ÷ 304 MB of weights (simulated:');
    expect(text).toContain("Floorcheck's runner path at 99.2% of direct speed (5 alternating pairs");
  });

  it('says why there is no ceiling', () => {
    expect(speedTestText(buildSpeedTest())).toContain(
      'no ceiling: the weight size of this model is not known',
    );
    expect(speedTestText(buildSpeedTest({ weights: { bytes: 1, source: 's' } }))).toContain(
      'no ceiling: run the bandwidth probe on this machine first',
    );
  });
});
