/** Builders with overrides for stored records. */
import type { ResultRecord, RunRecord } from '../../../src/core/runs/types';
import { resultId } from '../../../src/core/runs/types';
import { DEFAULT_GENERATION_SETTINGS } from '../../../src/core/runs/generation-settings';

let counter = 0;

/** A database name no other test uses (fake-indexeddb is global to the process). */
export function freshName(): string {
  counter += 1;
  return `floorcheck-test-${process.pid}-${counter}`;
}

export function buildRun(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'run-1',
    name: 'Run one',
    config: {
      setId: 'set-1',
      setName: 'Set one',
      selection: { tags: [] },
      modelIds: ['m1', 'm2'],
      conditions: [{ kind: 'closed-book' }],
      settings: DEFAULT_GENERATION_SETTINGS,
    },
    itemIds: ['q1', 'q2'],
    status: 'completed',
    environment: { appVersion: 'test', engine: 'simulated', userAgent: 'vitest' },
    skipped: [],
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

export function buildResult(overrides: Partial<ResultRecord> = {}): ResultRecord {
  const base = { runId: 'run-1', modelId: 'm1', conditionId: 'closed-book', itemId: 'q1', ...overrides };
  return {
    id: resultId(base.runId, base.modelId, base.conditionId, base.itemId),
    messages: [{ role: 'user', content: 'Question?' }],
    rawAnswer: 'Paris',
    finishReason: 'stop',
    usage: {
      promptTokens: 10,
      completionTokens: 2,
      timeToFirstTokenMs: 5,
      prefillTokensPerSecond: 100,
      decodeTokensPerSecond: 20,
      totalMs: 100,
    },
    verdicts: { deterministic: { verdict: 'correct', reason: 'matched "Paris"' } },
    createdAt: 2,
    ...base,
  };
}
