import { afterEach, describe, expect, it } from 'vitest';
import type { Verdicts } from '../../../src/core/grading/types';
import { createStorageResultsSource } from '../../../src/state/results-source';
import { getResult, listResultSummaries, putResults, setVerdicts } from '../../../src/storage/results';
import { buildResult } from './builders';
import { closeAll, openTestDb } from './test-db';

afterEach(closeAll);

const judged =
  (at: number) =>
  (verdicts: Verdicts): Verdicts => ({
    ...verdicts,
    judge: { verdict: 'incorrect', reason: 'judge says no', judgeModelId: 'j', at },
  });

describe('setVerdicts', () => {
  it('changes only the verdicts of the named cells, keeping their details and writing no new details record', async () => {
    const db = await openTestDb();
    const q1 = buildResult({ itemId: 'q1' });
    const q2 = buildResult({ itemId: 'q2' });
    const q3 = buildResult({ itemId: 'q3' });
    await putResults(db, [q1, q2, q3]);
    const before = await db.getAll('result-details');

    const updated = await setVerdicts(
      db,
      new Map([
        [q1.id, judged(5)],
        [q2.id, judged(6)],
      ]),
    );

    expect(updated.map((s) => s.id)).toEqual([q1.id, q2.id]);
    expect(updated.some((s) => 'detailsId' in s || 'messages' in s)).toBe(false);
    expect(updated[0]?.verdicts).toEqual({ ...q1.verdicts, judge: expect.objectContaining({ at: 5 }) });
    expect(await getResult(db, q1.id)).toEqual({ ...q1, verdicts: judged(5)(q1.verdicts) });
    expect(await getResult(db, q3.id)).toEqual(q3);
    expect(await db.getAll('result-details')).toEqual(before);
  });

  it('applies each update to the verdicts stored now, so an override made meanwhile survives a judge pass', async () => {
    const db = await openTestDb();
    const cell = buildResult();
    await putResults(db, [cell]);
    // A judge pass read the cell earlier; a person overrides it before the judge writes.
    const source = createStorageResultsSource(db, { now: () => 7 });
    await source.saveOverride(cell.id, 'correct');
    await setVerdicts(db, new Map([[cell.id, judged(8)]]));
    expect((await getResult(db, cell.id))?.verdicts).toEqual({
      deterministic: cell.verdicts.deterministic,
      override: { verdict: 'correct', at: 7 },
      judge: { verdict: 'incorrect', reason: 'judge says no', judgeModelId: 'j', at: 8 },
    });
  });

  it('an unknown id rejects with not-found naming it, and nothing is written', async () => {
    const db = await openTestDb();
    const cell = buildResult();
    await putResults(db, [cell]);
    const missing = 'run-1|m1|closed-book|nope';
    await expect(
      setVerdicts(
        db,
        new Map([
          [cell.id, judged(5)],
          [missing, judged(5)],
        ]),
      ),
    ).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining(missing) });
    expect(await getResult(db, cell.id)).toEqual(cell);
  });

  it('no updates: nothing to do', async () => {
    const db = await openTestDb();
    expect(await setVerdicts(db, new Map())).toEqual([]);
  });
});

describe('saveOverride on the storage source', () => {
  it('sets and clears a person verdict on one cell and returns the whole record; details stay one record', async () => {
    const db = await openTestDb();
    const cell = buildResult({ itemId: 'q1' });
    const other = buildResult({ itemId: 'q2' });
    await putResults(db, [cell, other]);
    const source = createStorageResultsSource(db, { now: () => 42 });

    const overridden = await source.saveOverride(cell.id, 'incorrect');
    expect(overridden).toEqual({
      ...cell,
      verdicts: { ...cell.verdicts, override: { verdict: 'incorrect', at: 42 } },
    });
    const cleared = await source.saveOverride(cell.id, null);
    expect(cleared).toEqual(cell);
    expect(await getResult(db, other.id)).toEqual(other);
    expect(await db.count('result-details')).toBe(1);
    expect(await listResultSummaries(db, 'run-1')).toHaveLength(2);
  });

  it('an unknown cell is refused with not-found', async () => {
    const db = await openTestDb();
    const source = createStorageResultsSource(db);
    await expect(source.saveOverride('run-1|m1|closed-book|nope', 'correct')).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
