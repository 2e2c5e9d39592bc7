/**
 * The grid bench page: builds a synthetic run of 10,000 cells (1,000 items ×
 * 5 models × 2 conditions) with src/core/results, mounts the real
 * ResultsGrid, and measures (1) time from mount to the first painted screen,
 * (2) the longest main-thread task (PerformanceObserver 'longtask') while
 * 1,000 tokens per second stream into an empty cell, batched per animation
 * frame, and (3) the longest task and longest frame while scrolling.
 */
import { flushSync, mount } from 'svelte';
import { createFrameBatcher } from '../../src/core/results/frame-batcher';
import { buildGrid } from '../../src/core/results/grid-model';
import { applyQuery, DEFAULT_QUERY } from '../../src/core/results/grid-query';
import type { Verdict } from '../../src/core/grading/types';
import { resultId, type ResultRecord, type RunRecord } from '../../src/core/runs/types';
import ResultsGrid from '../../src/components/results/ResultsGrid.svelte';
import { GridInputs } from './grid-inputs.svelte';

export interface GridFigures {
  cells: number;
  firstScreenMs: number;
  renderedRows: number;
  streaming: { tokens: number; seconds: number; longestTaskMs: number; longTasks: number };
  scrolling: { seconds: number; longestTaskMs: number; longTasks: number; longestFrameMs: number };
}

const MODELS = ['Qwen3-0.6B', 'Llama-3.2-1B', 'gemma-2-2b', 'Phi-3.5-mini', 'SmolLM2-1.7B'];
const VERDICTS: Verdict[] = ['correct', 'incorrect', 'not_attempted'];

function synthetic(items: number): { run: RunRecord; results: ResultRecord[] } {
  const run: RunRecord = {
    id: 'bench',
    name: 'Bench',
    config: {
      setId: 'bench',
      setName: 'Bench',
      selection: { tags: [] },
      modelIds: MODELS,
      conditions: [{ kind: 'closed-book' }, { kind: 'context', fault: 'ok', faultShare: 0, topK: 3 }],
      settings: {
        systemPrompt: '',
        templates: { 'closed-book': '', context: '', tool: '' },
        temperature: 0,
        topP: 1,
        maxTokens: 64,
        seed: 1,
        thinking: false,
      },
    },
    itemIds: Array.from({ length: items }, (_, i) => `q${i}`),
    status: 'running',
    environment: { appVersion: 'bench', engine: 'simulated', userAgent: navigator.userAgent },
    skipped: [],
    createdAt: 0,
    updatedAt: 0,
  };
  const results: ResultRecord[] = [];
  run.itemIds.forEach((itemId, i) => {
    MODELS.forEach((modelId, m) => {
      for (const conditionId of ['closed-book', 'context:ok']) {
        // Leave one cell empty: the streaming target.
        if (i === 2 && m === 0 && conditionId === 'closed-book') continue;
        results.push({
          id: resultId('bench', modelId, conditionId, itemId),
          runId: 'bench',
          modelId,
          conditionId,
          itemId,
          messages: [],
          rawAnswer: `Answer ${i} from ${modelId}: the capital is somewhere, probably, with some more words here.`,
          finishReason: 'stop',
          usage: {
            promptTokens: 20,
            completionTokens: 16,
            timeToFirstTokenMs: 40,
            prefillTokensPerSecond: 500,
            decodeTokensPerSecond: 20 + m * 7,
            totalMs: 500,
          },
          verdicts: { deterministic: { verdict: VERDICTS[(i + m) % 3] ?? 'correct', reason: 'bench' } },
          createdAt: 0,
        });
      }
    });
  });
  return { run, results };
}

function frame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

function watchLongTasks(): { stop: () => number[] } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop: () => {
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      return durations;
    },
  };
}

export async function runBench(
  items: number,
  streamSeconds: number,
  scrollSeconds: number,
): Promise<GridFigures> {
  const { run, results } = synthetic(items);
  const target = document.createElement('div');
  document.body.append(target);

  const start = performance.now();
  const grid = buildGrid(run, results, undefined);
  const view = applyQuery(grid, DEFAULT_QUERY);
  const inputs = new GridInputs(view, 'bench');
  mount(ResultsGrid, { target, props: inputs.props() });
  flushSync();
  await frame();
  const firstScreenMs = performance.now() - start;
  const renderedRows = document.querySelectorAll('[role="row"]').length - 1;

  // Let the first screen settle (paint, idle callbacks) so its tail is not counted as streaming.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await frame();

  // Streaming: 1,000 tokens per second in 10 ms ticks, applied once per frame.
  const cellId = resultId('bench', MODELS[0] ?? '', 'closed-book', 'q2');
  const batcher = createFrameBatcher(
    (cb) => requestAnimationFrame(() => cb()),
    (p) => (inputs.partials = p),
  );
  let tokens = 0;
  const streamWatch = watchLongTasks();
  const streamEnd = performance.now() + streamSeconds * 1000;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      for (let i = 0; i < 10; i++) batcher.push(cellId, ` tok${tokens++}`);
      if (performance.now() >= streamEnd) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  await frame();
  const streamTasks = streamWatch.stop();

  // Scrolling: a wheel-like 120 px per frame down through the grid.
  const scroller = document.querySelector<HTMLElement>('.scroller');
  const scrollWatch = watchLongTasks();
  const scrollEnd = performance.now() + scrollSeconds * 1000;
  let last = performance.now();
  let longestFrameMs = 0;
  while (performance.now() < scrollEnd && scroller) {
    scroller.scrollTop += 120;
    const now = await frame();
    longestFrameMs = Math.max(longestFrameMs, now - last);
    last = now;
  }
  const scrollTasks = scrollWatch.stop();

  return {
    cells: results.length + 1,
    firstScreenMs,
    renderedRows,
    streaming: {
      tokens,
      seconds: streamSeconds,
      longestTaskMs: Math.max(0, ...streamTasks),
      longTasks: streamTasks.length,
    },
    scrolling: {
      seconds: scrollSeconds,
      longestTaskMs: Math.max(0, ...scrollTasks),
      longTasks: scrollTasks.length,
      longestFrameMs,
    },
  };
}
