import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/core/errors';
import { MemoryRunStore } from '../../../../src/core/runs/memory-store';
import { planCells, cellResultId } from '../../../../src/core/runs/plan';
import type { ResultRecord, RunRecord } from '../../../../src/core/runs/types';
import { buildConfig, buildRun, setup, snapshots, type FakeEngineOptions } from './fakes';

const allIds = (run: RunRecord) =>
  planCells(run)
    .map((cell) => cellResultId(run.id, cell))
    .sort();
const storedIds = (store: MemoryRunStore, runId = 'run-1') =>
  store
    .resultsOf(runId)
    .map((r) => r.id)
    .sort();

describe('RunScheduler: ordering', () => {
  it('loads each model once, model-major, unloading before the next, and stores every cell', async () => {
    const { engine, store, scheduler } = setup();
    const outcome = await scheduler.start();

    expect(outcome.status).toBe('completed');
    expect(engine.log.filter((l) => !l.startsWith('generate'))).toEqual([
      'load m1',
      'unload',
      'load m2',
      'unload',
    ]);
    const generated = engine.log.filter((l) => l.startsWith('generate')).map((l) => l.split(' ')[1]);
    expect(generated).toEqual([...Array(6).fill('m1'), ...Array(6).fill('m2')]);
    expect(storedIds(store)).toEqual(allIds(buildRun()));
    expect(store.runs.get('run-1')?.status).toBe('completed');
    expect(store.runs.get('run-1')?.finishedAt).toBeTypeOf('number');
  });

  it('starts every cell from a fresh conversation', async () => {
    const { engine, scheduler } = setup();
    await scheduler.start();
    expect(engine.requests).toHaveLength(12);
    for (const request of engine.requests) {
      expect(request.messages.map((m) => m.role)).toEqual(['system', 'user']);
    }
  });

  it('streams tokens that add up to the stored answer, and reports counts per model', async () => {
    const { events, store, scheduler } = setup();
    await scheduler.start();
    const first = store.resultsOf('run-1')[0] as ResultRecord;
    const streamed = events
      .filter((e) => e.type === 'token' && cellResultId('run-1', e.cell) === first.id)
      .map((e) => (e.type === 'token' ? e.delta : ''))
      .join('');
    expect(streamed).toBe(first.rawAnswer);
    const last = events.filter((e) => e.type === 'progress').at(-1);
    expect(last?.type === 'progress' && last.progress).toMatchObject({
      status: 'completed',
      done: 12,
      total: 12,
      notRun: 0,
      etaMs: null,
      models: [
        { modelId: 'm1', state: 'done', done: 6, total: 6 },
        { modelId: 'm2', state: 'done', done: 6, total: 6 },
      ],
    });
  });

  it('estimates each model from its own answers once it has a few, and the run once every model has', async () => {
    const { events, scheduler } = setup();
    await scheduler.start();
    const running = snapshots(events).filter((p) => p.status === 'running' && p.current === null);
    // One answer: too few to say anything ("estimating…").
    expect(running.find((p) => p.done === 1)?.models[0]?.etaMs).toBeNull();
    // Three answers of m1: m1 has its own estimate; m2 has none yet, so the run gives only a lower bound.
    const third = running.find((p) => p.done === 3);
    expect(third?.models[0]?.etaMs).toBeGreaterThan(0);
    expect(third?.etaMs).toBeNull();
    expect(third?.etaAtLeastMs).toBeGreaterThan(0);
    // Three answers of m2 as well: now the whole run is estimated.
    expect(running.find((p) => p.done === 9)?.etaMs).toBeGreaterThan(0);
  });
});

