import { describe, expect, it } from 'vitest';
import {
  estimateRemainingMs,
  formatBytes,
  formatDuration,
  formatPercent,
  formatRate,
} from '../../../../src/core/format/units';

describe('formatBytes', () => {
  it.each([
    [0, '0 B', 'zero'],
    [999, '999 B', 'below a kilobyte'],
    [1500, '1.5 KB', 'decimal kilobytes'],
    [879_040_000, '879 MB', 'three significant digits drop the decimal'],
    [1_128_820_000, '1.1 GB', 'gigabytes with one decimal'],
    [-1, '—', 'negative is unknown'],
    [Number.NaN, '—', 'NaN is unknown'],
  ])('%d → %s (%s)', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [420, '420 ms'],
    [12_400, '12 s'],
    [185_000, '3 min 05 s'],
    [3_720_000, '1 h 02 min'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('formatRate and formatPercent', () => {
  it('keeps one decimal below 100 and none above', () => {
    expect(formatRate(42.345)).toBe('42.3 tok/s');
    expect(formatRate(1234.5)).toBe('1235 tok/s');
    expect(formatPercent(0.4567, 1)).toBe('45.7%');
  });
});

describe('estimateRemainingMs', () => {
  it.each<[number, number, number | undefined, string]>([
    [0.5, 10_000, 10_000, 'half done: as long again'],
    [0.25, 10_000, 30_000, 'a quarter done: three times as long'],
    [1, 10_000, 0, 'done'],
    [0.001, 10_000, undefined, 'too little progress to guess'],
    [0.5, 0, undefined, 'no time elapsed'],
  ])('fraction %d after %d ms → %s (%s)', (fraction, elapsed, expected) => {
    expect(estimateRemainingMs(fraction, elapsed)).toBe(expected);
  });
});
