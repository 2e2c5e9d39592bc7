import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { PromptSet } from '../../../src/core/prompts/types';
import type { ResultRecord } from '../../../src/core/runs/types';
import { openDatabase, type FloorcheckDb } from '../../../src/storage/db';
import {
  deletePromptSet,
  getPromptSet,
  listPromptSets,
  putPromptSet,
} from '../../../src/storage/prompt-sets';
import {
  countResults,
  getResult,
  listResultIds,
  listResultSummaries,
  listResults,
  listResultsOfModel,
  putResults,
} from '../../../src/storage/results';
import { DETAILS_PER_RECORD } from '../../../src/storage/result-layout';
import { IdbRunStore } from '../../../src/storage/run-store';
import {
  deleteRun,
  getRun,
  listRuns,
  markInterruptedRuns,
  putRun,
  renameRun,
  restoreRun,
} from '../../../src/storage/runs';
import { DB_VERSION } from '../../../src/storage/schema';
import { getAllSettings, getSetting, putSetting } from '../../../src/storage/settings';
import { toStorageError } from '../../../src/storage/storage-errors';
import { buildResult, buildRun, freshName } from './builders';
import { openV1 } from './schema-v1.frozen';
import { openV2 } from './schema-v2.frozen';

const opened: { db: FloorcheckDb; name: string }[] = [];

async function open(name = freshName()): Promise<FloorcheckDb> {
  const result = await openDatabase({ name });
  if (!result.ok) throw result.error;
  opened.push({ db: result.value, name });
  return result.value;
}

afterEach(async () => {
  for (const { db, name } of opened.splice(0)) {
    db.close();
    await deleteDB(name);
  }
});

describe('migrations', () => {
  it('opens a version 1 database with data in it, keeping the data and adding the v2 indexes', async () => {
    const name = freshName();
    const v1 = await openV1(name);
    const run = buildRun({ updatedAt: 10 });
    await v1.put('runs', run);
    await v1.put('runs', buildRun({ id: 'run-2', updatedAt: 20 }));
    await v1.put('results', buildResult());
    await v1.put('results', buildResult({ modelId: 'm2' }));
    await v1.put('settings', { key: 'theme', value: 'dark' });
    v1.close();

    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await getRun(db, 'run-1')).toEqual(run);
    expect([...db.transaction('runs').store.indexNames]).toContain('by-updated');
    expect((await listRuns(db)).map((r) => r.id)).toEqual(['run-2', 'run-1']);
    expect((await listResultsOfModel(db, 'run-1', 'm2')).map((r) => r.modelId)).toEqual(['m2']);
    expect(await getSetting(db, 'theme')).toBe('dark');
  });

  it('opens a version 2 database with data in it, moving messages and traces to result-details', async () => {
    const name = freshName();
    const v2 = await openV2(name);
    const run = buildRun();
    const withTrace = buildResult({
      itemId: 'q0',
      retrieval: { kind: 'context', toolCalled: false, calls: [{ query: 'q', fault: 'ok', passages: [] }] },
    });
    // More cells than one details record holds, across two runs, so packing and run boundaries are crossed.
    const many = Array.from({ length: DETAILS_PER_RECORD + 5 }, (_, i) =>
      buildResult({ itemId: `q${i + 1}` }),
    );
    const other = buildResult({ runId: 'run-2', rawAnswer: 'Rome' });
    await v2.put('runs', run);
    for (const result of [withTrace, ...many, other]) await v2.put('results', result);
    await v2.put('settings', { key: 'theme', value: 'dark' });
    v2.close();

    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await getRun(db, 'run-1')).toEqual(run);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await listResults(db, 'run-1')).sort(byId)).toEqual([withTrace, ...many].sort(byId));
    expect(await listResults(db, 'run-2')).toEqual([other]);
    expect(await getResult(db, withTrace.id)).toEqual(withTrace);
    const summaries = await listResultSummaries(db, 'run-1');
    expect(summaries).toHaveLength(many.length + 1);
    expect(summaries.some((s) => 'messages' in s || 'retrieval' in s)).toBe(false);
    expect(await db.count('result-details')).toBe(3);
    expect(await getSetting(db, 'theme')).toBe('dark');
  });

  it('a fresh database gets every store and index', async () => {
    const db = await open();
    expect([...db.objectStoreNames].sort()).toEqual([
      'promptSets',
      'result-details',
      'result-pack-ids',
      'result-packs',
      'results',
      'runs',
      'settings',
      'speed-probes',
      'speed-tests',
    ]);
    expect([...db.transaction('results').store.indexNames].sort()).toEqual(['by-run', 'by-run-model']);
  });

  it('a database from a newer version is refused with a clear message', async () => {
    const name = freshName();
    const { openDB } = await import('idb');
    (await openDB(name, DB_VERSION + 1)).close();
    const result = await openDatabase({ name });
    expect(!result.ok && result.error.code).toBe('storage-blocked');
    await deleteDB(name);
  });
});

