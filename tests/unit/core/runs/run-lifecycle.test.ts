/**
 * The scheduler as a person sees a run go: failures retried and said, a model
 * skipped only after failures in a row, counts of the plan and of what is
 * stored, states after a stop, and figures after a resume.
 */
import { describe, expect, it } from 'vitest';
import { MemoryRunStore } from '../../../../src/core/runs/memory-store';
import { progressWithStatus } from '../../../../src/core/runs/progress';
import { FAILURES_IN_A_ROW } from '../../../../src/core/runs/runner';
import type { ResultRecord, RunRecord } from '../../../../src/core/runs/types';
import { buildConfig, buildRun, setup, snapshots } from './fakes';

const RELOADED =
  'The GPU device was lost during the answer, most often from running out of memory. The model was reloaded.';

describe('patience: failures per stretch of cells, not per model', () => {
  it('two device losses apart, with answers between them, skip nothing', async () => {
    // 3 items × 2 conditions; q1 and q3 are four cells apart.
    const { store, scheduler } = setup({
      generateFailures: { 'closed-book q1': ['device-lost'], 'closed-book q3': ['device-lost'] },
    });
    const outcome = await scheduler.start();
    expect(FAILURES_IN_A_ROW).toBe(2);
    expect(outcome.status).toBe('completed');
    expect(outcome.run.skipped).toEqual([]);
    expect(store.resultsOf('run-1')).toHaveLength(12);
  });

  it('a load failure followed by a lost device on the first cell is two in a row: skipped', async () => {
    const { scheduler } = setup({
      loadFailures: { m1: ['download-failed'] },
      generateFailures: { 'closed-book q1': ['device-lost'] },
    });
    const outcome = await scheduler.start();
    expect(outcome.run.skipped.map((s) => s.modelId)).toEqual(['m1']);
  });
});

describe('the run says what happened', () => {
  it('a failure that fired once and was retried is in the run log', async () => {
    const { store, scheduler, events } = setup({
      generateFailures: { 'context:ok q2': ['device-lost'] },
      messages: { 'device-lost': RELOADED },
    });
    const outcome = await scheduler.start();
    expect(outcome.status).toBe('completed');
    const log = store.runs.get('run-1')?.log ?? [];
    expect(log).toEqual([
      expect.objectContaining({
        kind: 'retried',
        modelId: 'm1',
        itemId: 'q2',
        conditionId: 'context:ok',
        code: 'device-lost',
      }),
    ]);
    expect(log[0]?.message).toMatch(
      /^Answering item q2 \(context:ok\) failed: The GPU device was lost.*Tried again\.$/,
    );
    expect(events.filter((e) => e.type === 'log')).toHaveLength(1);
  });

  it('a model skipped after lost devices does not say it was reloaded; the log keeps both failures', async () => {
    const { scheduler } = setup({
      generateFailures: { 'closed-book q2': ['device-lost', 'device-lost'] },
      messages: { 'device-lost': RELOADED },
    });
    const outcome = await scheduler.start();
    const [skip] = outcome.run.skipped;
    expect(skip?.reason).not.toMatch(/reloaded/i);
    expect(skip?.reason).toBe(
      'The GPU device was lost while answering item q2 (closed-book): 2 failures in a row, so the model was skipped and 4 answers not given. Use "Retry skipped models" to try it again.',
    );
    expect(outcome.run.log?.map((e) => e.kind)).toEqual(['retried', 'skipped']);
  });

  it('a model that fails to load twice says loading failed, with the engine reason', async () => {
    const { scheduler } = setup({ loadFailures: { m2: ['out-of-memory', 'out-of-memory'] } });
    const outcome = await scheduler.start();
    expect(outcome.run.skipped[0]?.reason).toMatch(
      /^Loading failed \(m2 failed with out-of-memory\): 2 failures in a row, so the model was skipped and 6 answers not given/,
    );
  });
});