describe('RunScheduler: pause, resume, cancel', () => {
  it('pause interrupts the current cell, which is redone on resume; nothing is duplicated', async () => {
    const ctx = setup({ onAnswer: (index, runner) => index === 3 && runner.pause() });
    const scheduler = ctx.scheduler;
    const paused = await scheduler.start();

    expect(paused.status).toBe('paused');
    expect(ctx.engine.log).toContain('interrupt');
    expect(ctx.store.resultsOf('run-1')).toHaveLength(3);
    expect(ctx.store.runs.get('run-1')?.status).toBe('paused');

    const resumed = await scheduler.start();
    expect(resumed.status).toBe('completed');
    expect(storedIds(ctx.store)).toEqual(allIds(buildRun()));
    // 12 cells + the interrupted one again.
    expect(ctx.engine.count('generate')).toBe(13);
  });

  it('pause with finishCell keeps the current answer', async () => {
    const ctx = setup({ onAnswer: (index, runner) => index === 3 && runner.pause({ finishCell: true }) });
    const scheduler = ctx.scheduler;
    expect((await scheduler.start()).status).toBe('paused');
    expect(ctx.engine.log).not.toContain('interrupt');
    expect(ctx.store.resultsOf('run-1')).toHaveLength(4);
  });

  it('cancel stops for good, keeps what was answered, and refuses to resume', async () => {
    const ctx = setup({ onAnswer: (index, runner) => index === 7 && runner.cancel() });
    const scheduler = ctx.scheduler;
    const outcome = await scheduler.start();
    expect(outcome.status).toBe('cancelled');
    expect(ctx.store.resultsOf('run-1')).toHaveLength(7);
    expect(ctx.engine.log.at(-1)).toBe('unload');
    const again = await scheduler.start();
    expect(again.error?.code).toBe('run-invalid');
    expect(ctx.engine.count('generate')).toBe(8);
  });

  it('after an interruption a new scheduler answers exactly the missing cells', async () => {
    const ctx = setup({ onAnswer: (index, runner) => index === 8 && runner.pause() });
    const first = ctx.scheduler;
    await first.start();
    const before = storedIds(ctx.store);
    expect(before).toHaveLength(8);

    // As after a reload: the run comes back from storage marked interrupted.
    const reloaded = { ...(ctx.store.runs.get('run-1') as RunRecord), status: 'interrupted' as const };
    const second = setup({}, reloaded, ctx.store);
    expect((await second.scheduler.start()).status).toBe('completed');

    const regenerated = second.engine.log
      .filter((l) => l.startsWith('generate'))
      .map((l) => l.split(' ').slice(1).join(' '));
    expect(regenerated).toHaveLength(4);
    expect(second.engine.count('load')).toBe(1);
    expect(storedIds(ctx.store)).toEqual(allIds(buildRun()));
    expect(new Set(storedIds(ctx.store)).size).toBe(12);
  });
});

describe('RunScheduler: failing models and cells', () => {
  const cases: {
    name: string;
    options: FakeEngineOptions;
    loads: number;
    skipped: { modelId: string; code: string }[];
    stored: number;
    status: string;
  }[] = [
    {
      name: 'a model that fails to load twice is skipped with its reason; the next model runs',
      options: { loadFailures: { m1: ['out-of-memory', 'out-of-memory'] } },
      loads: 3,
      skipped: [{ modelId: 'm1', code: 'out-of-memory' }],
      stored: 6,
      status: 'completed',
    },
    {
      name: 'a model that fails to load once is retried and answers everything',
      options: { loadFailures: { m1: ['download-failed'] } },
      loads: 3,
      skipped: [],
      stored: 12,
      status: 'completed',
    },
    {
      name: 'a device lost once is retried on the same cell',
      options: { generateFailures: { 'closed-book q2': ['device-lost'] } },
      loads: 2,
      skipped: [],
      stored: 12,
      status: 'completed',
    },
    {
      name: 'a device lost twice skips the model, keeping the answers it gave',
      options: { generateFailures: { 'closed-book q2': ['device-lost', 'device-lost'] } },
      loads: 2,
      skipped: [{ modelId: 'm1', code: 'device-lost' }],
      // m1 answered q1 under both conditions before losing its device; m2 answers all 6.
      stored: 8,
      status: 'completed',
    },
    {
      name: 'every model failing leaves the run failed',
      options: {
        loadFailures: {
          m1: ['out-of-memory', 'out-of-memory'],
          m2: ['webgpu-unavailable', 'webgpu-unavailable'],
        },
      },
      loads: 4,
      skipped: [
        { modelId: 'm1', code: 'out-of-memory' },
        { modelId: 'm2', code: 'webgpu-unavailable' },
      ],
      stored: 0,
      status: 'failed',
    },
  ];

  it.each(cases)('$name', async ({ options, loads, skipped, stored, status }) => {
    const { engine, store, scheduler, events } = setup(options);
    const outcome = await scheduler.start();
    expect(outcome.status).toBe(status);
    expect(engine.count('load')).toBe(loads);
    expect(outcome.run.skipped.map(({ modelId, code }) => ({ modelId, code }))).toEqual(skipped);
    expect(store.runs.get('run-1')?.skipped).toHaveLength(skipped.length);
    expect(events.filter((e) => e.type === 'skipped')).toHaveLength(skipped.length);
    expect(store.resultsOf('run-1')).toHaveLength(stored);
    for (const s of outcome.run.skipped) expect(s.reason).toMatch(/in a row, so the model was skipped/);
  });

  it('a cell failing for its own reason is stored with the error, and the run goes on', async () => {
    const { store, scheduler } = setup({
      generateFailures: { 'context:ok q3': ['context-window-exceeded'] },
    });
    expect((await scheduler.start()).status).toBe('completed');
    const failed = store.resultsOf('run-1').filter((r) => r.error);
    expect(failed.map((r) => [r.modelId, r.itemId, r.error?.code])).toEqual([
      ['m1', 'q3', 'context-window-exceeded'],
    ]);
    expect(store.resultsOf('run-1')).toHaveLength(12);
  });

  it('a skipped model stays skipped on resume', async () => {
    const run = buildRun({ skipped: [{ modelId: 'm1', code: 'out-of-memory', reason: 'too big' }] });
    const { engine, scheduler } = setup({}, run);
    expect((await scheduler.start()).status).toBe('completed');
    expect(engine.log.filter((l) => l.startsWith('load'))).toEqual(['load m2']);
  });
});

