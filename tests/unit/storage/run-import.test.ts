import { afterEach, describe, expect, it } from 'vitest';
import type { PromptSet } from '../../../src/core/prompts/types';
import type { ResultRecord } from '../../../src/core/runs/types';
import { createStorageResultsSource } from '../../../src/state/results-source';
import { getPromptSet, listPromptSets, putPromptSet } from '../../../src/storage/prompt-sets';
import { countResults, getResult, listResults, putResults } from '../../../src/storage/results';
import { importRunsAtomically } from '../../../src/storage/run-import';
import { getRun, listRuns, putRun } from '../../../src/storage/runs';
import { written } from '../core/exchange/helpers';
import { buildResult, buildRun } from './builders';
import { closeAll, openTestDb } from './test-db';

afterEach(closeAll);

function buildSet(overrides: Partial<PromptSet> = {}): PromptSet {
  return {
    id: 'set-1',
    name: 'Set one',
    description: '',
    source: 'file',
    licence: 'CC0',
    items: [],
    ...overrides,
  };
}

describe('importRunsAtomically', () => {
  it('stores the sets, runs and results of a file and counts what it added', async () => {
    const db = await openTestDb();
    const runs = [buildRun({ id: 'a' }), buildRun({ id: 'b' })];
    const results = [
      buildResult({ runId: 'a' }),
      buildResult({ runId: 'a', itemId: 'q2' }),
      buildResult({ runId: 'b' }),
    ];
    const outcome = await importRunsAtomically(db, { sets: [buildSet()], runs, results });
    expect(outcome).toEqual({ runs: 2, results: 3, sets: 1, skippedRuns: [] });
    expect(await getRun(db, 'b')).toEqual(runs[1]);
    expect(await listResults(db, 'a')).toHaveLength(2);
    expect(await getResult(db, results[2]?.id ?? '')).toEqual(results[2]);
    expect(await getPromptSet(db, 'set-1')).toEqual(buildSet());
  });

  it('skips a run already stored here, with its results, so the local copy and its overrides stay', async () => {
    const db = await openTestDb();
    const localRun = buildRun({ id: 'a', name: 'Mine' });
    const localResult = buildResult({
      runId: 'a',
      verdicts: { override: { verdict: 'incorrect', at: 3 } },
    });
    await putRun(db, localRun);
    await putResults(db, [localResult]);

    const outcome = await importRunsAtomically(db, {
      sets: [],
      runs: [buildRun({ id: 'a', name: 'Theirs' }), buildRun({ id: 'b' })],
      results: [
        buildResult({ runId: 'a' }),
        buildResult({ runId: 'a', itemId: 'q2' }),
        buildResult({ runId: 'b' }),
      ],
    });

    expect(outcome).toEqual({ runs: 1, results: 1, sets: 0, skippedRuns: ['a'] });
    expect(await getRun(db, 'a')).toEqual(localRun);
    expect(await listResults(db, 'a')).toEqual([localResult]);
    expect(await countResults(db, 'b')).toBe(1);
  });

  it('adds only the sets missing here; a stored set is kept as it is', async () => {
    const db = await openTestDb();
    const mine = buildSet({ name: 'My edit' });
    await putPromptSet(db, mine);
    const outcome = await importRunsAtomically(db, {
      sets: [buildSet({ name: 'From the file' }), buildSet({ id: 'set-2' })],
      runs: [],
      results: [],
    });
    expect(outcome.sets).toBe(1);
    expect(await getPromptSet(db, 'set-1')).toEqual(mine);
    expect((await listPromptSets(db)).map((s) => s.id).sort()).toEqual(['set-1', 'set-2']);
  });

  it('a failure part-way leaves nothing of the file: no set, no run, no result', async () => {
    const db = await openTestDb();
    const invalid = {
      ...buildResult({ runId: 'a', itemId: 'q9' }),
      id: undefined,
    } as unknown as ResultRecord;
    await expect(
      importRunsAtomically(db, {
        sets: [buildSet()],
        runs: [buildRun({ id: 'a' })],
        results: [buildResult({ runId: 'a' }), invalid],
      }),
    ).rejects.toMatchObject({ code: 'storage-failed' });
    expect(await listRuns(db)).toEqual([]);
    expect(await listPromptSets(db)).toEqual([]);
    expect(await countResults(db, 'a')).toBe(0);
    expect(await db.count('result-details')).toBe(0);
  });
});

describe('importFile on the storage source', () => {
  it('leaves built-in sets unstored and reports the runs it skipped', async () => {
    const db = await openTestDb();
    await putRun(db, buildRun({ id: 'a' }));
    const source = createStorageResultsSource(db, {
      builtinSet: (id) => (id === 'builtin' ? buildSet({ id }) : undefined),
    });
    const runB = buildRun({ id: 'b' });
    const runC = buildRun({ id: 'c', config: { ...runB.config, setId: 'builtin' } });
    const file = await written({
      sets: [buildSet({ id: 'builtin', items: [] }), buildSet()],
      runs: [buildRun({ id: 'a' }), runB, runC],
      results: [buildResult({ runId: 'a' }), buildResult({ runId: 'b' }), buildResult({ runId: 'c' })],
    });
    const summary = await source.importFile(file.bytes, 'shared.floorcheck.json');
    expect(summary).toEqual({
      ok: true,
      value: { runIds: ['b', 'c'], runs: 2, results: 2, sets: 1, skippedRuns: ['a'] },
    });
    expect((await listPromptSets(db)).map((s) => s.id)).toEqual(['set-1']);
    expect((await getRun(db, 'b'))?.provenance).toMatchObject({ fileName: 'shared.floorcheck.json' });
  });
});
