/**
 * The speed lab's records: bandwidth probes and model speed tests, newest
 * first. Deleting a test hands the record back so the page can offer undo
 * (`putSpeedTest` puts it back); probes are kept (each test names the probe
 * its ceiling came from), and `exportSpeedLab` gathers both for a file.
 * An import stores a file's records with its runs (run-import.ts), skipping
 * ids already here (`unstoredSpeedRecords`), so importing a file twice, or a
 * file holding this machine's own figures, adds nothing.
 */
import {
  SPEED_RECORD_VERSION,
  type BandwidthRecord,
  type SpeedLabExport,
  type SpeedTestRecord,
} from '../core/speed/records';
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { FloorcheckDb } from './db';
import type { FloorcheckSchema } from './schema';
import { guard } from './storage-errors';

export async function putProbe(db: FloorcheckDb, record: BandwidthRecord): Promise<void> {
  await guard('saving the bandwidth probe', () => db.put('speed-probes', record));
}

/** Newest first. */
export async function listProbes(db: FloorcheckDb): Promise<BandwidthRecord[]> {
  const probes = await guard('reading bandwidth probes', () =>
    db.getAllFromIndex('speed-probes', 'by-measured'),
  );
  return probes.reverse();
}

export async function putSpeedTest(db: FloorcheckDb, record: SpeedTestRecord): Promise<void> {
  await guard('saving the speed test', () => db.put('speed-tests', record));
}

/** Newest first. */
export async function listSpeedTests(db: FloorcheckDb): Promise<SpeedTestRecord[]> {
  const tests = await guard('reading speed tests', () => db.getAllFromIndex('speed-tests', 'by-measured'));
  return tests.reverse();
}

/** Removes one test; resolves with what was removed (for undo), or undefined when it was not stored. */
export async function deleteSpeedTest(db: FloorcheckDb, id: string): Promise<SpeedTestRecord | undefined> {
  return guard('deleting the speed test', async () => {
    const tx = db.transaction('speed-tests', 'readwrite');
    const record = await tx.store.get(id);
    if (record) await tx.store.delete(id);
    await tx.done;
    return record;
  });
}

/** Everything the speed lab measured, as a comparison file carries it. */
export async function exportSpeedLab(db: FloorcheckDb): Promise<SpeedLabExport> {
  const [probes, tests] = await Promise.all([listProbes(db), listSpeedTests(db)]);
  return { version: SPEED_RECORD_VERSION, probes, tests };
}

type KeyStore<Name extends 'speed-probes' | 'speed-tests'> = Pick<
  IDBPObjectStore<FloorcheckSchema, ArrayLike<StoreNames<FloorcheckSchema>>, Name, 'readwrite'>,
  'getKey'
>;

/** The probes and tests of `lab` whose ids are not stored yet, read inside the caller's transaction. */
export async function unstoredSpeedRecords(
  stores: { probes: KeyStore<'speed-probes'>; tests: KeyStore<'speed-tests'> },
  lab: Pick<SpeedLabExport, 'probes' | 'tests'>,
): Promise<{ probes: BandwidthRecord[]; tests: SpeedTestRecord[] }> {
  const [probeKeys, testKeys] = await Promise.all([
    Promise.all(lab.probes.map((probe) => stores.probes.getKey(probe.id))),
    Promise.all(lab.tests.map((test) => stores.tests.getKey(test.id))),
  ]);
  return {
    probes: lab.probes.filter((_, index) => probeKeys[index] === undefined),
    tests: lab.tests.filter((_, index) => testKeys[index] === undefined),
  };
}