describe('RunScheduler: storage failures', () => {
  class FullDiskStore extends MemoryRunStore {
    full = false;
    override async saveResults(results: readonly ResultRecord[]): Promise<void> {
      if (this.full) throw new AppError('storage-quota-exceeded', { message: 'The disk is full.' });
      return super.saveResults(results);
    }
  }

  it('a full disk pauses the run with a clear error; answers are kept and written on resume', async () => {
    const store = new FullDiskStore();
    const ctx = setup({ onAnswer: (index) => index === 4 && (store.full = true) }, buildRun(), store);
    const paused = await ctx.scheduler.start();
    expect(paused.status).toBe('paused');
    expect(paused.error?.code).toBe('storage-quota-exceeded');
    expect(store.runs.get('run-1')?.status).toBe('paused');
    const storedBefore = store.resultsOf('run-1').length;
    expect(storedBefore).toBeLessThan(6);

    store.full = false;
    const resumed = await ctx.scheduler.start();
    expect(resumed.status).toBe('completed');
    expect(storedIds(store)).toEqual(allIds(buildRun()));
    // Only the cells never answered were generated again: 12 in all.
    expect(ctx.engine.count('generate')).toBe(12);
  });

  it('on resume the answers kept from the failed write are stored before the missing cells are computed', async () => {
    // Writes land a macrotask after they are issued, so a batch is still in
    // flight when the resume reads the stored ids: none of its cells may be redone.
    class SlowFullDiskStore extends FullDiskStore {
      override async saveResults(results: readonly ResultRecord[]): Promise<void> {
        if (this.full) return super.saveResults(results);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return super.saveResults(results);
      }
    }
    const store = new SlowFullDiskStore();
    const ctx = setup({ onAnswer: (index) => index === 4 && (store.full = true) }, buildRun(), store);
    expect((await ctx.scheduler.start()).status).toBe('paused');
    // Some answers were given but not stored: they wait in the writer.
    expect(store.resultsOf('run-1').length).toBeLessThan(ctx.engine.count('generate'));

    store.full = false;
    expect((await ctx.scheduler.start()).status).toBe('completed');
    expect(storedIds(store)).toEqual(allIds(buildRun()));
    // Every cell generated exactly once across both starts: 12 in all.
    expect(ctx.engine.count('generate')).toBe(12);
  });

  it('resuming while the disk is still full pauses again at once, without loading a model', async () => {
    const store = new FullDiskStore();
    const ctx = setup({ onAnswer: (index) => index === 4 && (store.full = true) }, buildRun(), store);
    expect((await ctx.scheduler.start()).status).toBe('paused');
    const loads = ctx.engine.count('load');
    const again = await ctx.scheduler.start();
    expect(again.status).toBe('paused');
    expect(again.error?.code).toBe('storage-quota-exceeded');
    expect(ctx.engine.count('load')).toBe(loads);
    expect(store.runs.get('run-1')?.status).toBe('paused');
  });

  it('results are written in batches as they finish, not one transaction per run', async () => {
    const { store, scheduler } = setup({}, buildRun({ config: buildConfig({ modelIds: ['m1'] }) }));
    await scheduler.start();
    expect(store.resultsOf('run-1')).toHaveLength(6);
    expect(store.batches).toBeGreaterThan(1);
  });
});
