/**
 * The simulated engine through its backend interface, on real timers at
 * rates high enough to run in milliseconds.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AdapterFacts, LoadProgress, SimulatedFailure } from '../../../workers/api';
import { createSimulatedBackend, SIMULATED_LABEL } from '../../../workers/simulated-backend';
import { memoryDownloadCache, type DownloadCache } from '../../../workers/simulated/download-cache';

const HONEST = 'sim-honest-0.5B-q4f32_1';
const fast = (failures: SimulatedFailure[] = [], adapter?: Partial<AdapterFacts>) =>
  createSimulatedBackend({
    tokensPerSecond: 1e6,
    downloadMs: 0,
    failures,
    adapter: adapter ? async () => ({ shaderF16: false, ...adapter }) as AdapterFacts : undefined,
  });
const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });

describe('simulated backend', () => {
  it('is labelled, and every model is simulated with a sim- id', async () => {
    const backend = fast();
    expect(backend.info).toEqual({ kind: 'simulated', label: SIMULATED_LABEL });
    const { models } = await backend.catalog([]);
    expect(models.length).toBe(5);
    expect(models.every((m) => m.engine === 'simulated' && m.id.startsWith('sim-'))).toBe(true);
  });

  it('downloads with progress reaching 1, by shards and bytes, then caches the model', async () => {
    const backend = fast();
    const progress: LoadProgress[] = [];
    await backend.load(HONEST, (p) => progress.push(p));
    expect(progress.at(-1)).toMatchObject({ fraction: 1, phase: 'ready' });
    expect(progress.some((p) => p.phase === 'download' && p.shard === 8 && p.shards === 8)).toBe(true);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(await backend.listCached([])).toEqual([{ id: HONEST, bytes: 290 * 1024 * 1024 }]);
    const again: LoadProgress[] = [];
    await backend.load(HONEST, (p) => again.push(p));
    expect(again.some((p) => p.phase === 'cache')).toBe(true);
    expect(again.some((p) => p.phase === 'download')).toBe(false);
  });

  it('streams a scripted answer token by token with figures from its own timing', async () => {
    const backend = fast();
    await backend.load(HONEST, () => undefined);
    const tokens: string[] = [];
    const result = await backend.generate(ask('Question: What is the capital of France?'), (t) =>
      tokens.push(t),
    );
    expect(tokens).toEqual(['Paris', '.']);
    expect(result).toMatchObject({ text: 'Paris.', finishReason: 'stop' });
    expect(result.usage.completionTokens).toBe(2);
    // word-ish tokens: Question : What is the capital of France ?
    expect(result.usage.promptTokens).toBe(9);
    expect(result.usage.decodeTokensPerSecond).toBeGreaterThan(0);
  });

  it('answers the same conversation the same way every time', async () => {
    const backend = fast();
    await backend.load('sim-confident-1B-q4f32_1', () => undefined);
    const first = await backend.generate(ask('Question: Who built the Hagia Sophia?'), () => undefined);
    const second = await backend.generate(ask('Question: Who built the Hagia Sophia?'), () => undefined);
    expect(second.text).toBe(first.text);
  });

  it('stops at maxTokens with finish reason length', async () => {
    const backend = fast();
    await backend.load(HONEST, () => undefined);
    const result = await backend.generate({ ...ask('Tell me a long story.'), maxTokens: 3 }, () => undefined);
    expect(result).toMatchObject({ text: 'Once upon a', finishReason: 'length' });
  });

  it('notices an interrupt during a long prefill at once, not when the prompt has been read', async () => {
    let now = 0;
    const slept: number[] = [];
    const backend = createSimulatedBackend({
      tokensPerSecond: 10,
      prefillTokensPerSecond: 1,
      downloadMs: 0,
      downloads: memoryDownloadCache(),
      clock: {
        now: () => now,
        sleep: async (ms) => {
          slept.push(ms);
          now += ms;
          if (slept.length === 1) await backend.interrupt();
        },
      },
    });
    await backend.load(HONEST, () => undefined);
    slept.length = 0;
    const result = await backend.generate(
      ask('What is the capital of France, please tell me?'),
      () => undefined,
    );
    expect(result.finishReason).toBe('abort');
    // Ten prompt tokens at 1 tok/s would be a 10 s prefill; the interrupt came after the first slice.
    expect(slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(50);
  });

  it('stops on interrupt with finish reason abort', async () => {
    const backend = createSimulatedBackend({ tokensPerSecond: 200, downloadMs: 0 });
    await backend.load(HONEST, () => undefined);
    const tokens: string[] = [];
    const answer = backend.generate(ask('Tell me a long story.'), (t) => {
      tokens.push(t);
      if (tokens.length === 2) void backend.interrupt();
    });
    const result = await answer;
    expect(result.finishReason).toBe('abort');
    expect(result.text).toBe('Once upon');
  });

  it('loses the device mid-answer once, recovers, and answers the next prompt', async () => {
    const backend = fast();
    await backend.load(HONEST, () => undefined);
    const tokens: string[] = [];
    await expect(
      backend.generate(ask('Simulate a device loss.'), (t) => tokens.push(t)),
    ).rejects.toMatchObject({
      code: 'device-lost',
    });
    expect(tokens).toHaveLength(4);
    expect(await backend.loadedModel()).toBe(HONEST);
    expect(
      (await backend.generate(ask('Question: What is the capital of France?'), () => undefined)).text,
    ).toBe('Paris.');
    expect((await backend.generate(ask('Simulate a device loss.'), () => undefined)).finishReason).toBe(
      'stop',
    );
  });

  it.each([
    [
      'the flaky model runs out of memory on its first load only (scenario)',
      [],
      'sim-flaky-0.5B-q4f32_1',
      'out-of-memory',
    ],
    [
      'an injected load error fails the download',
      [{ kind: 'load-error' as const, model: HONEST, times: 1 }],
      HONEST,
      'download-failed',
    ],
    [
      'an injected out-of-memory for every model',
      [{ kind: 'out-of-memory' as const, times: 1 }],
      HONEST,
      'out-of-memory',
    ],
  ])('%s', async (_reason, failures, modelId, code) => {
    const backend = fast(failures);
    await expect(backend.load(modelId, () => undefined)).rejects.toMatchObject({ code });
    expect(await backend.loadedModel()).toBeNull();
    await backend.load(modelId, () => undefined);
    expect(await backend.loadedModel()).toBe(modelId);
  });

  it('injects a device loss from options after the given token count', async () => {
    const backend = fast([{ kind: 'device-lost', afterTokens: 1, times: 1 }]);
    await backend.load(HONEST, () => undefined);
    const tokens: string[] = [];
    await expect(backend.generate(ask('Tell me a long story.'), (t) => tokens.push(t))).rejects.toMatchObject(
      { code: 'device-lost' },
    );
    expect(tokens).toEqual(['Once']);
  });

  it('refuses the f16-only model on an adapter without shader-f16', async () => {
    const backend = fast([], { webgpu: true, shaderF16: false });
    await expect(backend.load('sim-f16only-1B-q4f16_1', () => undefined)).rejects.toMatchObject({
      code: 'shader-f16-unsupported',
    });
    const withF16 = fast([], { webgpu: true, shaderF16: true });
    await withF16.load('sim-f16only-1B-q4f16_1', () => undefined);
  });

  it('loads the f16-only model without WebGPU: there is no adapter limit to mimic', async () => {
    const backend = fast([], { webgpu: false, shaderF16: false });
    await backend.load('sim-f16only-1B-q4f16_1', () => undefined);
    expect(await backend.loadedModel()).toBe('sim-f16only-1B-q4f16_1');
  });

  it('rejects a cancelled load with load-cancelled', async () => {
    const backend = createSimulatedBackend({ tokensPerSecond: 1e6, downloadMs: 200 });
    const loading = backend.load(HONEST, (p) => {
      if (p.shard === 2) void backend.cancelLoad();
    });
    await expect(loading).rejects.toMatchObject({ code: 'load-cancelled' });
    expect(await backend.listCached([])).toEqual([]);
  });

  it('forgets a deleted model and unloads it', async () => {
    const backend = fast();
    await backend.load(HONEST, () => undefined);
    await backend.deleteCached(HONEST, []);
    expect(await backend.listCached([])).toEqual([]);
    expect(await backend.loadedModel()).toBeNull();
  });

  it('rejects unknown models and generating before loading', async () => {
    const backend = fast();
    await expect(backend.load('Qwen2.5-0.5B-Instruct-q4f32_1-MLC', () => undefined)).rejects.toMatchObject({
      code: 'model-not-found',
    });
    await expect(backend.generate(ask('hi'), () => undefined)).rejects.toMatchObject({
      code: 'model-not-loaded',
    });
  });
});

describe('simulated downloads across reloads', () => {
  // Each backend stands for one page load; the store is what the Cache API keeps between them.
  const page = (downloads: DownloadCache) =>
    createSimulatedBackend({ tokensPerSecond: 1e6, downloadMs: 0, downloads });

  it('finds a model downloaded before the reload, and loads it from the cache', async () => {
    const downloads = memoryDownloadCache();
    await page(downloads).load(HONEST, () => undefined);
    const reloaded = page(downloads);
    expect((await reloaded.catalog([])).cachedIds).toEqual([HONEST]);
    expect(await reloaded.listCached([])).toEqual([{ id: HONEST, bytes: 290 * 1024 * 1024 }]);
    const progress: LoadProgress[] = [];
    await reloaded.load(HONEST, (p) => progress.push(p));
    expect(progress.some((p) => p.phase === 'download')).toBe(false);
    expect(progress.some((p) => p.phase === 'cache')).toBe(true);
  });

  it('forgets a deleted model after the reload too', async () => {
    const downloads = memoryDownloadCache();
    const first = page(downloads);
    await first.load(HONEST, () => undefined);
    await first.deleteCached(HONEST, []);
    expect(await page(downloads).listCached([])).toEqual([]);
  });

  it('keeps nothing of a download cancelled part-way', async () => {
    const downloads = memoryDownloadCache();
    const backend = createSimulatedBackend({ tokensPerSecond: 1e6, downloadMs: 80, downloads });
    const loading = backend.load(HONEST, () => void backend.cancelLoad());
    await expect(loading).rejects.toMatchObject({ code: 'load-cancelled' });
    expect(await downloads.list()).toEqual(new Map());
  });

  it('still works, forgetting across reloads, when the store refuses to be read or written', async () => {
    const refusing: DownloadCache = {
      list: () => Promise.reject(new Error('SecurityError')),
      put: () => Promise.reject(new Error('QuotaExceededError')),
      delete: () => Promise.reject(new Error('SecurityError')),
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const backend = page(refusing);
      await backend.load(HONEST, () => undefined);
      expect(await backend.loadedModel()).toBe(HONEST);
      expect((await backend.catalog([])).cachedIds).toEqual([HONEST]);
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });
});
