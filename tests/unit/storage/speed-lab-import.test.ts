/**
 * A comparison file's speed-lab records on import: stored with the runs, all
 * or nothing with them, marked with the file they came in, and skipped when
 * an id is already stored (this machine's own test keeps its figures).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readComparison } from '../../../src/core/exchange/read-comparison';
import type { FloorcheckDb } from '../../../src/storage/db';
import { importComparisonStream, importRunsAtomically } from '../../../src/storage/run-import';
import { listProbes, listSpeedTests, putSpeedTest } from '../../../src/storage/speed-lab';
import { bytes, fixtureBytes, fixtureText } from '../core/exchange/helpers';
import { buildProbe, buildSpeedTest } from '../core/speed/builders';
import { buildRun } from './builders';
import { closeAll, openTestDb } from './test-db';

afterEach(closeAll);

async function dump(db: FloorcheckDb): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const store of db.objectStoreNames) out[store] = await db.getAll(store);
  return out;
}

function importFile(db: FloorcheckDb, file: Uint8Array) {
  const events = readComparison(file, { provenance: { fileName: 'laptop.floorcheck.json', importedAt: 5 } });
  return importComparisonStream(db, events, { batchSize: 1, now: () => 5 });
}

describe('importing speed-lab records', () => {
  it('stores the file’s probes and tests marked as imported, and adds nothing the second time', async () => {
    const db = await openTestDb();
    const outcome = await importFile(db, fixtureBytes('comparison.v2-speed-lab.json'));
    expect(outcome.ok && outcome.value).toMatchObject({
      runs: 1,
      results: 3,
      speedLab: { probes: 1, tests: 1 },
    });
    const [probe] = await listProbes(db);
    const [test] = await listSpeedTests(db);
    expect(probe?.machine.description).toBe('Apple M2');
    expect(test?.provenance).toEqual({
      fileName: 'laptop.floorcheck.json',
      appVersion: '0.2.0',
      exportedAt: Date.parse('2026-11-30T12:00:00.000Z'),
      importedAt: 5,
    });
    expect(Number.isNaN(test?.rows[1]?.prefillTokensPerSecond.median)).toBe(true);
    const before = await dump(db);
    const again = await importFile(db, fixtureBytes('comparison.v2-speed-lab.json'));
    expect(again.ok && again.value).toMatchObject({ runs: 0, speedLab: { probes: 0, tests: 0 } });
    expect(await dump(db)).toEqual(before);
  });

  it('keeps a test already stored under the same id as it is', async () => {
    const db = await openTestDb();
    const mine = buildSpeedTest({ id: 'speed-laptop-m1', modelId: 'mine' });
    await putSpeedTest(db, mine);
    const outcome = await importFile(db, fixtureBytes('comparison.v2-speed-lab.json'));
    expect(outcome.ok && outcome.value.speedLab).toEqual({ probes: 1, tests: 0 });
    expect(await listSpeedTests(db)).toEqual([mine]);
  });

  it('stores nothing of the speed lab when the file fails after it (a bad last result)', async () => {
    const db = await openTestDb();
    const before = await dump(db);
    const text = fixtureText('comparison.v2-speed-lab.json');
    const broken = text.replace(/"rawAnswer":"[^"]*"(?![\s\S]*"rawAnswer")/, '"rawAnswer":5');
    const outcome = await importFile(db, bytes(broken));
    expect(outcome.ok).toBe(false);
    expect(await dump(db)).toEqual(before);
  });

  it('the in-memory import stores them in its one transaction', async () => {
    const db = await openTestDb();
    const outcome = await importRunsAtomically(db, {
      sets: [],
      runs: [buildRun()],
      results: [],
      speedLab: { probes: [buildProbe()], tests: [buildSpeedTest()] },
    });
    expect(outcome.speedLab).toEqual({ probes: 1, tests: 1 });
    expect(await listProbes(db)).toEqual([buildProbe()]);
    expect(await listSpeedTests(db)).toEqual([buildSpeedTest()]);
  });
});
