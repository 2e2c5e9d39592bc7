import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSlice, SLICE_SPECS } from '../../../../src/core/prompts/builtin/slice-specs';
import { stratifiedSample } from '../../../../src/core/prompts/builtin/stratified-sample';
import { importPromptSet } from '../../../../src/core/prompts/import';
import { readFloorcheckSet } from '../../../../src/core/prompts/set-schema';
import type { PromptSet } from '../../../../src/core/prompts/types';
import { validatePromptSet } from '../../../../src/core/prompts/validate';
import { datasetBytes, datasetsPresent, repoRoot } from './load-fixture';

const dataDir = join(repoRoot, 'src', 'core', 'prompts', 'builtin', 'data');
const committed = (output: string): unknown => JSON.parse(readFileSync(join(dataDir, output), 'utf8'));

describe('stratifiedSample', () => {
  const items = [...'aaaaaaaabbbc'].map((group, index) => ({ group, index }));

  it('gives every group a turn before any group gets a second pick', () => {
    expect(stratifiedSample(items, (i) => i.group, 3).map((i) => i.group)).toEqual(['a', 'b', 'c']);
  });

  it('spreads picks evenly through a group, and keeps file order', () => {
    const picked = stratifiedSample(items, (i) => i.group, 7).map((i) => i.index);
    expect(picked).toEqual([1, 4, 6, 8, 9, 10, 11]);
  });

  it('returns everything when the target exceeds the input, and the same sample every time', () => {
    expect(stratifiedSample(items, (i) => i.group, 50)).toHaveLength(items.length);
    expect(stratifiedSample(items, (i) => i.group, 5)).toEqual(stratifiedSample(items, (i) => i.group, 5));
  });
});

describe.each(SLICE_SPECS)('the committed slice $output', (spec) => {
  it('is a valid built-in set with its attribution and the planned size, and no corpus', () => {
    const read = readFloorcheckSet(committed(spec.output), { id: 'x', name: 'x' });
    if (!read.ok) throw read.error;
    expect(validatePromptSet(read.value).ok).toBe(true);
    expect(read.value).toMatchObject({ id: spec.id, source: spec.source, licence: spec.licence });
    expect(read.value.items).toHaveLength(spec.size);
    expect(read.value.corpus).toBeUndefined();
  });

  it.skipIf(!datasetsPresent)(
    'is exactly what bin/make-builtin-slices.ts makes from the shared dataset',
    () => {
      const full = importPromptSet(datasetBytes(spec.file), spec.file);
      if (!full.ok) throw full.error;
      const fresh: PromptSet = buildSlice(spec, full.value.set);
      expect(committed(spec.output)).toEqual(JSON.parse(JSON.stringify(fresh)));
    },
  );
});

describe.skipIf(!datasetsPresent)('how the slices spread', () => {
  const tagCounts = (set: unknown, prefix: string) => {
    const counts = new Map<string, number>();
    for (const item of (set as PromptSet).items) {
      for (const tag of item.tags.filter((t) => t.startsWith(prefix)))
        counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    return counts;
  };

  it('SimpleQA: every answer type and topic appears, none more than a fair share', () => {
    const set = committed('simpleqa-slice.json');
    const types = tagCounts(set, 'answer_type:');
    const topics = tagCounts(set, 'topic:');
    expect(types.size).toBe(5);
    expect(topics.size).toBe(10);
    for (const count of types.values()) expect(count).toBeGreaterThanOrEqual(35);
    for (const count of topics.values()) expect(count).toBeGreaterThanOrEqual(15);
  });

  it('TruthfulQA: all 38 categories appear', () => {
    expect(tagCounts(committed('truthfulqa-slice.json'), 'category:').size).toBe(38);
  });
});
