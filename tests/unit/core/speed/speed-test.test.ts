/**
 * The speed-test driver against the real simulated engine behind the real
 * worker shell (`createEngineApi`), on a virtual clock: the engine's pace is
 * known exactly, so the measured figures must equal it. And against a fake
 * engine, for the steps themselves (requests, order, stopping).
 */
import { describe, expect, it } from 'vitest';
import type { GenerateRequest, GenerateResult } from '../../../../src/core/engine/contract';
import type { ModelRecord } from '../../../../src/core/engine/model-record';
import { CONTEXT_MARGIN } from '../../../../src/core/speed/input-lengths';
import {
  runSpeedTest,
  type SpeedEngine,
  type SpeedTestProgress,
} from '../../../../src/core/speed/speed-test';
import { createEngineApi } from '../../../../workers/engine-api';
import { createSimulatedBackend } from '../../../../workers/simulated-backend';
import { DEFAULT_SCENARIO, toModelRecord } from '../../../../workers/simulated/scenario';
import type { SimClock } from '../../../../workers/simulated/timing';

/** Time moves only when someone sleeps. */
function virtualClock(): SimClock {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
  };
}

function simModel(id: string): ModelRecord {
  const model = DEFAULT_SCENARIO.models.find((m) => m.id === id);
  if (!model) throw new Error(`no ${id}`);
  return toModelRecord(model);
}

async function simulatedEngine(options: { tokensPerSecond: number; prefillTokensPerSecond: number }) {
  const clock = virtualClock();
  const api = createEngineApi({
    readAdapter: async () => {
      throw new Error('not read');
    },
    loadBackend: async () => createSimulatedBackend({ ...options, downloadMs: 0, clock }),
    now: clock.now,
  });
  await api.init({ kind: 'simulated' });
  return { api, clock };
}

describe('the speed test on the simulated engine (virtual clock)', () => {
  it('measures the configured prefill and decode rates, a fixed output, the ceiling and a runner ratio of 1', async () => {
    const { api, clock } = await simulatedEngine({ tokensPerSecond: 80, prefillTokensPerSecond: 2000 });
    const model = simModel('sim-honest-0.5B-q4f32_1');
    await api.load(model.id, () => undefined, undefined);
    const progress: SpeedTestProgress[] = [];
    const tokens: string[] = [];
    const result = await runSpeedTest(api, {
      model,
      inputLengths: [128, 512, 2048],
      outputTokens: 32,
      repetitions: 3,
      overheadPairs: 2,
      bandwidth: { gbPerSecond: 30.4, probeId: 'probe-1', measuredAt: 5 },
      clock: clock.now,
      onProgress: (p) => progress.push(p),
      onToken: (t) => tokens.push(t),
    });
    expect(result.rows.map((r) => [r.targetTokens, r.promptTokens, r.completionTokens])).toEqual([
      [128, 128, 32],
      [512, 512, 32],
      [2048, 2048, 32],
    ]);
    for (const row of result.rows) {
      expect(row.decodeTokensPerSecond.median).toBeCloseTo(80, 6);
      expect(row.prefillTokensPerSecond.median).toBeCloseTo(2000, 6);
      expect(row.timeToFirstTokenMs.median).toBe(Math.round((row.promptTokens / 2000) * 1000));
      expect(row.decodeTokensPerSecond.samples).toHaveLength(3);
    }
    expect(result.fixedLength).toBe(true);
    // 290 MiB of simulated weights at 30.4 GB/s.
    const ceiling = 30.4e9 / (290 * 1024 * 1024);
    expect(result.ceiling?.tokensPerSecond).toBeCloseTo(ceiling, 6);
    expect(result.ceiling?.weights.source).toMatch(/simulated/);
    expect(result.rows[0]?.percentOfCeiling).toBeCloseTo((80 / ceiling) * 100, 6);
    expect(result.overhead?.ratio.median).toBeCloseTo(1, 9);
    expect(result.overhead?.pairs).toBe(2);
    expect(tokens.length).toBe(2 * 32);
    expect(progress.map((p) => p.step)).toEqual(progress.map((_, i) => i + 1));
    expect(progress.at(-1)?.step).toBe(progress.at(-1)?.steps);
  });

  it('caps the longest input at the model’s context window (1,024 tokens)', async () => {
    const { api, clock } = await simulatedEngine({ tokensPerSecond: 50, prefillTokensPerSecond: 500 });
    const model = simModel('sim-flaky-0.5B-q4f32_1');
    // The flaky model fails its first load by scenario; the second one works.
    await api.load(model.id, () => undefined, undefined).catch(() => undefined);
    if ((await api.loadedModel()) !== model.id) await api.load(model.id, () => undefined, undefined);
    const result = await runSpeedTest(api, {
      model,
      outputTokens: 64,
      repetitions: 1,
      overheadPairs: 0,
      clock: clock.now,
    });
    expect(result.rows.map((r) => [r.targetTokens, r.capped])).toEqual([
      [128, false],
      [512, false],
      [1024 - 64 - CONTEXT_MARGIN, true],
    ]);
    expect(result.overhead).toBeUndefined();
    expect(result.ceiling).toBeUndefined();
    expect(result.weights?.bytes).toBe(290 * 1024 * 1024);
  });
});

