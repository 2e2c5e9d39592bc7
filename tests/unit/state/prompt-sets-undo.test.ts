/**
 * The Undo notice of the Prompt sets screen says what it put back: the set
 * after a set was deleted, the item or document after one of those was
 * (it once said `Restored "simpleqa"` after an item delete).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PromptSetsState } from '../../../src/state/prompt-sets.svelte';
import { putPromptSet } from '../../../src/storage/prompt-sets';
import { closeAll, openTestDb } from '../storage/test-db';
import { promptSet, item } from '../core/results/builders';

afterEach(closeAll);

async function stateWithSet() {
  const db = await openTestDb();
  const set = promptSet([item('q1'), item('q2')], { id: 'capitals', name: 'Capitals' });
  await putPromptSet(db, set);
  const sets = new PromptSetsState(db, () => 1000);
  await sets.load();
  return sets;
}

describe('undo in the Prompt sets screen', () => {
  it.each([
    ['an item', (s: PromptSetsState) => s.deleteItem('capitals', 'q1'), 'Restored item "q1" in "Capitals".'],
    ['the set', (s: PromptSetsState) => s.deleteSet('capitals'), 'Restored the set "Capitals".'],
  ])('names what it put back after deleting %s', async (_what, remove, said) => {
    const sets = await stateWithSet();
    await remove(sets);
    expect(sets.notice?.canUndo).toBe(true);
    await sets.undo();
    expect(sets.notice?.text).toBe(said);
    expect(sets.stored.find((s) => s.id === 'capitals')?.items.map((i) => i.id)).toEqual(['q1', 'q2']);
  });
});
