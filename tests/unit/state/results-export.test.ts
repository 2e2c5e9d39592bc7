/**
 * The Results screen's export and import over IndexedDB (fake-indexeddb):
 * the file carries the open run's answers, streamed from storage, and the
 * speed lab's figures; importing it into another database gives the same
 * answers and the figures marked as imported.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseComparisonFile } from '../../../src/core/exchange/parse-comparison';
import type { ResultRecord } from '../../../src/core/runs/types';
import { createStorageResultsSource } from '../../../src/state/results-source';
import { ResultsState, type ExportedFile } from '../../../src/state/results.svelte';
import { listResults, putResults } from '../../../src/storage/results';
import { putRunWithResults } from '../../../src/storage/runs';
import { listSpeedTests, putProbe, putSpeedTest } from '../../../src/storage/speed-lab';
import { joined } from '../core/exchange/helpers';
import { buildProbe, buildSpeedTest } from '../core/speed/builders';
import { buildResult, buildRun } from '../storage/builders';
import { closeAll, openTestDb } from '../storage/test-db';

afterEach(closeAll);

const APP = { name: 'Floorcheck', version: 'test' };
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

function answers(runId: string, count: number): ResultRecord[] {
  return Array.from({ length: count }, (_, i) =>
    buildResult({ runId, modelId: i % 2 ? 'm1' : 'm2', itemId: `q${Math.floor(i / 2)}`, rawAnswer: `a${i}` }),
  );
}

async function bytesOf(file: ExportedFile | undefined): Promise<Uint8Array> {
  if (!file) throw new Error('nothing was exported');
  const data = joined(file.parts);
  if (!file.gzipped) return data;
  const stream = new Blob(file.parts).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('ResultsState export', () => {
  it('writes the open run (packed, imported) with the speed lab, once even when compared with itself, and imports back', async () => {
    const db = await openTestDb();
    const itemIds = Array.from({ length: 1250 }, (_, i) => `q${i}`);
    const run = buildRun({
      id: 'shared',
      itemIds,
      provenance: { fileName: 'a.json', appVersion: '0.1.0', exportedAt: 1, importedAt: 2 },
    });
    const results = answers('shared', 2500);
    await putRunWithResults(db, run, results);
    await putProbe(db, buildProbe());
    await putSpeedTest(db, buildSpeedTest());
    const state = new ResultsState(createStorageResultsSource(db), {
      app: APP,
      now: () => 0,
      writeSearch: () => {},
    });
    await state.selectRun('shared');
    await state.selectCompare('shared');

    const file = await bytesOf(await state.exportFile());
    const read = await parseComparisonFile(file);
    if (!read.ok) throw read.error;
    expect(read.value.header.counts).toEqual({ sets: 0, runs: 1, results: 2500, speedLab: 1 });
    expect([...read.value.payload.results].sort(byId)).toEqual([...results].sort(byId));
    expect(read.value.payload.speedLab).toEqual({
      version: 1,
      probes: [buildProbe()],
      tests: [buildSpeedTest()],
    });

    const other = await openTestDb();
    const imported = await createStorageResultsSource(other, { now: () => 9 }).importFile(
      file,
      'from-a.floorcheck.json',
    );
    expect(imported.ok && imported.value).toMatchObject({
      runs: 1,
      results: 2500,
      speedLab: { probes: 1, tests: 1 },
    });
    expect((await listResults(other, 'shared')).sort(byId)).toEqual([...results].sort(byId));
    expect((await listSpeedTests(other))[0]?.provenance).toMatchObject({
      fileName: 'from-a.floorcheck.json',
      importedAt: 9,
    });
  });

  it('a local run and the run it is compared with: every answer of both, counted in the header', async () => {
    const db = await openTestDb();
    await putRunWithResults(db, buildRun({ id: 'a', itemIds: ['q0', 'q1'] }), []);
    await putResults(db, answers('a', 4));
    await putRunWithResults(db, buildRun({ id: 'b', itemIds: ['q0', 'q1'] }), answers('b', 3));
    const state = new ResultsState(createStorageResultsSource(db), {
      app: APP,
      now: () => 0,
      writeSearch: () => {},
    });
    await state.selectRun('a');
    await state.selectCompare('b');
    const read = await parseComparisonFile(await bytesOf(await state.exportFile()));
    if (!read.ok) throw read.error;
    expect(read.value.header.counts).toEqual({ sets: 0, runs: 2, results: 7 });
    expect(read.value.payload.results.map((r) => r.runId).sort()).toEqual([
      'a',
      'a',
      'a',
      'a',
      'b',
      'b',
      'b',
    ]);
  });
});
