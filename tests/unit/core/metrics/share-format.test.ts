import { describe, expect, it } from 'vitest';
import {
  intervalText,
  percent,
  percentNumber,
  signedIntervalText,
  signedPercent,
} from '../../../../src/core/metrics/share-format';

describe('share formatting', () => {
  it.each([
    { why: 'one decimal', value: 0.125, expected: '12.5%' },
    { why: 'whole range', value: 1, expected: '100.0%' },
    { why: 'not a number is a dash', value: Number.NaN, expected: '—' },
  ])('percent: $why', ({ value, expected }) => {
    expect(percent(value)).toBe(expected);
  });

  it.each([
    { why: 'a rise has a plus', value: 0.5, expected: '+50.0 pp' },
    { why: 'a fall has a true minus sign', value: -0.167, expected: '−16.7 pp' },
    { why: 'zero has no sign', value: 0, expected: '0.0 pp' },
    { why: 'a tiny negative rounds to an unsigned zero', value: -0.0001, expected: '0.0 pp' },
  ])('signedPercent: $why', ({ value, expected }) => {
    expect(signedPercent(value)).toBe(expected);
  });

  it('writes intervals as estimate [low, high]', () => {
    expect(intervalText({ estimate: 0.25, low: 0.0456, high: 0.6994 })).toBe('25.0% [4.6%, 69.9%]');
    expect(signedIntervalText({ estimate: 0.5, low: -0.1021, high: 0.8 })).toBe(
      '+50.0 pp [−10.2 pp, +80.0 pp]',
    );
  });

  it('writes bare percentages for CSV, empty when not a number', () => {
    expect(percentNumber(0.0456)).toBe('4.6');
    expect(percentNumber(Number.NaN)).toBe('');
  });
});
