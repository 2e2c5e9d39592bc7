import { describe, expect, it } from 'vitest';
import type { PromptItem, PromptSet } from '../../../../src/core/prompts/types';
import { closedBook, contextCondition, toolCondition } from '../../../../src/core/retrieval/conditions';
import { estimateRunTime } from '../../../../src/core/runs/estimate';
import {
  DEFAULT_GENERATION_SETTINGS,
  fillTemplate,
  validateSettings,
} from '../../../../src/core/runs/generation-settings';
import { createRun, matrixSize, missingCells, planCells, cellResultId } from '../../../../src/core/runs/plan';
import { selectItems } from '../../../../src/core/runs/select-items';
import { buildConfig, buildRun } from './fakes';

function item(id: string, tags: string[] = []): PromptItem {
  return { id, prompt: `Question ${id}?`, answers: ['a'], kind: 'factual', tags };
}

function buildSet(items: PromptItem[]): PromptSet {
  return { id: 'set-1', name: 'Set one', description: '', source: '', licence: '', items };
}

const tenItems = buildSet(
  Array.from({ length: 10 }, (_, i) => item(`q${i}`, i % 2 === 0 ? ['even'] : ['odd'])),
);

describe('selectItems', () => {
  const rows: {
    why: string;
    selection: Parameters<typeof selectItems>[1];
    ids?: string[];
    error?: RegExp;
  }[] = [
    {
      why: 'no tags and no sample keeps every item',
      selection: { tags: [] },
      ids: tenItems.items.map((i) => i.id),
    },
    {
      why: 'a tag keeps the items having it',
      selection: { tags: ['odd'] },
      ids: ['q1', 'q3', 'q5', 'q7', 'q9'],
    },
    {
      why: 'several tags keep items having any',
      selection: { tags: ['odd', 'even'] },
      ids: tenItems.items.map((i) => i.id),
    },
    {
      why: 'a sample larger than the set keeps all',
      selection: { tags: ['odd'], sample: { size: 50, seed: 1 } },
      ids: ['q1', 'q3', 'q5', 'q7', 'q9'],
    },
    { why: 'an unknown tag is an error naming it', selection: { tags: ['nope'] }, error: /"nope"/ },
    {
      why: 'a zero sample is an error',
      selection: { tags: [], sample: { size: 0, seed: 1 } },
      error: /at least 1/,
    },
    {
      why: 'a fractional sample is an error',
      selection: { tags: [], sample: { size: 2.5, seed: 1 } },
      error: /whole number/,
    },
  ];
  it.each(rows)('$why', ({ selection, ids, error }) => {
    const result = selectItems(tenItems, selection);
    if (error) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('run-invalid');
        expect(result.error.message).toMatch(error);
      }
    } else {
      expect(result.ok && result.value.map((i) => i.id)).toEqual(ids);
    }
  });

  it('samples the same items for the same seed, in set order, and others for another seed', () => {
    const pick = (seed: number) => {
      const result = selectItems(tenItems, { tags: [], sample: { size: 4, seed } });
      return result.ok ? result.value.map((i) => i.id) : [];
    };
    expect(pick(7)).toEqual(pick(7));
    expect(pick(7)).toHaveLength(4);
    expect([...pick(7)].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))).toEqual(pick(7));
    const seeds = [1, 2, 3, 4, 5].map((seed) => pick(seed).join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('an empty set is an error naming the set', () => {
    const result = selectItems(buildSet([]), { tags: [] });
    expect(!result.ok && result.error.message).toMatch(/"Set one" has no items/);
  });
});

describe('planCells and missingCells', () => {
  const run = buildRun({
    itemIds: ['q1', 'q2'],
    config: buildConfig({ conditions: [closedBook(), toolCondition()] }),
  });

  it('orders cells model-major, then item, then condition', () => {
    expect(planCells(run).map((c) => `${c.modelId} ${c.itemId} ${c.conditionId}`)).toEqual([
      'm1 q1 closed-book',
      'm1 q1 tool:ok',
      'm1 q2 closed-book',
      'm1 q2 tool:ok',
      'm2 q1 closed-book',
      'm2 q1 tool:ok',
      'm2 q2 closed-book',
      'm2 q2 tool:ok',
    ]);
  });

  it('missing cells are the planned ones without a stored result, in order', () => {
    const ids = planCells(run).map((c) => cellResultId(run.id, c));
    const stored = [ids[0], ids[3], ids[4], 'other-run|m1|closed-book|q1'].filter((id) => id !== undefined);
    const missing = missingCells(run, stored).map((c) => cellResultId(run.id, c));
    expect(missing).toEqual([1, 2, 5, 6, 7].map((i) => ids[i]));
  });

  it('matrixSize multiplies models, conditions and items', () => {
    expect(matrixSize(run.config, 20)).toEqual({ models: 2, conditions: 2, items: 20, cells: 80 });
  });
});

