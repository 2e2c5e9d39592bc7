/**
 * A proportion with its 95% Wilson score interval, and the difference of two
 * independent proportions with Newcombe's interval (method 10, built from the
 * two Wilson intervals). Sets are small, so the normal approximation's
 * intervals (which go below 0 and above 1 at 0 or n) are rejected.
 *
 * The compare panel needs differences, which the metrics module does not
 * compute; the single-proportion interval matches metrics' Wilson interval.
 */

export const Z95 = 1.959963984540054;

export interface Rate {
  count: number;
  total: number;
  /** count / total; NaN when total is 0. */
  value: number;
  low: number;
  high: number;
}

export function wilson(count: number, total: number, z = Z95): Rate {
  if (total <= 0) return { count, total, value: Number.NaN, low: Number.NaN, high: Number.NaN };
  const p = count / total;
  const z2 = z * z;
  const denom = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denom;
  return { count, total, value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface RateDelta {
  /** b − a */
  value: number;
  low: number;
  high: number;
}

/** Newcombe's hybrid score interval for b − a. */
export function rateDelta(a: Rate, b: Rate): RateDelta {
  const d = b.value - a.value;
  if (Number.isNaN(d)) return { value: Number.NaN, low: Number.NaN, high: Number.NaN };
  const low = d - Math.sqrt((b.value - b.low) ** 2 + (a.high - a.value) ** 2);
  const high = d + Math.sqrt((b.high - b.value) ** 2 + (a.value - a.low) ** 2);
  return { value: d, low: Math.max(-1, low), high: Math.min(1, high) };
}

/** "12.5%" — one decimal, as the summary tables show rates. */
export function percent(value: number): string {
  return Number.isNaN(value) ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function signedPercent(value: number): string {
  if (Number.isNaN(value)) return '—';
  const text = `${(Math.abs(value) * 100).toFixed(1)} pp`;
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