describe('counts: the plan, and what is stored', () => {
  it('a skipped model stays in the total: 6 of 12 answers, 6 not run', async () => {
    const { events, scheduler } = setup({ loadFailures: { m1: ['out-of-memory', 'out-of-memory'] } });
    expect((await scheduler.start()).status).toBe('completed');
    const last = snapshots(events).at(-1);
    expect(last).toMatchObject({ status: 'completed', done: 6, total: 12, notRun: 6 });
    expect(last?.models.map((m) => [m.modelId, m.state, m.done, m.total])).toEqual([
      ['m1', 'skipped', 0, 6],
      ['m2', 'done', 6, 6],
    ]);
  });

  it('every model skipped: failed with 0 of 12, not 0 of 0', async () => {
    const { events, scheduler } = setup({
      loadFailures: { m1: ['out-of-memory', 'out-of-memory'], m2: ['out-of-memory', 'out-of-memory'] },
    });
    expect((await scheduler.start()).status).toBe('failed');
    expect(snapshots(events).at(-1)).toMatchObject({ status: 'failed', done: 0, total: 12, notRun: 12 });
  });

  it('an answer counts as done once stored, not once computed', async () => {
    // A store whose writes wait until released: nothing is stored while they wait.
    class HeldStore extends MemoryRunStore {
      held: (() => void)[] = [];
      override saveResults(results: readonly ResultRecord[]): Promise<void> {
        return new Promise((resolve) => this.held.push(() => void super.saveResults(results).then(resolve)));
      }
    }
    const store = new HeldStore();
    const run = buildRun({ config: buildConfig({ modelIds: ['m1'] }) });
    const { events, scheduler } = setup({}, run, store);
    const finished = scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Every cell was answered, but only the first write was issued, and it has not landed.
    expect(events.filter((e) => e.type === 'cell')).toHaveLength(6);
    expect(store.held).toHaveLength(1);
    expect(Math.max(...snapshots(events).map((p) => p.done))).toBe(0);
    while (store.held.length > 0) {
      store.held.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect((await finished).status).toBe('completed');
    expect(snapshots(events).at(-1)?.done).toBe(6);
  });

  it('the first answer is written on its own at once, before the next cell is answered', async () => {
    const writes: number[] = [];
    const answeredBefore: number[] = [];
    class WatchingStore extends MemoryRunStore {
      override saveResults(results: readonly ResultRecord[]): Promise<void> {
        writes.push(results.length);
        answeredBefore.push(ctx.engine.count('generate'));
        return super.saveResults(results);
      }
    }
    const ctx = setup({}, buildRun(), new WatchingStore());
    await ctx.scheduler.start();
    expect(writes[0]).toBe(1);
    expect(answeredBefore[0]).toBe(1);
  });
});

describe('after a stop and after a resume', () => {
  it('a cancelled run says which models were cancelled part-way and which were not run', async () => {
    const { events, scheduler } = setup({ onAnswer: (index, runner) => index === 2 && runner.cancel() });
    expect((await scheduler.start()).status).toBe('cancelled');
    const last = snapshots(events).at(-1);
    expect(last?.models.map((m) => [m.modelId, m.state, m.done])).toEqual([
      ['m1', 'cancelled', 2],
      ['m2', 'cancelled', 0],
    ]);
  });

  it('a paused run has no time left to count down, and its elapsed time stands still', async () => {
    // Paused at m2's fifth answer: by then both models have estimates of their own.
    const { events, scheduler } = setup({ onAnswer: (index, runner) => index === 10 && runner.pause() });
    expect((await scheduler.start()).status).toBe('paused');
    const running = snapshots(events).filter((p) => p.status === 'running');
    expect(running.some((p) => p.etaMs !== null)).toBe(true);
    const paused = scheduler.progress();
    expect(paused).toMatchObject({ status: 'paused', etaMs: null, etaAtLeastMs: null });
    expect(paused?.models.every((m) => m.etaMs === null)).toBe(true);
    expect(paused?.models.map((m) => m.state)).toEqual(['done', 'paused']);
    expect(scheduler.progress()?.elapsedMs).toBe(paused?.elapsedMs);
  });

  it('a resumed run counts the time of the answers stored before, and estimates from them at once', async () => {
    const ctx = setup({ onAnswer: (index, runner) => index === 8 && runner.pause() });
    await ctx.scheduler.start();
    // As after a reload: a new scheduler over the stored run.
    const reloaded = { ...(ctx.store.runs.get('run-1') as RunRecord), status: 'interrupted' as const };
    const second = setup({}, reloaded, ctx.store);
    expect((await second.scheduler.start()).status).toBe('completed');
    const first = snapshots(second.events)[0];
    // m1 finished before the reload: 6 answers of 10 ms each (the fake engine's time).
    expect(first?.models[0]).toMatchObject({ state: 'done', done: 6, elapsedMs: 60 });
    expect(first?.models[1]).toMatchObject({ done: 2 });
    expect(first?.elapsedMs).toBeGreaterThanOrEqual(80);
    // m2 has two answers stored and needs three of its own for an estimate; its first new one gives it.
    const afterOne = snapshots(second.events).find((p) => p.done === 9);
    expect(afterOne?.models[1]?.etaMs).toBeGreaterThan(0);
  });
});

describe('imported runs', () => {
  it.each([
    ['an older record with importedFrom', { importedFrom: 'colleague.json' }],
    [
      'a record with provenance',
      { provenance: { fileName: 'c.json', appVersion: '0.1.0', exportedAt: 1, importedAt: 2 } },
    ],
  ])('%s is never started: no model loads, nothing is written', async (_why, imported) => {
    const run = buildRun({ status: 'interrupted', ...imported });
    const { engine, store, scheduler } = setup({}, run);
    const outcome = await scheduler.start();
    expect(outcome.error?.code).toBe('run-invalid');
    expect(outcome.error?.message).toMatch(/imported/);
    expect(engine.log).toEqual([]);
    expect(store.runs.size).toBe(0);
  });
});

describe('progressWithStatus', () => {
  it('a paused run cancelled from the history: its models read cancelled, with no time left', async () => {
    const { scheduler } = setup({ onAnswer: (index, runner) => index === 2 && runner.pause() });
    await scheduler.start();
    const paused = scheduler.progress();
    if (!paused) throw new Error('no progress');
    const cancelled = progressWithStatus(paused, 'cancelled');
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.models.map((m) => [m.state, m.done])).toEqual([
      ['cancelled', 2],
      ['cancelled', 0],
    ]);
    expect(paused.models[0]?.state).toBe('paused');
  });
});
