/**
 * The two layouts of a run's answers (schema v6): per-cell summaries with
 * packed details (runs made here) and packed whole results with an id
 * directory (imported runs). Every reader gives the same answers from
 * either; verdicts, delete with undo and a copy keep working on packed runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ResultRecord } from '../../../src/core/runs/types';
import type { FloorcheckDb } from '../../../src/storage/db';
import { RESULTS_PER_PACK, packResults } from '../../../src/storage/result-packs';
import {
  countResults,
  getResult,
  listResultIds,
  listResultSummaries,
  listResults,
  listResultsOfModel,
  putResults,
  setVerdicts,
  streamResults,
} from '../../../src/storage/results';
import { deleteRun, putRunWithResults, restoreRun } from '../../../src/storage/runs';
import type { ResultLayout } from '../../../src/storage/result-packs';
import { buildResult, buildRun } from './builders';
import { closeAll, openTestDb } from './test-db';

afterEach(closeAll);

const imported = (id: string) =>
  buildRun({ id, provenance: { fileName: 'f.json', appVersion: '0.2.0', exportedAt: 1, importedAt: 2 } });

/** `count` answers of one run over three models and two conditions, ids with `|` and `\` among them. */
function answers(runId: string, count: number): ResultRecord[] {
  const models = ['m1', 'org|m2', 'dir\\m3'];
  return Array.from({ length: count }, (_, i) =>
    buildResult({
      runId,
      modelId: models[i % 3],
      conditionId: i % 2 ? 'closed-book' : 'context:ok',
      itemId: `q${Math.floor(i / 6)}`,
      rawAnswer: `answer ${i}`,
      retrieval: i % 5 ? undefined : { kind: 'context', toolCalled: false, calls: [] },
    }),
  );
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const sorted = <T extends { id: string }>(list: readonly T[]) => [...list].sort(byId);
const noDetailsId = <T extends object>(summary: T) => {
  const { detailsId: _d, ...rest } = summary as T & { detailsId?: string };
  return rest;
};

async function streamed(db: FloorcheckDb, runId: string, chunk?: number): Promise<ResultRecord[]> {
  const out: ResultRecord[] = [];
  for await (const result of streamResults(db, runId, chunk)) out.push(result);
  return out;
}

const COUNT = RESULTS_PER_PACK * 2 + 500;

describe.each<[ResultLayout]>([['per-cell'], ['packed']])('a run stored %s', (layout) => {
  it('reads back the same answers through every reader', async () => {
    const db = await openTestDb();
    const results = answers('run-1', COUNT);
    const other = answers('run-1|x', 3);
    await putResults(db, results.slice(0, 1200), layout);
    await putResults(db, results.slice(1200), layout);
    await putResults(db, other, layout);

    expect(sorted(await listResults(db, 'run-1'))).toEqual(sorted(results));
    expect(sorted(await listResults(db, 'run-1|x'))).toEqual(sorted(other));
    const summaries = await listResultSummaries(db, 'run-1');
    expect(summaries.some((s) => 'messages' in s || 'retrieval' in s)).toBe(false);
    expect(sorted(summaries.map(noDetailsId))).toEqual(
      sorted(results.map(({ messages: _m, retrieval: _r, ...s }) => s)),
    );
    expect(sorted(await listResultsOfModel(db, 'run-1', 'org|m2'))).toEqual(
      sorted(results.filter((r) => r.modelId === 'org|m2')),
    );
    for (const result of [results[0], results[1201], results.at(-1), other[1]]) {
      expect(await getResult(db, result?.id ?? '')).toEqual(result);
    }
    expect(await getResult(db, 'run-1|m1|closed-book|nope')).toBeUndefined();
    expect((await listResultIds(db, 'run-1')).sort()).toEqual(results.map((r) => r.id).sort());
    expect(await countResults(db, 'run-1')).toBe(COUNT);
    expect(await countResults(db, 'run-1|x')).toBe(3);
    expect(await countResults(db, 'run')).toBe(0);
    expect(sorted(await streamed(db, 'run-1', 700))).toEqual(sorted(results));
  });

  it('changes verdicts on the record as stored, several cells of one pack at once', async () => {
    const db = await openTestDb();
    const results = answers('run-1', COUNT);
    await putResults(db, results, layout);
    const idAt = (index: number): string => results[index]?.id ?? '';
    const [a, b, c] = [idAt(3), idAt(4), idAt(RESULTS_PER_PACK + 7)];
    const judged = (n: number) => (v: ResultRecord['verdicts']) => ({
      ...v,
      judge: { verdict: 'incorrect' as const, reason: `judge ${n}`, judgeModelId: 'j', at: n },
    });
    const updated = await setVerdicts(
      db,
      new Map([
        [a, judged(1)],
        [b, judged(2)],
        [c, judged(3)],
      ]),
    );
    expect(updated.map((s) => [s.id, s.verdicts.judge?.reason])).toEqual([
      [a, 'judge 1'],
      [b, 'judge 2'],
      [c, 'judge 3'],
    ]);
    expect(updated.some((s) => 'messages' in s || 'detailsId' in s)).toBe(false);
    const after = await listResults(db, 'run-1');
    const changed = new Set([a, b, c]);
    expect(sorted(after.filter((r) => !changed.has(r.id)))).toEqual(
      sorted(results.filter((r) => !changed.has(r.id))),
    );
    expect((await getResult(db, b))?.verdicts.judge?.reason).toBe('judge 2');
    expect((await getResult(db, b))?.messages).toEqual(results[4]?.messages);

    const before = await listResults(db, 'run-1');
    await expect(
      setVerdicts(
        db,
        new Map([
          [a, judged(9)],
          ['run-1|m1|closed-book|nope', judged(9)],
        ]),
      ),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await listResults(db, 'run-1')).toEqual(before);
  });
});

describe('packed runs', () => {
  it('an imported run is stored in packs of a thousand whole results and their id directory, nothing per cell', async () => {
    const db = await openTestDb();
    await putRunWithResults(db, imported('run-1'), answers('run-1', COUNT));
    expect(await db.count('results')).toBe(0);
    expect(await db.count('result-details')).toBe(0);
    expect(await db.count('result-packs')).toBe(3);
    expect(await db.count('result-pack-ids')).toBe(3);
  });

  it('streams a packed run in the order it was written', async () => {
    const db = await openTestDb();
    const results = answers('run-1', COUNT);
    await putRunWithResults(db, imported('run-1'), results);
    expect((await streamed(db, 'run-1', 1000)).map((r) => r.id)).toEqual(results.map((r) => r.id));
  });

  it('deleting an imported run hands back every answer; undo puts it back packed; a copy is per cell', async () => {
    const db = await openTestDb();
    const results = answers('run-1', COUNT);
    await putRunWithResults(db, imported('run-1'), results);
    const deleted = await deleteRun(db, 'run-1');
    if (!deleted.ok) throw deleted.error;
    expect(sorted(deleted.value.results)).toEqual(sorted(results));
    expect(await db.count('result-packs')).toBe(0);
    expect(await db.count('result-pack-ids')).toBe(0);
    await restoreRun(db, deleted.value);
    expect(sorted(await listResults(db, 'run-1'))).toEqual(sorted(results));
    expect(await db.count('result-packs')).toBe(3);

    const copy = buildRun({ id: 'copy' });
    await putRunWithResults(db, copy, answers('copy', 10));
    expect(await db.countFromIndex('results', 'by-run', 'copy')).toBe(10);
    expect(await countResults(db, 'copy')).toBe(10);
  });

  it('one verdict change across a packed run, another packed run and a local run writes each where it lives', async () => {
    const db = await openTestDb();
    const [a, b, local] = [answers('a', 1500), answers('a|b', 3), answers('local', 2)];
    await putRunWithResults(db, imported('a'), a);
    await putRunWithResults(db, imported('a|b'), b);
    await putRunWithResults(db, buildRun({ id: 'local' }), local);
    const ids = [a[1400]?.id, b[0]?.id, local[1]?.id, a[2]?.id].map((id) => id ?? '');
    const override = (v: ResultRecord['verdicts']) => ({
      ...v,
      override: { verdict: 'incorrect' as const, at: 4 },
    });
    const updated = await setVerdicts(db, new Map(ids.map((id) => [id, override])));
    expect(updated.map((s) => s.id)).toEqual(ids);
    for (const id of ids)
      expect((await getResult(db, id))?.verdicts.override).toEqual({ verdict: 'incorrect', at: 4 });
    expect((await listResults(db, 'a')).filter((r) => r.verdicts.override)).toHaveLength(2);
    expect((await listResults(db, 'a|b')).filter((r) => r.verdicts.override)).toHaveLength(1);
    expect(await db.countFromIndex('results', 'by-run', 'local')).toBe(2);
  });

  it('a result without an id is refused before anything is written', () => {
    const bad = { ...buildResult(), id: undefined } as unknown as ResultRecord;
    expect(() => packResults([buildResult(), bad])).toThrow(/no id/);
  });
});

describe('streamResults', () => {
  it('misses no answer stored before it began while a run adds answers between chunks', async () => {
    const db = await openTestDb();
    const first = answers('run-1', 6);
    await putResults(db, first);
    const seen: ResultRecord[] = [];
    let added = false;
    for await (const result of streamResults(db, 'run-1', 2)) {
      seen.push(result);
      if (!added) {
        added = true;
        await putResults(db, answers('run-1', 12).slice(6));
      }
    }
    const ids = new Set(seen.map((r) => r.id));
    expect(first.every((r) => ids.has(r.id))).toBe(true);
    expect(seen.length).toBe(ids.size);
  });
});
