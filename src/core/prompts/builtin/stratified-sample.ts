/**
 * Picks a deterministic, spread-out sample: items are grouped by a key
 * (SimpleQA: answer type × topic), every group gets one pick in turn until the
 * target is reached (so small groups are represented, large ones do not
 * swamp), and within a group the picks are evenly spaced through it rather
 * than the first few rows. Same input, same sample — no randomness, so the
 * generated slice files only change when the data does.
 * Rejected: a seeded shuffle — equally deterministic, but a reviewer cannot
 * see why a row was chosen.
 */

export function stratifiedSample<T>(items: readonly T[], keyOf: (item: T) => string, target: number): T[] {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  const keys = [...groups.keys()].sort();
  const quota = new Map<string, number>(keys.map((k) => [k, 0]));
  let remaining = Math.min(target, items.length);
  while (remaining > 0) {
    for (const key of keys) {
      if (remaining === 0) break;
      const taken = quota.get(key) ?? 0;
      if (taken < (groups.get(key)?.length ?? 0)) {
        quota.set(key, taken + 1);
        remaining--;
      }
    }
  }
  const chosen: number[] = [];
  for (const key of keys) {
    const members = groups.get(key) ?? [];
    const k = quota.get(key) ?? 0;
    for (let i = 0; i < k; i++) {
      const pick = members[Math.floor(((i + 0.5) * members.length) / k)];
      if (pick !== undefined) chosen.push(pick);
    }
  }
  const sample: T[] = [];
  for (const index of chosen.sort((a, b) => a - b)) {
    const item = items[index];
    if (item !== undefined) sample.push(item);
  }
  return sample;
}
