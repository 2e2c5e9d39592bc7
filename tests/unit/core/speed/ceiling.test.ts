import { describe, expect, it } from 'vitest';
import { decodeCeiling, percentOfCeiling } from '../../../../src/core/speed/ceiling';

describe('decode ceiling = bandwidth ÷ weight bytes', () => {
  it.each([
    // [why, GB/s, weight bytes, tokens/s]
    ['a 0.56 GB model on a 100 GB/s GPU', 100, 0.5625e9, 177.78],
    ['an 8B q4f16_1 model (4.5 GB) on 1 TB/s', 1000, 4.5e9, 222.22],
    ['decimal GB: 1 GB/s over 1e9 bytes is one token per second', 1, 1e9, 1],
    ['SwiftShader-sized bandwidth, a 135M q0f32 model (540 MB)', 2.5, 540e6, 4.63],
  ])('%s', (_why, gbPerSecond, bytes, expected) => {
    expect(decodeCeiling(gbPerSecond, bytes)).toBeCloseTo(expected, 2);
  });

  it.each([
    ['no bandwidth', 0, 1e9],
    ['negative bandwidth', -5, 1e9],
    ['unknown weights', 100, Number.NaN],
    ['zero weights', 100, 0],
  ])('no ceiling with %s', (_why, gbPerSecond, bytes) => {
    expect(decodeCeiling(gbPerSecond, bytes)).toBeNaN();
  });

  it('percent of ceiling', () => {
    expect(percentOfCeiling(50, 200)).toBe(25);
    expect(percentOfCeiling(250, 200)).toBe(125);
    expect(percentOfCeiling(50, Number.NaN)).toBeNaN();
    expect(percentOfCeiling(Number.NaN, 200)).toBeNaN();
  });
});
