/**
 * The scheduler's own cost, against an engine that "generates" instantly at
 * a known rate: it streams TOKENS_PER_CELL token events and reports the
 * generation time a real engine would have taken at TOKENS_PER_SECOND.
 * Overhead = (time through the runner − time calling the same engine
 * directly) / simulated generation time. A store that keeps references and a
 * pass-through executor isolate the scheduler (progress, events, write-behind,
 * bookkeeping); a second pass adds the real cell executor (prompt building,
 * retrieval, grading) for its per-cell cost.
 *
 * Run: npx tsx bench/runner.ts
 */
import { performance } from 'node:perf_hooks';
import type { GenerateRequest, GenerateResult, LoadProgress } from '../src/core/engine/contract';
import type { PromptSet } from '../src/core/prompts/types';
import { closedBook, contextCondition, toolCondition } from '../src/core/retrieval/conditions';
import type { CellExecutor } from '../src/core/runs/cell-executor-types';
import { createCellExecutor } from '../src/core/runs/cell-executor';
import { DEFAULT_GENERATION_SETTINGS } from '../src/core/runs/generation-settings';
import type { RunStore, StoredCell } from '../src/core/runs/run-store';
import { RunScheduler, type RunnerEngine } from '../src/core/runs/runner';
import type { ResultRecord, RunRecord } from '../src/core/runs/types';

const TOKENS_PER_SECOND = 10_000;
const TOKENS_PER_CELL = 100;
const MODELS = ['m1', 'm2', 'm3'];
const ITEMS = 400;
const ROUNDS = 5;

const TOKEN_TEXT = Array.from({ length: TOKENS_PER_CELL }, (_, i) => (i === 0 ? 'Paris' : ' x'));
const ANSWER = TOKEN_TEXT.join('');
const GENERATION_MS = (TOKENS_PER_CELL / TOKENS_PER_SECOND) * 1000;

class InstantEngine implements RunnerEngine {
  async load(_id: string, onProgress: (p: LoadProgress) => void): Promise<void> {
    onProgress({ fraction: 1, text: 'ready', elapsedMs: 0, phase: 'ready' });
  }
  async cancelLoad(): Promise<void> {}
  async generate(_request: GenerateRequest, onToken: (delta: string) => void): Promise<GenerateResult> {
    for (const token of TOKEN_TEXT) onToken(token);
    return {
      text: ANSWER,
      finishReason: 'stop',
      usage: {
        promptTokens: 50,
        completionTokens: TOKENS_PER_CELL,
        timeToFirstTokenMs: 1,
        prefillTokensPerSecond: 5000,
        decodeTokensPerSecond: TOKENS_PER_SECOND,
        totalMs: GENERATION_MS,
      },
    };
  }
  async interrupt(): Promise<void> {}
  async unload(): Promise<void> {}
  async loadedModel(): Promise<string | null> {
    return null;
  }
}

class ReferenceStore implements RunStore {
  results = 0;
  batches = 0;
  async saveRun(_run: RunRecord): Promise<void> {}
  async saveResults(results: readonly ResultRecord[]): Promise<void> {
    this.results += results.length;
    this.batches += 1;
  }
  async listStoredCells(): Promise<StoredCell[]> {
    return [];
  }
}

const passThrough: CellExecutor = {
  async execute(cell, { engine, onToken }) {
    const messages = [{ role: 'user' as const, content: cell.itemId }];
    const result = await engine.generate({ messages }, onToken);
    return {
      messages,
      rawAnswer: result.text,
      finishReason: result.finishReason,
      usage: result.usage,
      verdicts: {},
    };
  },
};

const set: PromptSet = {
  id: 'bench',
  name: 'Bench',
  description: '',
  source: 'generated',
  licence: 'CC0',
  items: Array.from({ length: ITEMS }, (_, i) => ({
    id: `q${i}`,
    prompt: `What is the capital of country number ${i}?`,
    answers: [i % 2 === 0 ? 'Paris' : `City ${i}`],
    kind: 'factual' as const,
    tags: [],
  })),
};

function buildRun(conditions = [closedBook(), contextCondition(), toolCondition()]): RunRecord {
  return {
    id: 'bench-run',
    name: 'bench',
    config: {
      setId: set.id,
      setName: set.name,
      selection: { tags: [] },
      modelIds: MODELS,
      conditions,
      settings: DEFAULT_GENERATION_SETTINGS,
    },
    itemIds: set.items.map((item) => item.id),
    status: 'draft',
    environment: { appVersion: 'bench', engine: 'simulated', userAgent: 'node' },
    skipped: [],
    createdAt: 0,
    updatedAt: 0,
  };
}

async function throughRunner(
  executor: CellExecutor,
): Promise<{ ms: number; cells: number; batches: number }> {
  const store = new ReferenceStore();
  let tokens = 0;
  const scheduler = new RunScheduler(buildRun(), {
    engine: new InstantEngine(),
    store,
    executor,
    clock: () => performance.now(),
    onEvent: (event) => {
      if (event.type === 'token') tokens += event.delta.length;
    },
  });
  const started = performance.now();
  const outcome = await scheduler.start();
  const ms = performance.now() - started;
  if (outcome.status !== 'completed' || store.results !== MODELS.length * 3 * ITEMS || tokens === 0) {
    throw new Error(`benchmark run did not complete: ${outcome.status}, ${store.results} results`);
  }
  return { ms, cells: store.results, batches: store.batches };
}

async function engineAlone(cells: number): Promise<number> {
  const engine = new InstantEngine();
  let tokens = 0;
  const started = performance.now();
  for (let i = 0; i < cells; i++) {
    await engine.generate({ messages: [] }, (delta) => (tokens += delta.length));
  }
  if (tokens === 0) throw new Error('no tokens');
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const cells = MODELS.length * 3 * ITEMS;
const runner: number[] = [];
const baseline: number[] = [];
const real: number[] = [];
let batches = 0;
await throughRunner(passThrough); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  const pass = await throughRunner(passThrough);
  runner.push(pass.ms);
  batches = pass.batches;
  baseline.push(await engineAlone(cells));
  real.push((await throughRunner(createCellExecutor({ set, settings: DEFAULT_GENERATION_SETTINGS }))).ms);
}

const overheadMs = Math.max(0, median(runner) - median(baseline));
const generationMs = cells * GENERATION_MS;
console.log(
  `matrix: ${MODELS.length} models × 3 conditions × ${ITEMS} items = ${cells} cells, ${TOKENS_PER_CELL} tokens each`,
);
console.log(
  `simulated engine: ${TOKENS_PER_SECOND} tokens/s → ${GENERATION_MS.toFixed(1)} ms of generation per cell, ${(generationMs / 1000).toFixed(1)} s per run`,
);
console.log(
  `median of ${ROUNDS}: through the runner ${median(runner).toFixed(1)} ms, engine alone ${median(baseline).toFixed(1)} ms, ${batches} write batches`,
);
console.log(
  `runner cost: ${((overheadMs * 1000) / cells).toFixed(2)} µs per cell, ${((overheadMs * 1e6) / (cells * TOKENS_PER_CELL)).toFixed(1)} ns per token`,
);
console.log(
  `with the real cell executor (prompts, retrieval, tool loop, grading): ${((median(real) * 1000) / cells).toFixed(1)} µs per cell`,
);
console.log(`runner overhead: ${((overheadMs / generationMs) * 100).toFixed(3)}% of generation time`);