/** A fake engine with fixed figures that records what it was asked. */
function fakeEngine(options: { completion?: (r: GenerateRequest) => number; abortAt?: number } = {}) {
  const calls: { path: 'runner' | 'direct'; request: GenerateRequest }[] = [];
  const answer = (request: GenerateRequest): GenerateResult => {
    const words = (request.messages[0]?.content.split(' ').length ?? 0) - 5;
    return {
      text: 'x',
      finishReason: calls.length === options.abortAt ? 'abort' : 'length',
      usage: {
        promptTokens: 10 + words,
        completionTokens: options.completion?.(request) ?? request.maxTokens ?? 0,
        timeToFirstTokenMs: 100,
        prefillTokensPerSecond: 1000,
        decodeTokensPerSecond: 40 + calls.length,
        totalMs: 500,
      },
    };
  };
  const engine: SpeedEngine = {
    async generate(request) {
      calls.push({ path: 'runner', request });
      return answer(request);
    },
    async generateDirect(request) {
      calls.push({ path: 'direct', request });
      return { result: answer(request), wallMs: 500 };
    },
  };
  return { engine, calls };
}

const fakeModel = (overrides: Partial<ModelRecord['capabilities']> = {}): ModelRecord => ({
  id: 'fake-1B-q4f16_1',
  engine: 'webllm',
  type: 'llm',
  contextWindow: 4096,
  custom: false,
  capabilities: {
    thinking: 'none',
    nativeTools: false,
    constrainedToolCalls: false,
    stopSequences: true,
    fixedLength: true,
    ...overrides,
  },
});

describe('the speed-test driver', () => {
  it('calibrates, warms up, measures each length, then alternates direct-first and runner-first pairs', async () => {
    const { engine, calls } = fakeEngine();
    let t = 0;
    await runSpeedTest(engine, {
      model: fakeModel(),
      inputLengths: [128, 512],
      outputTokens: 16,
      repetitions: 2,
      overheadPairs: 2,
      clock: () => (t += 250),
    });
    const maxTokens = calls.map((c) => c.request.maxTokens);
    expect(maxTokens).toEqual([1, 1, 16, 16, 16, 16, 16, 16, 16, 16, 16]);
    expect(calls.slice(-4).map((c) => c.path)).toEqual(['direct', 'runner', 'runner', 'direct']);
    expect(calls.slice(0, -4).every((c) => c.path === 'direct')).toBe(true);
    // Calibration (10 tokens of template, one per word) lands the prompts on their targets.
    const words = (r: GenerateRequest) => (r.messages[0]?.content.split(' ').length ?? 0) - 5;
    expect(calls.slice(3, 7).map((c) => 10 + words(c.request))).toEqual([128, 128, 512, 512]);
    expect(calls.slice(2).every((c) => c.request.ignoreEos === true && c.request.temperature === 0)).toBe(
      true,
    );
    expect(calls.every((c) => c.request.thinking === undefined)).toBe(true);
  });

  it('an engine that cannot hold a fixed length is asked plainly, and the record says so', async () => {
    const { engine, calls } = fakeEngine({ completion: () => 5 });
    const result = await runSpeedTest(engine, {
      model: fakeModel({ fixedLength: false, thinking: 'switch' }),
      inputLengths: [128],
      repetitions: 1,
      overheadPairs: 0,
      clock: () => 0,
    });
    expect(calls.every((c) => c.request.ignoreEos === undefined && c.request.thinking === false)).toBe(true);
    expect(result.fixedLength).toBe(false);
    expect(result.rows[0]?.completionTokens).toBe(5);
  });

  it('the runner ratio is runner speed over direct speed, per pair, from wall times', async () => {
    const { engine } = fakeEngine();
    let t = 0;
    // Each runner call takes 520 ms on the page's clock; direct ones 500 ms in the worker.
    const clock = () => t;
    const runnerEngine: SpeedEngine = {
      generateDirect: engine.generateDirect,
      async generate(request, onToken) {
        t += 520;
        return engine.generate(request, onToken);
      },
    };
    const result = await runSpeedTest(runnerEngine, {
      model: fakeModel(),
      inputLengths: [128],
      outputTokens: 64,
      repetitions: 1,
      overheadPairs: 3,
      clock,
    });
    expect(result.overhead?.directTokensPerSecond.median).toBeCloseTo(64 / 0.5);
    expect(result.overhead?.runnerTokensPerSecond.median).toBeCloseTo(64 / 0.52);
    expect(result.overhead?.ratio.median).toBeCloseTo(500 / 520);
  });

  it('stops between generations when asked, and on an aborted answer', async () => {
    const { engine } = fakeEngine();
    let checks = 0;
    await expect(
      runSpeedTest(engine, { model: fakeModel(), clock: () => 0, stopped: () => ++checks > 3 }),
    ).rejects.toMatchObject({ code: 'generation-interrupted' });
    const aborting = fakeEngine({ abortAt: 4 });
    await expect(runSpeedTest(aborting.engine, { model: fakeModel(), clock: () => 0 })).rejects.toMatchObject(
      {
        code: 'generation-interrupted',
      },
    );
  });

  it('a context window with no room for prompt and output is refused before any generation', async () => {
    const { engine, calls } = fakeEngine();
    await expect(
      runSpeedTest(engine, {
        model: { ...fakeModel(), contextWindow: 64 },
        outputTokens: 64,
        clock: () => 0,
      }),
    ).rejects.toMatchObject({ code: 'context-window-exceeded' });
    expect(calls).toEqual([]);
  });
});
