import { describe, expect, it } from 'vitest';
import { newcombeDifference, wilson } from '../../../../src/core/metrics/wilson-interval';

describe('wilson', () => {
  it.each([
    // Worked by hand, z = 1.96, z² = 3.8416, n = 10, p = 0:
    // centre = (0 + 0.19208) / 1.38416 = 0.13877, half = 1.96·sqrt(0 + 0.009604)/1.38416 = 0.13877
    { why: 'no successes: low is exactly 0', x: 0, n: 10, estimate: 0, low: 0, high: 0.27753 },
    { why: 'all successes: high is exactly 1', x: 10, n: 10, estimate: 1, low: 0.72247, high: 1 },
    // p = 0.5, n = 20: centre = 0.5, half = 1.96·sqrt(0.0125 + 0.0024010)/1.19208 = 0.20070
    { why: 'middle case worked by hand', x: 10, n: 20, estimate: 0.5, low: 0.2993, high: 0.7007 },
    { why: 'empty sample: the whole range', x: 0, n: 0, estimate: 0, low: 0, high: 1 },
  ])('$why', ({ x, n, estimate, low, high }) => {
    const interval = wilson(x, n);
    expect(interval.estimate).toBeCloseTo(estimate, 5);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });
});

describe('newcombeDifference', () => {
  it('matches Newcombe (1998) example: 56/70 against 48/80 gives 0.2 (0.0524 to 0.3339)', () => {
    const d = newcombeDifference(56, 70, 48, 80);
    expect(d.estimate).toBeCloseTo(0.2, 6);
    expect(d.low).toBeCloseTo(0.0524, 3);
    expect(d.high).toBeCloseTo(0.3339, 3);
  });

  it('is antisymmetric when the samples swap', () => {
    const a = newcombeDifference(3, 12, 9, 15);
    const b = newcombeDifference(9, 15, 3, 12);
    expect(a.low).toBeCloseTo(-b.high, 10);
    expect(a.high).toBeCloseTo(-b.low, 10);
  });
});
