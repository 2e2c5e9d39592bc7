/**
 * The page side of bench/exchange.ts: in real Chromium IndexedDB, imports a
 * comparison file of `count` results the way the Results screen does
 * (`File.stream()` → readComparison → importComparisonStream), plain and
 * gzipped, then exports the run back as the Results screen does (the
 * count, then the answers streamed from storage a chunk at a time, and the
 * speed lab → comparisonLines → encodeLines → Blob), and returns the
 * timings, file sizes, how long reading and checking the plain file alone
 * takes (no storage), the longest
 * main-thread task during each import (PerformanceObserver "longtask") and
 * the JS heap's peak above where it started (performance.memory, precise
 * with --enable-precise-memory-info; IndexedDB's own memory is the browser
 * process's and not counted).
 */
import { readComparison } from '../../src/core/exchange/read-comparison';
import { comparisonLines, encodeLines } from '../../src/core/exchange/write-comparison';
import type { PromptSet } from '../../src/core/prompts/types';
import { DEFAULT_GENERATION_SETTINGS } from '../../src/core/runs/generation-settings';
import { resultId, type ResultRecord, type RunRecord } from '../../src/core/runs/types';
import { openDatabase, type FloorcheckDb } from '../../src/storage/db';
import { getPromptSet } from '../../src/storage/prompt-sets';
import { countResults, getResult, setVerdicts, streamResults } from '../../src/storage/results';
import { exportSpeedLab } from '../../src/storage/speed-lab';
import { importComparisonStream } from '../../src/storage/run-import';
import { getRun } from '../../src/storage/runs';

const APP = { name: 'Floorcheck', version: 'bench' };
const MODELS = ['model-a', 'model-b', 'model-c', 'model-d', 'model-e'];
const CONDITIONS = ['closed-book', 'context:ok'];

export interface ImportFigures {
  ms: number;
  longestTaskMs: number;
  heapPeakBytes: number;
  stored: number;
}

export interface ExchangeFigures {
  count: number;
  plainBytes: number;
  gzipBytes: number;
  /** Reading and checking the plain file, storing nothing: the part of an import that is not IndexedDB. */
  readOnlyMs: number;
  importPlain: ImportFigures;
  importGzip: ImportFigures;
  /** On the imported (packed) run: open one cell, and change one verdict (a person's override). */
  openCellMs: number;
  overrideMs: number;
  exportMs: number;
  exportHeapPeakBytes: number;
  exportGzipped: boolean;
}

