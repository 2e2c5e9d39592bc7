import { describe, expect, it } from 'vitest';
import { draftFromConfig, loadRunDraft, saveRunDraft, type RunDraft } from '../../../src/state/run-draft';
import { DEFAULT_GENERATION_SETTINGS } from '../../../src/core/runs/generation-settings';
import { closedBook, contextCondition, toolCondition } from '../../../src/core/retrieval/conditions';

function memoryStorage(initial?: string) {
  const values = new Map<string, string>();
  if (initial !== undefined) values.set('floorcheck-run-draft', initial);
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

const draft: RunDraft = {
  setId: 'builtin-stable-facts',
  tags: 'topic:Science',
  sampleSize: '20',
  sampleSeed: '7',
  modelIds: ['sim-honest-0.5B-q4f32_1'],
  conditionIds: ['closed-book', 'tool:ok'],
  settings: DEFAULT_GENERATION_SETTINGS,
  name: 'Science, honest model',
};

describe('run draft', () => {
  it('comes back as it was saved', () => {
    const storage = memoryStorage();
    saveRunDraft(draft, storage);
    expect(loadRunDraft(storage)).toEqual(draft);
  });

  it.each([
    ['nothing saved', undefined, {}],
    ['not JSON', '{oops', {}],
    ['not an object', '42', {}],
    [
      'wrong field types are dropped, good ones kept',
      '{"setId": 3, "tags": "a", "modelIds": [1, 2]}',
      { tags: 'a' },
    ],
    ['settings without prompts are dropped', '{"settings": {"temperature": 0}}', {}],
  ])('reads defensively: %s', (_why, stored, expected) => {
    expect(loadRunDraft(memoryStorage(stored))).toEqual(expected);
  });

  it('keeps the conditions the person added, checked or not', () => {
    const storage = memoryStorage();
    saveRunDraft(
      { ...draft, conditionIds: ['closed-book'], addedConditionIds: ['context:distractor:0.3'] },
      storage,
    );
    expect(loadRunDraft(storage)).toMatchObject({
      conditionIds: ['closed-book'],
      addedConditionIds: ['context:distractor:0.3'],
    });
  });

  it("turns a run's configuration back into the form's fields", () => {
    const settings = { ...DEFAULT_GENERATION_SETTINGS, temperature: 0.7 };
    const fields = draftFromConfig(
      {
        setId: 'builtin-stable-facts',
        setName: 'Stable facts',
        selection: { tags: ['topic:Science', 'hard'], sample: { size: 20, seed: 7 } },
        modelIds: ['m1', 'm2'],
        conditions: [closedBook(), contextCondition('distractor', 0.3), toolCondition()],
        settings,
      },
      'Science (again)',
    );
    expect(fields).toEqual({
      setId: 'builtin-stable-facts',
      tags: 'topic:Science, hard',
      sampleSize: '20',
      sampleSeed: '7',
      modelIds: ['m1', 'm2'],
      conditionIds: fields.conditionIds,
      addedConditionIds: fields.conditionIds,
      settings,
      name: 'Science (again)',
    });
    expect(fields.conditionIds).toHaveLength(3);
    expect(fields.settings).not.toBe(settings);
  });

  it('a refused write does not throw (private mode, full storage)', () => {
    const refusing = {
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(() => saveRunDraft(draft, refusing)).not.toThrow();
  });
});
