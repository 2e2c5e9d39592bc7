import { describe, expect, it } from 'vitest';
import type { ModelProgress, RunProgress } from '../../../../src/core/runs/progress';
import {
  countsText,
  modelEtaText,
  modelStateLabel,
  runEtaText,
  runStatusLabel,
} from '../../../../src/core/runs/status-words';

function progress(overrides: Partial<RunProgress> = {}): RunProgress {
  return {
    runId: 'r',
    status: 'running',
    done: 4,
    total: 20,
    notRun: 0,
    elapsedMs: 1000,
    etaMs: null,
    etaAtLeastMs: null,
    models: [],
    current: null,
    ...overrides,
  };
}
const model = (overrides: Partial<ModelProgress> = {}): ModelProgress => ({
  modelId: 'm',
  state: 'answering',
  done: 2,
  total: 10,
  elapsedMs: 0,
  etaMs: null,
  ...overrides,
});

describe('status words', () => {
  it.each([
    ['draft', 'starting'],
    ['running', 'running'],
    ['cancelled', 'cancelled'],
  ] as const)('the status %s reads "%s"', (status, label) => {
    expect(runStatusLabel(status)).toBe(label);
  });

  it.each([
    ['a model cancelled before it began was not run', { state: 'cancelled', done: 0 }, 'not run'],
    ['a model cancelled part-way was cancelled', { state: 'cancelled', done: 3 }, 'cancelled'],
    ['a model a pause kept from starting has not started', { state: 'paused', done: 0 }, 'not started'],
    ['a model paused part-way is paused', { state: 'paused', done: 3 }, 'paused'],
  ] as const)('%s', (_why, m, label) => {
    expect(modelStateLabel(m)).toBe(label);
  });

  it.each([
    [
      'the plan, not only what was answered',
      { done: 10, total: 20, notRun: 10 },
      '10 of 20 answers · 10 not run (skipped model)',
    ],
    ['nothing skipped', { done: 1234, total: 2000, notRun: 0 }, '1,234 of 2,000 answers'],
    [
      'every model skipped',
      { done: 0, total: 20, notRun: 20 },
      '0 of 20 answers · 20 not run (skipped model)',
    ],
  ])('counts: %s', (_why, counts, text) => {
    expect(countsText(counts)).toBe(text);
  });

  it.each([
    ['a known estimate', progress({ etaMs: 65_000 }), 'about 1 min 05 s left'],
    ['only a lower bound', progress({ etaAtLeastMs: 19_000 }), 'at least 19 s left (estimating the rest…)'],
    ['nothing known yet', progress(), 'estimating time left…'],
    ['paused: no countdown', progress({ status: 'paused', etaMs: 65_000 }), null],
    ['everything answered or not run', progress({ done: 10, notRun: 10, etaMs: 5 }), null],
  ])('run time left: %s', (_why, p, text) => {
    expect(runEtaText(p)).toBe(text);
  });

  it.each([
    ['its own estimate', progress(), model({ etaMs: 6000 }), '~6 s left'],
    ['answering with too few answers of its own', progress(), model(), 'estimating…'],
    ['waiting: nothing to say yet', progress(), model({ state: 'waiting' }), null],
    ['paused run', progress({ status: 'paused' }), model({ etaMs: 6000 }), null],
  ])('model time left: %s', (_why, p, m, text) => {
    expect(modelEtaText(p, m)).toBe(text);
  });
});
