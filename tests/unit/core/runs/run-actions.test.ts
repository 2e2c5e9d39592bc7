import { describe, expect, it } from 'vitest';
import { MemoryRunStore } from '../../../../src/core/runs/memory-store';
import { cellResultId, planCells } from '../../../../src/core/runs/plan';
import {
  cancelStopped,
  copyRun,
  provenanceText,
  retrySkipped,
  runActions,
  type RunActions,
} from '../../../../src/core/runs/run-actions';
import type { ResultRecord, RunRecord } from '../../../../src/core/runs/types';
import { buildRun, setup } from './fakes';

const PROVENANCE = {
  fileName: 'colleague.floorcheck.json',
  appVersion: '0.1.0',
  exportedAt: 0,
  importedAt: 86_400_000,
};
const SKIP = { modelId: 'm1', code: 'device-lost', reason: 'lost twice' };

describe('runActions: a button for each action allowed, none for the others', () => {
  const none = { resume: false, cancel: false, retrySkipped: false, copy: false };
  const rows: { why: string; run: Partial<RunRecord>; actions: RunActions }[] = [
    {
      why: 'a paused run resumes or cancels',
      run: { status: 'paused' },
      actions: { ...none, resume: true, cancel: true, runAgain: true },
    },
    {
      why: 'an interrupted run too',
      run: { status: 'interrupted' },
      actions: { ...none, resume: true, cancel: true, runAgain: true },
    },
    {
      why: 'a running run is controlled by its scheduler',
      run: { status: 'running' },
      actions: { ...none, runAgain: false },
    },
    { why: 'a completed run runs again', run: { status: 'completed' }, actions: { ...none, runAgain: true } },
    {
      why: 'a completed run with a skipped model may retry it',
      run: { status: 'completed', skipped: [SKIP] },
      actions: { ...none, retrySkipped: true, runAgain: true },
    },
    {
      why: 'a failed run (every model skipped) may retry them',
      run: { status: 'failed', skipped: [SKIP] },
      actions: { ...none, retrySkipped: true, runAgain: true },
    },
    {
      why: 'a cancelled run stays cancelled',
      run: { status: 'cancelled', skipped: [SKIP] },
      actions: { ...none, runAgain: true },
    },
    {
      why: 'an imported interrupted run is read-only: only a copy (or a new run) is offered',
      run: { status: 'interrupted', skipped: [SKIP], importedFrom: 'x.json' },
      actions: { ...none, copy: true, runAgain: true },
    },
    {
      why: 'an imported run with provenance alike',
      run: { status: 'paused', provenance: PROVENANCE },
      actions: { ...none, copy: true, runAgain: true },
    },
  ];
  it.each(rows)('$why', ({ run, actions }) => {
    expect(runActions(buildRun(run))).toEqual(actions);
  });
});

describe('cancelStopped', () => {
  it('cancels a paused run for good, with the time and a log entry', () => {
    const cancelled = cancelStopped(buildRun({ status: 'paused' }), 500);
    expect(cancelled.ok && cancelled.value).toMatchObject({
      status: 'cancelled',
      finishedAt: 500,
      updatedAt: 500,
    });
    expect(cancelled.ok && cancelled.value.log).toEqual([
      { at: 500, kind: 'cancelled', message: 'Cancelled while paused.' },
    ]);
  });

  it.each([
    ['a completed run', buildRun({ status: 'completed' }), /is completed/],
    ['an imported run', buildRun({ status: 'paused', importedFrom: 'x.json' }), /imported.*read-only/],
  ])('refuses %s, saying why', (_why, run, message) => {
    const refused = cancelStopped(run, 1);
    expect(!refused.ok && refused.error.message).toMatch(message);
  });
});

describe('retrySkipped', () => {
  it("clears the skip, and the resumed run answers only the skipped model's missing cells", async () => {
    const store = new MemoryRunStore();
    const first = setup(
      { generateFailures: { 'closed-book q2': ['device-lost', 'device-lost'] } },
      buildRun(),
      store,
    );
    const done = await first.scheduler.start();
    expect(done.run.skipped.map((s) => s.modelId)).toEqual(['m1']);
    expect(store.resultsOf('run-1')).toHaveLength(8);

    const retried = retrySkipped(done.run, 1000);
    expect(retried.ok && retried.value).toMatchObject({ status: 'paused', skipped: [] });
    expect(retried.ok && retried.value.finishedAt).toBeUndefined();
    expect(retried.ok && retried.value.log?.at(-1)).toMatchObject({
      kind: 'retry-skipped',
      message: 'Skipped models retried on request: m1.',
    });

    const second = setup({}, retried.ok ? retried.value : buildRun(), store);
    expect((await second.scheduler.start()).status).toBe('completed');
    expect(second.engine.log.filter((l) => l.startsWith('load'))).toEqual(['load m1']);
    expect(second.engine.count('generate')).toBe(4);
    expect(store.resultsOf('run-1')).toHaveLength(12);
  });

  it('refuses a run with nothing skipped', () => {
    expect(retrySkipped(buildRun({ status: 'completed' }), 1).ok).toBe(false);
  });
});

