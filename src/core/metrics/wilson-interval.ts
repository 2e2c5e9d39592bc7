/**
 * Confidence intervals for proportions from small samples: Wilson's score
 * interval for one proportion, and Newcombe's hybrid score interval (method 10)
 * for a difference of two independent proportions.
 *
 * The normal ("Wald") interval was rejected: with 20–100 items per cell it
 * collapses to zero width at 0% and 100% and runs outside [0, 1].
 */

export interface Interval {
  /** The point estimate (a share 0..1, or a difference -1..1). */
  estimate: number;
  low: number;
  high: number;
}

/** Wilson score interval for `successes` out of `n`; at n = 0 the estimate is 0 and the interval [0, 1]. */
export function wilson(successes: number, n: number, z = 1.96): Interval {
  if (n <= 0) return { estimate: 0, low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // Exact ends at 0 and n (floating point would leave 1e-17 there).
  return {
    estimate: p,
    low: successes <= 0 ? 0 : Math.max(0, centre - half),
    high: successes >= n ? 1 : Math.min(1, centre + half),
  };
}

/** Newcombe's hybrid score interval for p1 - p2 (x1 of n1 against x2 of n2). */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = 1.96): Interval {
  const a = wilson(x1, n1, z);
  const b = wilson(x2, n2, z);
  const d = a.estimate - b.estimate;
  const low = d - Math.sqrt((a.estimate - a.low) ** 2 + (b.high - b.estimate) ** 2);
  const high = d + Math.sqrt((a.high - a.estimate) ** 2 + (b.estimate - b.low) ** 2);
  return { estimate: d, low: Math.max(-1, low), high: Math.min(1, high) };
}
