/**
 * The page side of bench/storage.ts: writes and reads results through the
 * storage module in real Chromium IndexedDB and returns the timings.
 * Reads: the grid's list (`listResultSummaries`: no messages, no retrieval
 * traces), whole records (`listResults`), one cell opened (`getResult`),
 * ids (resume) and a count.
 * Bundled by bench/storage.ts with vite's `build` (library mode, IIFE).
 */
import type { ResultRecord } from '../../src/core/runs/types';
import { resultId } from '../../src/core/runs/types';
import { DEFAULT_GENERATION_SETTINGS } from '../../src/core/runs/generation-settings';
import { openDatabase } from '../../src/storage/db';
import {
  countResults,
  getResult,
  listResultIds,
  listResultSummaries,
  listResults,
  putResults,
} from '../../src/storage/results';

const PASSAGE =
  'The capital and largest city of the country lies on the river, and has been its seat since. '.repeat(3);

function buildResult(runId: string, i: number): ResultRecord {
  const modelId = `model-${i % 3}`;
  const conditionId = ['closed-book', 'context:ok', 'tool:ok'][i % 3] ?? 'closed-book';
  const itemId = `item-${Math.floor(i / 9)}-${i % 9}`;
  const passages = [0, 1, 2].map((p) => ({
    docId: `doc-${p}`,
    title: `Document ${p}`,
    text: PASSAGE,
    score: 3 - p,
  }));
  return {
    id: resultId(runId, modelId, conditionId, itemId),
    runId,
    modelId,
    conditionId,
    itemId,
    messages: [
      { role: 'system', content: DEFAULT_GENERATION_SETTINGS.systemPrompt },
      { role: 'user', content: `${DEFAULT_GENERATION_SETTINGS.templates['closed-book']} (item ${i})` },
    ],
    retrieval: {
      kind: 'context',
      toolCalled: false,
      calls: [{ query: `question ${i}`, fault: 'ok', passages }],
    },
    rawAnswer: `The answer to question ${i} is Paris.`,
    finishReason: 'stop',
    usage: {
      promptTokens: 180,
      completionTokens: 12,
      timeToFirstTokenMs: 40,
      prefillTokensPerSecond: 900,
      decodeTokensPerSecond: 35,
      totalMs: 380,
    },
    verdicts: { deterministic: { verdict: 'correct', reason: 'matched "Paris" as a phrase' } },
    createdAt: Date.now(),
  };
}

export interface StorageFigures {
  count: number;
  bytesPerResult: number;
  /** The stored summary of one result, as JSON (what the grid's list read carries). */
  summaryBytes: number;
  writeOneTxMs: number;
  writeBatchesMs: number;
  batchSize: number;
  readSummariesMs: number;
  readAllMs: number;
  openCellMs: number;
  readIdsMs: number;
  countMs: number;
}

export async function runBench(count: number, batchSize: number): Promise<StorageFigures> {
  const opened = await openDatabase({ name: `storage-bench-${Date.now()}` });
  if (!opened.ok) throw opened.error;
  const db = opened.value;
  const oneTx = Array.from({ length: count }, (_, i) => buildResult('run-a', i));
  const batched = Array.from({ length: count }, (_, i) => buildResult('run-b', i));
  const bytesPerResult = JSON.stringify(oneTx[0]).length;

  let t = performance.now();
  await putResults(db, oneTx);
  const writeOneTxMs = performance.now() - t;

  t = performance.now();
  for (let start = 0; start < count; start += batchSize) {
    await putResults(db, batched.slice(start, start + batchSize));
  }
  const writeBatchesMs = performance.now() - t;

  t = performance.now();
  const summaries = await listResultSummaries(db, 'run-a');
  const readSummariesMs = performance.now() - t;

  t = performance.now();
  const all = await listResults(db, 'run-a');
  const readAllMs = performance.now() - t;

  const cellId = oneTx[Math.floor(count / 2)]?.id ?? '';
  t = performance.now();
  const cell = await getResult(db, cellId);
  const openCellMs = performance.now() - t;

  t = performance.now();
  const ids = await listResultIds(db, 'run-a');
  const readIdsMs = performance.now() - t;

  t = performance.now();
  const counted = await countResults(db, 'run-b');
  const countMs = performance.now() - t;

  if (
    summaries.length !== count ||
    all.length !== count ||
    ids.length !== count ||
    counted !== count ||
    cell?.messages.length !== 2
  ) {
    throw new Error(
      `read back ${summaries.length} summaries, ${all.length} results, ${ids.length} ids, counted ${counted}; wrote ${count}`,
    );
  }
  db.close();
  return {
    count,
    bytesPerResult,
    summaryBytes: JSON.stringify(summaries[0]).length,
    writeOneTxMs,
    writeBatchesMs,
    batchSize,
    readSummariesMs,
    readAllMs,
    openCellMs,
    readIdsMs,
    countMs,
  };
}
