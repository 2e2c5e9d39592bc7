/**
 * The v5 migration (through v4's speed-lab stores) against a frozen v3 database with data in it: ids whose
 * parts hold `|` or `\` are re-keyed to the escaped form with their details,
 * every other record is left exactly as it was, and the re-keyed answers are
 * found by the ids the app now builds (resume, overrides, the grid).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { resultId, type ResultRecord } from '../../../src/core/runs/types';
import { openDatabase } from '../../../src/storage/db';
import { getResult, listResultIds, listResults } from '../../../src/storage/results';
import { DB_VERSION } from '../../../src/storage/schema';
import { buildResult, buildRun, freshName } from './builders';
import { openV2 } from './schema-v2.frozen';
import { openV3, v3ResultId } from './schema-v3.frozen';
import { deleteDB } from 'idb';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await deleteDB(name);
});

/** A result as v3 stored it: the summary (with its v3 id) and its entry in a packed details record. */
function v3Records(result: ResultRecord, detailsId: string) {
  const id = v3ResultId(result.runId, result.modelId, result.conditionId, result.itemId);
  const { messages, retrieval: _retrieval, ...summary } = result;
  return { summary: { ...summary, id, detailsId }, id, details: { messages } };
}

describe('migration v3 → v5', () => {
  it('re-keys ids with `|` or `\\` in a part, with their details, and leaves the others as they were', async () => {
    const name = freshName();
    names.push(name);
    const v3 = await openV3(name);
    const run = buildRun({ id: 'run-1' });
    const plain = buildResult({ modelId: 'm1', itemId: 'q1', rawAnswer: 'plain' });
    const piped = buildResult({ modelId: 'org|model', itemId: 'q1', rawAnswer: 'piped' });
    const slashed = buildResult({ modelId: 'm1', itemId: 'dir\\q', rawAnswer: 'slashed' });
    const records = [plain, piped, slashed].map((r) => v3Records(r, 'run-1|~pack'));
    await v3.put('runs', run);
    for (const record of records) await v3.put('results', record.summary);
    await v3.put('result-details', {
      id: 'run-1|~pack',
      runId: 'run-1',
      byResult: Object.fromEntries(records.map((r) => [r.id, r.details])),
    });
    await v3.put('settings', { key: 'theme', value: 'dark' });
    const plainBefore = await v3.get('results', records[0]?.id ?? '');
    v3.close();

    const opened = await openDatabase({ name });
    if (!opened.ok) throw opened.error;
    const db = opened.value;
    expect(db.version).toBe(DB_VERSION);
    const ids = (await listResultIds(db, 'run-1')).sort();
    const expected = [plain, piped, slashed].map((r) =>
      resultId(r.runId, r.modelId, r.conditionId, r.itemId),
    );
    expect(ids).toEqual([...expected].sort());
    expect(expected).toContain('run-1|org\\|model|closed-book|q1');
    expect(expected).toContain('run-1|m1|closed-book|dir\\\\q');
    for (const result of [plain, piped, slashed]) {
      const id = resultId(result.runId, result.modelId, result.conditionId, result.itemId);
      expect(await getResult(db, id)).toEqual({ ...result, id });
    }
    expect(await db.get('results', records[0]?.id ?? '')).toEqual(plainBefore);
    expect((await listResults(db, 'run-1')).map((r) => r.rawAnswer).sort()).toEqual([
      'piped',
      'plain',
      'slashed',
    ]);
    expect(await db.get('settings', 'theme')).toEqual({ key: 'theme', value: 'dark' });
    db.close();
  });

  it('from a v2 database, v3 moves the details first and v5 then re-keys them (the steps do not race)', async () => {
    const name = freshName();
    names.push(name);
    const v2 = await openV2(name);
    const results = Array.from({ length: 150 }, (_, i) =>
      buildResult({ modelId: i % 2 ? 'org|model' : 'm1', itemId: `q${i}`, rawAnswer: `answer ${i}` }),
    );
    await v2.put('runs', buildRun({ id: 'run-1' }));
    for (const result of results) {
      await v2.put('results', {
        ...result,
        id: v3ResultId(result.runId, result.modelId, result.conditionId, result.itemId),
      });
    }
    v2.close();
    const opened = await openDatabase({ name });
    if (!opened.ok) throw opened.error;
    const stored = await listResults(opened.value, 'run-1');
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(stored.sort(byId)).toEqual(
      results.map((r) => ({ ...r, id: resultId(r.runId, r.modelId, r.conditionId, r.itemId) })).sort(byId),
    );
    opened.value.close();
  });
});