describe('results', () => {
  it('putResults writes a batch, lists by run and by model, and rewriting a cell does not duplicate it', async () => {
    const db = await open();
    await putResults(db, [
      buildResult({ itemId: 'q1' }),
      buildResult({ itemId: 'q2' }),
      buildResult({ modelId: 'm2' }),
      buildResult({ runId: 'run-2' }),
    ]);
    await putResults(db, [buildResult({ itemId: 'q1', rawAnswer: 'Lyon' })]);
    expect(await countResults(db, 'run-1')).toBe(3);
    expect((await listResultIds(db, 'run-1')).sort()).toEqual([
      'run-1|m1|closed-book|q1',
      'run-1|m1|closed-book|q2',
      'run-1|m2|closed-book|q1',
    ]);
    expect(
      (await listResults(db, 'run-1')).find((r) => r.itemId === 'q1' && r.modelId === 'm1')?.rawAnswer,
    ).toBe('Lyon');
    expect(await listResultsOfModel(db, 'run-1', 'm1')).toHaveLength(2);
  });

  it('whole records come back as written; summaries leave out messages and traces; a rewrite brings its own details', async () => {
    const db = await open();
    const traced = buildResult({
      itemId: 'q1',
      retrieval: { kind: 'tool', toolCalled: true, calls: [{ query: 'capital', fault: 'ok', passages: [] }] },
    });
    const plain = buildResult({ itemId: 'q2' });
    await putResults(db, [traced, plain]);
    expect(await getResult(db, traced.id)).toEqual(traced);
    expect(await getResult(db, 'run-1|m1|closed-book|nope')).toBeUndefined();
    const summaries = await listResultSummaries(db, 'run-1');
    expect(summaries.map((s) => s.rawAnswer)).toEqual(['Paris', 'Paris']);
    expect(summaries.some((s) => 'messages' in s || 'retrieval' in s)).toBe(false);

    const rewritten = buildResult({ itemId: 'q1', messages: [{ role: 'user', content: 'Again?' }] });
    await putResults(db, [rewritten]);
    expect(await getResult(db, traced.id)).toEqual(rewritten);
    expect((await listResults(db, 'run-1')).find((r) => r.id === traced.id)).toEqual(rewritten);
    expect(await listResults(db, 'run-1')).toHaveLength(2);
  });

  it('a run whose id extends another run id with "|" keeps its own details', async () => {
    const db = await open();
    const short = buildResult({ runId: 'a' });
    const long = buildResult({ runId: 'a|b' });
    await putResults(db, [short, long]);
    expect(await listResults(db, 'a')).toEqual([short]);
    expect(await listResults(db, 'a|b')).toEqual([long]);
  });

  it('a batch with one invalid record leaves nothing half-written', async () => {
    const db = await open();
    const invalid = { ...buildResult({ itemId: 'q3' }), id: undefined } as unknown as ResultRecord;
    await expect(
      putResults(db, [buildResult({ itemId: 'q1' }), invalid, buildResult({ itemId: 'q2' })]),
    ).rejects.toMatchObject({
      code: 'storage-failed',
    });
    expect(await countResults(db, 'run-1')).toBe(0);
    expect(await db.count('result-details')).toBe(0);
  });
});