function fixture(count: number): { run: RunRecord; set: PromptSet; results: () => Generator<ResultRecord> } {
  const items = Math.ceil(count / (MODELS.length * CONDITIONS.length));
  const itemIds = Array.from({ length: items }, (_, i) => `item-${i}`);
  const run: RunRecord = {
    id: `bench-${count}`,
    name: `Bench ${count}`,
    config: {
      setId: 'bench-set',
      setName: 'Bench set',
      selection: { tags: [] },
      modelIds: MODELS,
      conditions: [{ kind: 'closed-book' }, { kind: 'context', fault: 'ok', faultShare: 0, topK: 3 }],
      settings: DEFAULT_GENERATION_SETTINGS,
    },
    itemIds,
    status: 'completed',
    environment: { appVersion: 'bench', engine: 'simulated', userAgent: navigator.userAgent },
    skipped: [],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
  const set: PromptSet = {
    id: 'bench-set',
    name: 'Bench set',
    description: '',
    source: 'bench',
    licence: 'CC0',
    items: itemIds.map((id, i) => ({
      id,
      prompt: `What is the capital of country ${i}?`,
      answers: [`City ${i}`],
      kind: 'factual',
      tags: [],
    })),
  };
  function* results(): Generator<ResultRecord> {
    let n = 0;
    for (const modelId of MODELS)
      for (const itemId of itemIds)
        for (const conditionId of CONDITIONS) {
          if (n >= count) return;
          n++;
          yield {
            id: resultId(run.id, modelId, conditionId, itemId),
            runId: run.id,
            modelId,
            conditionId,
            itemId,
            messages: [{ role: 'user', content: `What is the capital of ${itemId}?` }],
            rawAnswer: `The capital is City ${n}.`,
            finishReason: 'stop',
            usage: {
              promptTokens: 24,
              completionTokens: 8,
              timeToFirstTokenMs: 40 + (n % 13),
              prefillTokensPerSecond: 900,
              decodeTokensPerSecond: 30 + (n % 7),
              totalMs: 300 + (n % 50),
            },
            verdicts: {
              deterministic: {
                verdict: n % 3 ? 'correct' : 'incorrect',
                reason: 'matched "City" as a phrase',
              },
            },
            createdAt: 1_700_000_000_000 + n,
          };
        }
  }
  return { run, set, results };
}

async function fileParts(
  count: number,
  gzipAbove: number,
): Promise<{ parts: Uint8Array<ArrayBuffer>[]; bytes: number }> {
  const { run, set, results } = fixture(count);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const encoded = await encodeLines(
    comparisonLines({ runs: [run], sets: [set], results: results(), resultCount: count }, APP, Date.now()),
    (part) => void parts.push(part),
    { gzipAbove },
  );
  return { parts, bytes: encoded.writtenBytes };
}

function heap(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

async function freshDb(label: string): Promise<FloorcheckDb> {
  const opened = await openDatabase({ name: `bench-${label}-${Date.now()}-${Math.random()}` });
  if (!opened.ok) throw opened.error;
  return opened.value;
}

/** Closes and deletes a database, so one import's data does not slow the next one's writes. */
async function drop(db: FloorcheckDb): Promise<void> {
  db.close();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(db.name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

async function timedImport(db: FloorcheckDb, file: File): Promise<ImportFigures> {
  let longestTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const base = heap();
  let peak = base;
  const sample = (): void => {
    peak = Math.max(peak, heap());
  };
  const start = performance.now();
  const events = readComparison(file.stream(), {
    provenance: { fileName: file.name, importedAt: Date.now() },
    onProgress: sample,
  });
  const outcome = await importComparisonStream(db, events, { onStored: sample });
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  if (!outcome.ok) throw outcome.error;
  return { ms, longestTaskMs, heapPeakBytes: peak - base, stored: outcome.value.results };
}

async function timedRead(file: File): Promise<number> {
  const start = performance.now();
  for await (const event of readComparison(file.stream())) {
    if (event.type === 'problem') throw event.error;
  }
  return performance.now() - start;
}

export async function runBench(count: number): Promise<ExchangeFigures> {
  const plain = await fileParts(count, Infinity);
  const gzip = await fileParts(count, 0);
  const readOnlyMs = await timedRead(new File(plain.parts, 'bench.floorcheck.json'));
  const dbPlain = await freshDb('plain');
  const importPlain = await timedImport(dbPlain, new File(plain.parts, 'bench.floorcheck.json'));

  const cellId = resultId(
    `bench-${count}`,
    MODELS[2] ?? '',
    CONDITIONS[1] ?? '',
    `item-${Math.floor(count / 40)}`,
  );
  let t = performance.now();
  const cell = await getResult(dbPlain, cellId);
  const openCellMs = performance.now() - t;
  t = performance.now();
  await setVerdicts(dbPlain, new Map([[cellId, (v) => ({ ...v, override: { verdict: 'correct', at: 1 } })]]));
  const overrideMs = performance.now() - t;
  if (!cell) throw new Error(`the cell ${cellId} was not found`);

  // Export as the Results screen does (src/state/results.svelte.ts `exportFile`): the run, its
  // count, its answers streamed from storage, its set and the speed lab, into Blob parts.
  const base = heap();
  let peak = base;
  const start = performance.now();
  const runId = `bench-${count}`;
  const run = await getRun(dbPlain, runId);
  const resultCount = await countResults(dbPlain, runId);
  const set = await getPromptSet(dbPlain, 'bench-set');
  const speedLab = await exportSpeedLab(dbPlain);
  if (!run || !set) throw new Error('the imported run or set is missing');
  peak = Math.max(peak, heap());
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const content = { runs: [run], sets: [set], results: streamResults(dbPlain, runId), resultCount, speedLab };
  const encoded = await encodeLines(comparisonLines(content, APP, Date.now()), (part) => {
    parts.push(part);
    if (parts.length % 64 === 0) peak = Math.max(peak, heap());
  });
  const blob = new Blob(parts);
  const exportMs = performance.now() - start;
  peak = Math.max(peak, heap());
  await drop(dbPlain);
  const dbGzip = await freshDb('gzip');
  const importGzip = await timedImport(dbGzip, new File(gzip.parts, 'bench.floorcheck.json.gz'));
  await drop(dbGzip);
  if (blob.size !== encoded.writtenBytes) throw new Error('the exported file lost bytes');
  return {
    count,
    plainBytes: plain.bytes,
    gzipBytes: gzip.bytes,
    readOnlyMs,
    openCellMs,
    overrideMs,
    importPlain,
    importGzip,
    exportMs,
    exportHeapPeakBytes: peak - base,
    exportGzipped: encoded.gzipped,
  };
}
