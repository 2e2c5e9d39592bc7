/** Builders with overrides for runs, results and sets, shared by the results and exchange tests. */
import type { Verdict } from '../../../../src/core/grading/types';
import type { PromptItem, PromptSet } from '../../../../src/core/prompts/types';
import type { Condition } from '../../../../src/core/retrieval/types';
import { resultId, type ResultRecord, type RunRecord } from '../../../../src/core/runs/types';

export const CLOSED: Condition = { kind: 'closed-book' };
export const CONTEXT_OK: Condition = { kind: 'context', fault: 'ok', faultShare: 0, topK: 3 };
export const CONTEXT_EMPTY: Condition = { kind: 'context', fault: 'empty', faultShare: 1, topK: 3 };
export const TOOL_OK: Condition = { kind: 'tool', fault: 'ok', faultShare: 0, topK: 3, maxCalls: 3 };

export function item(id: string, overrides: Partial<PromptItem> = {}): PromptItem {
  return {
    id,
    prompt: `Question ${id}?`,
    answers: [`answer ${id}`],
    kind: 'factual',
    tags: [],
    ...overrides,
  };
}

export function promptSet(items: PromptItem[], overrides: Partial<PromptSet> = {}): PromptSet {
  return {
    id: 'set-1',
    name: 'Test set',
    description: '',
    source: 'tests',
    licence: 'CC0',
    items,
    ...overrides,
  };
}

export function run(
  overrides: Partial<RunRecord> = {},
  config: Partial<RunRecord['config']> = {},
): RunRecord {
  return {
    id: 'run-1',
    name: 'Run one',
    config: {
      setId: 'set-1',
      setName: 'Test set',
      selection: { tags: [] },
      modelIds: ['m1', 'm2'],
      conditions: [CLOSED, CONTEXT_OK],
      settings: {
        systemPrompt: 'Answer briefly.',
        templates: { 'closed-book': '{question}', context: '{passages}\n{question}', tool: '{question}' },
        temperature: 0,
        topP: 1,
        maxTokens: 64,
        seed: 1,
        thinking: false,
      },
      ...config,
    },
    itemIds: ['q1', 'q2', 'q3'],
    status: 'completed',
    environment: { appVersion: '0.1.0', engine: 'simulated', userAgent: 'tests' },
    skipped: [],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

export function result(
  modelId: string,
  conditionId: string,
  itemId: string,
  verdict: Verdict | undefined,
  overrides: Partial<ResultRecord> = {},
): ResultRecord {
  const runId = overrides.runId ?? 'run-1';
  return {
    id: resultId(runId, modelId, conditionId, itemId),
    runId,
    modelId,
    conditionId,
    itemId,
    messages: [{ role: 'user', content: `Question ${itemId}?` }],
    rawAnswer: `Answer from ${modelId} to ${itemId}`,
    finishReason: 'stop',
    usage: {
      promptTokens: 20,
      completionTokens: 8,
      timeToFirstTokenMs: 50,
      prefillTokensPerSecond: 400,
      decodeTokensPerSecond: 30,
      totalMs: 320,
    },
    verdicts: verdict ? { deterministic: { verdict, reason: 'test' } } : {},
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

/**
 * Results from a table: one string per row, cells in column order
 * `m1 closed, m1 context, m2 closed, m2 context`, letters C / I / N / . (none).
 */
export function resultsFromTable(
  table: Record<string, string>,
  columns: [string, string][] = [
    ['m1', 'closed-book'],
    ['m1', 'context:ok'],
    ['m2', 'closed-book'],
    ['m2', 'context:ok'],
  ],
  runId = 'run-1',
): ResultRecord[] {
  const letters: Record<string, Verdict> = { C: 'correct', I: 'incorrect', N: 'not_attempted' };
  return Object.entries(table).flatMap(([itemId, row]) =>
    [...row.replace(/\s/g, '')].flatMap((letter, i) => {
      const column = columns[i];
      if (!column || letter === '.') return [];
      return [result(column[0], column[1], itemId, letters[letter], { runId })];
    }),
  );
}
