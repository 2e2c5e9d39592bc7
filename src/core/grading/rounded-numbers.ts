/**
 * A number given rounded: "7.82 million" (normalised to 7820000) for a gold
 * "7,826,367". The answer's number must keep at least three significant
 * figures, so it pins the amount down to within 1%; "8 million" or "7.8
 * million" could stand for many amounts and are not accepted. Round years
 * ("2000") have too few figures to qualify. A relative tolerance (within 1%)
 * was rejected: it would accept "1,000" for "1,004", though "1,000" may only
 * mean "about a thousand".
 */

/** Significant figures a rounded number must keep, so that it pins the amount down (within 1%). */
const ROUNDED_FIGURES = 3;

/**
 * "7.82 million" for "7,826,367": an answer whose one number is the gold's,
 * rounded or cut at three or more significant figures, with no other words
 * beyond the alias's. Returns the gold number it stands for.
 */
export function roundedFrom(
  core: readonly string[],
  aliasNumbers: ReadonlySet<string>,
  inAlias: (word: string) => boolean,
): string | undefined {
  if (aliasNumbers.size === 0) return undefined;
  let stated: string | undefined;
  for (const t of core) {
    if (/\d/.test(t)) {
      if (stated !== undefined || !/^\d+$/.test(t)) return undefined;
      stated = t;
    } else if (!inAlias(t)) return undefined;
  }
  if (stated === undefined) return undefined;
  const zeros = stated.length - stated.replace(/0+$/, '').length;
  if (zeros < 3 || stated.length - zeros < ROUNDED_FIGURES) return undefined;
  const value = Number(stated);
  const step = 10 ** zeros;
  for (const n of aliasNumbers) {
    if (!/^\d+$/.test(n) || n.length !== stated.length || n === stated) continue;
    if (Math.abs(Number(n) - value) < step) return n;
  }
  return undefined;
}