describe('createRun', () => {
  const base = { id: 'r', name: 'R', set: tenItems, environment: buildRun().environment, now: 42 };
  const rows: { why: string; config: ReturnType<typeof buildConfig>; error?: RegExp }[] = [
    { why: 'a valid configuration makes a draft', config: buildConfig() },
    { why: 'no model', config: buildConfig({ modelIds: [] }), error: /no model/ },
    { why: 'a model twice', config: buildConfig({ modelIds: ['m1', 'm1'] }), error: /twice/ },
    { why: 'no condition', config: buildConfig({ conditions: [] }), error: /no condition/ },
    {
      why: 'the same condition twice',
      config: buildConfig({ conditions: [contextCondition(), contextCondition()] }),
      error: /same/,
    },
    {
      why: 'a condition out of range',
      config: buildConfig({ conditions: [{ kind: 'context', fault: 'ok', faultShare: 0, topK: 0 }] }),
      error: /not valid/,
    },
    {
      why: 'settings out of range',
      config: buildConfig({ settings: { ...DEFAULT_GENERATION_SETTINGS, temperature: 5 } }),
      error: /Temperature/,
    },
  ];
  it.each(rows)('$why', ({ config, error }) => {
    const result = createRun({ ...base, config });
    if (error) expect(!result.ok && result.error.message).toMatch(error);
    else
      expect(result.ok && result.value).toMatchObject({
        status: 'draft',
        itemIds: tenItems.items.map((i) => i.id),
        skipped: [],
        createdAt: 42,
      });
  });
});

describe('generation settings', () => {
  const fills: { why: string; template: string; question: string; passages?: string; out: string }[] = [
    {
      why: 'fills both placeholders',
      template: '{passages}|{question}',
      question: 'Q',
      passages: 'P',
      out: 'P|Q',
    },
    { why: 'fills every occurrence', template: '{question} {question}', question: 'Q', out: 'Q Q' },
    {
      why: 'does not expand placeholders inside the question',
      template: '{question}',
      question: 'a {passages} b',
      passages: 'P',
      out: 'a {passages} b',
    },
    { why: 'leaves other braces alone', template: '{x} {question}', question: 'Q', out: '{x} Q' },
  ];
  it.each(fills)('fillTemplate $why', ({ template, question, passages, out }) => {
    expect(fillTemplate(template, passages === undefined ? { question } : { question, passages })).toBe(out);
  });

  it('the default templates are valid and put passages before the question', () => {
    expect(validateSettings(DEFAULT_GENERATION_SETTINGS).ok).toBe(true);
    const context = DEFAULT_GENERATION_SETTINGS.templates.context;
    expect(context.indexOf('{passages}')).toBeLessThan(context.indexOf('{question}'));
    // Every condition offers "I don't know", once: in its template, not again in the system prompt.
    for (const template of Object.values(DEFAULT_GENERATION_SETTINGS.templates)) {
      expect(template.split("I don't know")).toHaveLength(2);
    }
    expect(DEFAULT_GENERATION_SETTINGS.systemPrompt).not.toContain("I don't know");
  });

  const invalid: { why: string; patch: Partial<typeof DEFAULT_GENERATION_SETTINGS>; message: RegExp }[] = [
    { why: 'top-p of 0', patch: { topP: 0 }, message: /Top-p/ },
    { why: 'fractional max tokens', patch: { maxTokens: 1.5 }, message: /Max tokens/ },
    {
      why: 'a template without the question',
      patch: { templates: { ...DEFAULT_GENERATION_SETTINGS.templates, tool: 'Go.' } },
      message: /tool template must contain \{question\}/,
    },
    {
      why: 'a context template without passages',
      patch: { templates: { ...DEFAULT_GENERATION_SETTINGS.templates, context: '{question}' } },
      message: /\{passages\}/,
    },
  ];
  it.each(invalid)('validateSettings rejects $why', ({ patch, message }) => {
    const result = validateSettings({ ...DEFAULT_GENERATION_SETTINGS, ...patch });
    expect(!result.ok && result.error.message).toMatch(message);
  });
});

describe('estimateRunTime', () => {
  const samples = (modelId: string, ...ms: number[]) => ms.map((m) => ({ modelId, ms: m }));
  const rows: {
    why: string;
    done: ReturnType<typeof samples>;
    remaining: Record<string, number>;
    total: number | null;
    known: number;
    perModel: Record<string, number | null>;
  }[] = [
    {
      why: 'unknown with no samples',
      done: [],
      remaining: { a: 5 },
      total: null,
      known: 0,
      perModel: { a: null },
    },
    {
      why: 'unknown with too few samples',
      done: samples('a', 10, 10),
      remaining: { a: 5 },
      total: null,
      known: 0,
      perModel: { a: null },
    },
    {
      why: 'own mean times remaining',
      done: samples('a', 10, 20, 30),
      remaining: { a: 5 },
      total: 100,
      known: 100,
      perModel: { a: 100 },
    },
    {
      // A fast first model standing in for slower ones made a 90 s run say "19 s left".
      why: 'a model not started has no estimate of its own, so the run has only a lower bound',
      done: samples('a', 10, 10, 10),
      remaining: { a: 1, b: 4 },
      total: null,
      known: 10,
      perModel: { a: 10, b: null },
    },
    {
      why: 'another model with many answers does not stand in for one with too few',
      done: [...samples('a', 10, 10, 10, 10), ...samples('b', 500, 500)],
      remaining: { a: 2, b: 4 },
      total: null,
      known: 20,
      perModel: { a: 20, b: null },
    },
    {
      why: 'finished models are left out',
      done: samples('a', 10, 10, 10),
      remaining: { a: 0, b: 2 },
      total: null,
      known: 0,
      perModel: { b: null },
    },
    {
      why: 'every model with cells left known: the total is their sum',
      done: [...samples('a', 10, 10, 10), ...samples('b', 30, 30, 30)],
      remaining: { a: 0, b: 2 },
      total: 60,
      known: 60,
      perModel: { b: 60 },
    },
  ];
  it.each(rows)('$why', ({ done, remaining, total, known, perModel }) => {
    expect(estimateRunTime(done, remaining)).toEqual({ totalMs: total, knownMs: known, perModel });
  });
});