describe('runs', () => {
  it('rename trims the name and refuses an empty one or an unknown run', async () => {
    const db = await open();
    await putRun(db, buildRun());
    const renamed = await renameRun(db, 'run-1', '  Second look ', 50);
    expect(renamed.ok && renamed.value).toMatchObject({ name: 'Second look', updatedAt: 50 });
    expect((await getRun(db, 'run-1'))?.name).toBe('Second look');
    expect((await renameRun(db, 'run-1', '   ', 60)).ok).toBe(false);
    const missing = await renameRun(db, 'nope', 'x', 60);
    expect(!missing.ok && missing.error.code).toBe('not-found');
  });

  it('delete removes the run and its results together; restore puts both back', async () => {
    const db = await open();
    await putRun(db, buildRun());
    await putRun(db, buildRun({ id: 'run-2' }));
    await putResults(db, [
      buildResult({ itemId: 'q1' }),
      buildResult({ itemId: 'q2' }),
      buildResult({ runId: 'run-2' }),
    ]);

    const before = await listResults(db, 'run-1');
    const deleted = await deleteRun(db, 'run-1');
    expect(deleted.ok && deleted.value.results).toEqual(before);
    expect(await getRun(db, 'run-1')).toBeUndefined();
    expect(await countResults(db, 'run-1')).toBe(0);
    expect(await countResults(db, 'run-2')).toBe(1);
    expect(await db.count('result-details')).toBe(1);

    if (!deleted.ok) throw deleted.error;
    await restoreRun(db, deleted.value);
    expect(await getRun(db, 'run-1')).toEqual(buildRun());
    expect(await listResults(db, 'run-1')).toEqual(before);
    const again = await deleteRun(db, 'nope');
    expect(!again.ok && again.error.code).toBe('not-found');
  });

  it('runs still marked running on start become interrupted; others are left alone', async () => {
    const db = await open();
    await putRun(db, buildRun({ id: 'a', status: 'running' }));
    await putRun(db, buildRun({ id: 'b', status: 'paused' }));
    const changed = await markInterruptedRuns(db, 99);
    expect(changed.map((r) => r.id)).toEqual(['a']);
    expect((await getRun(db, 'a'))?.status).toBe('interrupted');
    expect((await getRun(db, 'b'))?.status).toBe('paused');
  });
});

describe('prompt sets and settings', () => {
  it('put, get, list and delete a prompt set', async () => {
    const db = await open();
    const set: PromptSet = {
      id: 's',
      name: 'Mine',
      description: '',
      source: 'me',
      licence: 'CC0',
      items: [],
    };
    await putPromptSet(db, set);
    expect(await getPromptSet(db, 's')).toEqual(set);
    expect(await listPromptSets(db)).toHaveLength(1);
    await deletePromptSet(db, 's');
    expect(await listPromptSets(db)).toEqual([]);
  });

  it('settings read their defaults until stored', async () => {
    const db = await open();
    expect(await getSetting(db, 'theme')).toBe('system');
    await putSetting(db, 'customModels', [{ id: 'x', modelUrl: 'u', modelLibUrl: 'l' }]);
    expect(await getAllSettings(db)).toMatchObject({ theme: 'system', customModels: [{ id: 'x' }] });
  });
});

describe('the IndexedDB RunStore', () => {
  it('keeps runs and results and lists the cells the runner resumes from, with their time', async () => {
    const db = await open();
    const store = new IdbRunStore(db);
    await store.saveRun(buildRun());
    await store.saveResults([buildResult({ itemId: 'q1' }), buildResult({ itemId: 'q2' })]);
    const stored = (await store.listStoredCells('run-1')).sort((a, b) => a.id.localeCompare(b.id));
    expect(stored).toEqual([
      { id: 'run-1|m1|closed-book|q1', modelId: 'm1', ms: buildResult().usage.totalMs, failed: false },
      { id: 'run-1|m1|closed-book|q2', modelId: 'm1', ms: buildResult().usage.totalMs, failed: false },
    ]);
  });
});

describe('storage errors', () => {
  const rows: { why: string; cause: unknown; code: string }[] = [
    {
      why: 'a QuotaExceededError',
      cause: new DOMException('full', 'QuotaExceededError'),
      code: 'storage-quota-exceeded',
    },
    {
      why: 'a quota error wrapped as a cause',
      cause: new Error('tx', { cause: new DOMException('full', 'QuotaExceededError') }),
      code: 'storage-quota-exceeded',
    },
    { why: 'any other failure', cause: new DOMException('bad', 'DataError'), code: 'storage-failed' },
  ];
  it.each(rows)('$why becomes $code', ({ cause, code }) => {
    const error = toStorageError(cause, 'saving answers');
    expect(error.code).toBe(code);
    expect(error.action).toBeTruthy();
  });
});