describe('copyRun: an imported run made local', () => {
  async function importedWithAnswers(count: number) {
    const store = new MemoryRunStore();
    const source = buildRun({ id: 'imp', status: 'interrupted', provenance: PROVENANCE, skipped: [SKIP] });
    const ids = planCells(source).slice(0, count);
    const results: ResultRecord[] = ids.map((cell) => ({
      id: cellResultId('imp', cell),
      runId: 'imp',
      modelId: cell.modelId,
      conditionId: cell.conditionId,
      itemId: cell.itemId,
      messages: [{ role: 'user', content: cell.itemId }],
      rawAnswer: `answer ${cell.itemId}`,
      finishReason: 'stop',
      usage: {
        promptTokens: 1,
        completionTokens: 1,
        timeToFirstTokenMs: 1,
        prefillTokensPerSecond: 1,
        decodeTokensPerSecond: 1,
        totalMs: 7,
      },
      verdicts: { override: { verdict: 'correct', at: 3 } },
      createdAt: 3,
    }));
    await store.saveResults(results);
    return { store, source, results };
  }
  const environment = { appVersion: 'here', engine: 'simulated' as const, userAgent: 'this browser' };

  it('copies configuration, items and answers (verdicts included) under a new id, paused when cells are missing', async () => {
    const { source, results } = await importedWithAnswers(3);
    const copy = copyRun(source, results, { id: 'copy-1', now: 900, environment });
    expect(copy.run).toMatchObject({
      id: 'copy-1',
      name: 'Run one (copy)',
      status: 'paused',
      config: source.config,
      itemIds: source.itemIds,
      skipped: [],
      environment,
      createdAt: 900,
    });
    expect(copy.run.importedFrom).toBeUndefined();
    expect(copy.run.provenance).toBeUndefined();
    expect(copy.run.log?.at(-1)?.message).toBe(
      'Copied from "Run one" (Imported from colleague.floorcheck.json (Floorcheck 0.1.0, exported 1970-01-01, imported 1970-01-02)) with 3 of 12 answers.',
    );
    expect(copy.results.map((r) => [r.id, r.runId, r.rawAnswer, r.verdicts.override?.verdict])).toEqual(
      results.map((r) => [r.id.replace(/^imp/, 'copy-1'), 'copy-1', r.rawAnswer, 'correct']),
    );
    // The source is untouched.
    expect(results.every((r) => r.runId === 'imp')).toBe(true);
  });

  it('the copy resumes its missing cells locally and leaves the imported run as it was', async () => {
    const { store, source, results } = await importedWithAnswers(3);
    const copy = copyRun(source, results, { id: 'copy-1', now: 900, environment });
    await store.saveRun(copy.run);
    await store.saveResults(copy.results);
    const ctx = setup({}, copy.run, store);
    expect((await ctx.scheduler.start()).status).toBe('completed');
    expect(ctx.engine.count('generate')).toBe(9);
    expect(store.resultsOf('copy-1')).toHaveLength(12);
    expect(store.resultsOf('imp')).toHaveLength(3);
  });

  it('a copy of a complete run is completed', async () => {
    const { source, results } = await importedWithAnswers(12);
    expect(copyRun(source, results, { id: 'c', now: 1, environment }).run).toMatchObject({
      status: 'completed',
      finishedAt: 1,
    });
  });
});

describe('provenanceText', () => {
  it.each([
    [
      'provenance in full',
      { provenance: PROVENANCE, importedFrom: 'old.json' },
      'Imported from colleague.floorcheck.json (Floorcheck 0.1.0, exported 1970-01-01, imported 1970-01-02)',
    ],
    ['an older record: the file name only', { importedFrom: 'old.json' }, 'Imported from old.json'],
    [
      'a date out of range is said so, not thrown',
      { provenance: { ...PROVENANCE, exportedAt: 1e300 } },
      'Imported from colleague.floorcheck.json (Floorcheck 0.1.0, exported unknown date, imported 1970-01-02)',
    ],
    ['a local run: none', {}, null],
  ])('%s', (_why, run, text) => {
    expect(provenanceText(buildRun(run))).toBe(text);
  });
});
