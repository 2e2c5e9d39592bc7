import { describe, expect, it } from 'vitest';
import { measure, relativeSpread, spreadFactor } from '../../../../src/core/speed/measure';

describe('measure: median and spread of repetitions', () => {
  it.each([
    ['three repetitions: the middle one', [3, 1, 2], { median: 2, min: 1, max: 3 }],
    [
      'five: one slow outlier does not move the median',
      [10, 10.2, 9.9, 2, 10.1],
      { median: 10, min: 2, max: 10.2 },
    ],
    [
      'even count: the lower middle (nearest rank), a value actually measured',
      [4, 1, 3, 2],
      { median: 2, min: 1, max: 4 },
    ],
    ['one repetition', [7], { median: 7, min: 7, max: 7 }],
    ['non-finite values are left out', [Number.NaN, 5, Infinity, 6, 4], { median: 5, min: 4, max: 6 }],
  ])('%s', (_why, values, expected) => {
    const m = measure(values);
    expect({ median: m.median, min: m.min, max: m.max }).toEqual(expected);
  });

  it('keeps the samples in the order measured, finite ones only', () => {
    expect(measure([3, Number.NaN, 1, 2]).samples).toEqual([3, 1, 2]);
  });

  it('nothing measured: NaN figures, no samples', () => {
    const m = measure([]);
    expect(m.samples).toEqual([]);
    expect([m.median, m.min, m.max].every(Number.isNaN)).toBe(true);
  });

  it('spread as a factor (largest over smallest) and relative to the median', () => {
    const m = measure([9, 10, 12]);
    expect(spreadFactor(m)).toBeCloseTo(12 / 9);
    expect(relativeSpread(m)).toBeCloseTo(3 / 10);
    expect(spreadFactor(measure([5, 5, 5]))).toBe(1);
    expect(spreadFactor(measure([]))).toBeNaN();
    expect(spreadFactor(measure([0, 1]))).toBeNaN();
  });
});
