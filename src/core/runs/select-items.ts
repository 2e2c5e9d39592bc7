/**
 * Which items of a prompt set a run covers: a tag filter, then an optional
 * seeded sample of N.
 *
 * The sample keeps the set's own order (a partial Fisher–Yates picks the
 * indices, which are then sorted), so a run reads in the order the set was
 * written and the same seed always picks the same items. Rejected: returning
 * the shuffled order, which makes two runs with different sample sizes hard
 * to compare side by side.
 */
import { AppError, err, ok, type Result } from '../errors';
import type { PromptItem, PromptSet } from '../prompts/types';
import type { ItemSelection } from './types';
import { mulberry32 } from '../random/seeded-random';

export function selectItems(set: PromptSet, selection: ItemSelection): Result<PromptItem[]> {
  const wanted = new Set(selection.tags);
  const tagged =
    wanted.size === 0 ? set.items : set.items.filter((item) => item.tags.some((tag) => wanted.has(tag)));
  if (tagged.length === 0) {
    return err(
      new AppError('run-invalid', {
        message:
          set.items.length === 0
            ? `The prompt set "${set.name}" has no items.`
            : `No item of "${set.name}" has any of the tags ${selection.tags.map((t) => `"${t}"`).join(', ')}.`,
        action: 'Choose other tags or another prompt set.',
      }),
    );
  }
  const sample = selection.sample;
  if (!sample) return ok(tagged);
  if (!Number.isInteger(sample.size) || sample.size < 1) {
    return err(
      new AppError('run-invalid', {
        message: `The sample size must be a whole number of at least 1 (got ${String(sample.size)}).`,
        action: 'Enter a sample size of 1 or more, or sample all items.',
      }),
    );
  }
  if (!Number.isFinite(sample.seed)) {
    return err(
      new AppError('run-invalid', {
        message: 'The sample seed must be a number.',
        action: 'Enter a whole number as the seed.',
      }),
    );
  }
  if (sample.size >= tagged.length) return ok(tagged);
  return ok(pickIndices(tagged.length, sample.size, sample.seed).map((index) => tagged[index] as PromptItem));
}

/** `size` distinct indices below `length`, ascending, chosen by a partial Fisher–Yates shuffle. */
function pickIndices(length: number, size: number, seed: number): number[] {
  const random = mulberry32(seed);
  const indices = Array.from({ length }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (length - i));
    const a = indices[i] as number;
    indices[i] = indices[j] as number;
    indices[j] = a;
  }
  return indices.slice(0, size).sort((a, b) => a - b);
}
