/**
 * How shares and their intervals are written, on screen and in exports:
 * percentages with one decimal, intervals as "[low, high]", differences in
 * percentage points with a sign. One place, so the table, the Markdown copy,
 * the charts' data tables and the compare panel can never round differently.
 */
import type { Interval } from './wilson-interval';

/** "12.5%"; "—" for a value that is not a number. */
export function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '—';
}

/** "+12.5 pp" / "−12.5 pp" / "0.0 pp" (a true minus sign, as in print). */
export function signedPercent(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const text = `${(Math.abs(value) * 100).toFixed(1)} pp`;
  if (text === '0.0 pp') return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

/** "25.0% [4.6%, 69.9%]". */
export function intervalText(interval: Interval): string {
  return `${percent(interval.estimate)} [${percent(interval.low)}, ${percent(interval.high)}]`;
}

/** "+50.0 pp [+2.1 pp, +80.3 pp]". */
export function signedIntervalText(interval: Interval): string {
  return `${signedPercent(interval.estimate)} [${signedPercent(interval.low)}, ${signedPercent(interval.high)}]`;
}

/** A share as a bare number of percent with one decimal ("12.5"), for CSV; "" when not a number. */
export function percentNumber(value: number): string {
  return Number.isFinite(value) ? (value * 100).toFixed(1) : '';
}
