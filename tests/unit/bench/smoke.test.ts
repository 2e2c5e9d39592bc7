/** The pure parts of `npm run smoke:gpu`: its arguments, the hardware-adapter rule, and the figures table. */
import { describe, expect, it } from 'vitest';
import { hardwareAdapterProblem } from '../../../bench/smoke/adapter-check';
import { DEFAULT_ITEMS, parseSmokeArgs } from '../../../bench/smoke/args';
import { conditionFigures, errorLines, formatTable } from '../../../bench/smoke/report';
import { closedBook, toolCondition } from '../../../src/core/retrieval/conditions';
import { result, run } from '../core/results/builders';

describe('parseSmokeArgs', () => {
  it('takes the model, with defaults for the rest', () => {
    expect(parseSmokeArgs(['--model', 'Qwen3-0.6B-q4f16_1-MLC'])).toEqual({
      ok: true,
      value: { model: 'Qwen3-0.6B-q4f16_1-MLC', items: DEFAULT_ITEMS, headed: false, speed: false },
    });
  });

  it('takes every flag, with a space or an equals sign', () => {
    const parsed = parseSmokeArgs([
      '--model=m',
      '--items',
      '20',
      '--out=f.json',
      '--headed',
      '--chromium',
      '/c',
      '--profile',
      '/p',
      '--speed',
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: {
        model: 'm',
        items: 20,
        out: 'f.json',
        headed: true,
        chromium: '/c',
        profile: '/p',
        speed: true,
      },
    });
  });

  it.each([
    { why: 'no model', argv: ['--items', '5'], error: /--model <model id>/ },
    { why: 'a model flag without its value', argv: ['--model'], error: /--model needs a value/ },
    {
      why: 'a flag where the value should be',
      argv: ['--model', '--headed'],
      error: /--model needs a value/,
    },
    {
      why: 'items not a whole number',
      argv: ['--model', 'm', '--items', '2.5'],
      error: /--items must be a whole number/,
    },
    { why: 'too many items', argv: ['--model', 'm', '--items', '500'], error: /from 1 to 60/ },
    { why: 'an unknown option', argv: ['--model', 'm', '--speedy'], error: /Unknown option "--speedy"/ },
  ])('refuses $why, naming the problem', ({ argv, error }) => {
    const parsed = parseSmokeArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('hardwareAdapterProblem', () => {
  it.each([
    {
      why: 'no WebGPU',
      adapter: { webgpu: false, reason: 'navigator.gpu is missing' },
      problem: /No WebGPU adapter: navigator.gpu/,
    },
    {
      why: 'SwiftShader (what Chromium gives without a GPU)',
      adapter: {
        webgpu: true,
        vendor: 'google',
        architecture: 'swiftshader',
        description: '',
        isFallbackAdapter: true,
      },
      problem: /SwiftShader, a software renderer/,
    },
    {
      why: 'a fallback adapter by any other name',
      adapter: { webgpu: true, vendor: 'acme', architecture: 'cpu', isFallbackAdapter: true },
      problem: /fallback \(software\) adapter/,
    },
    {
      why: 'a hardware GPU',
      adapter: {
        webgpu: true,
        vendor: 'nvidia',
        architecture: 'hopper',
        description: 'NVIDIA H200',
        isFallbackAdapter: false,
      },
      problem: null,
    },
  ])('$why', ({ adapter, problem }) => {
    const found = hardwareAdapterProblem(adapter);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});

describe('the figures table', () => {
  const smokeRun = run({ skipped: [] }, { modelIds: ['m1'], conditions: [closedBook(), toolCondition()] });
  const usage = (ttft: number, prefill: number, decode: number) => ({
    promptTokens: 50,
    completionTokens: 5,
    timeToFirstTokenMs: ttft,
    prefillTokensPerSecond: prefill,
    decodeTokensPerSecond: decode,
    totalMs: 400,
  });
  const results = [
    result('m1', 'closed-book', 'q1', 'correct', { usage: usage(100, 500, 20) }),
    result('m1', 'closed-book', 'q2', 'incorrect', { usage: usage(300, 700, 40) }),
    result('m1', 'tool:ok', 'q1', 'correct', {
      usage: usage(200, 600, 30),
      retrieval: { kind: 'tool', toolMode: 'structural-tag', toolCalled: true, calls: [] },
    }),
    result('m1', 'tool:ok', 'q2', undefined, {
      error: { code: 'unknown', message: 'The engine failed: boom' },
      usage: usage(0, 0, 0),
    }),
  ];

  it('counts verdicts, errors and tool calls, with median speeds of the answered cells', () => {
    const figures = conditionFigures(smokeRun, results);
    expect(figures.map((f) => f.conditionId)).toEqual(['closed-book', 'tool:ok']);
    expect(figures[0]).toMatchObject({
      cells: 2,
      correct: 1,
      incorrect: 1,
      errors: 0,
      ttftMs: 200,
      decodeTokensPerSecond: 30,
      toolCallRate: null,
    });
    expect(figures[1]).toMatchObject({ cells: 2, errors: 1, ttftMs: 200, toolCallRate: 1 });
    const table = formatTable(figures);
    expect(table.split('\n')[0]).toMatch(/^condition\s+cells\s+correct/);
    expect(table).toContain('100%');
  });

  it('lists every error with its code', () => {
    expect(errorLines(smokeRun, results)).toEqual(['tool:ok q2: unknown: The engine failed: boom']);
  });
});
