/**
 * The page client and the worker shell joined by a real comlink pair over a
 * Node MessageChannel, with the simulated engine behind it: errors cross as
 * codes and come back as AppErrors, callbacks cross as proxies.
 */
import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { createEngineClient, type EngineClient } from '../../../src/engine/client';
import type { LoadProgress } from '../../../workers/api';
import { createEngineApi } from '../../../workers/engine-api';
import { createSimulatedBackend } from '../../../workers/simulated-backend';

const open: EngineClient[] = [];

function connect() {
  const { port1, port2 } = new MessageChannel();
  const api = createEngineApi({
    readAdapter: async () => ({
      webgpu: true,
      vendor: 'google',
      architecture: 'swiftshader',
      device: '',
      description: '',
      isFallbackAdapter: true,
      shaderF16: false,
      maxBufferSize: 2 ** 30,
      maxStorageBufferBindingSize: 2 ** 30,
      features: [],
    }),
    loadBackend: async (init, adapter) =>
      createSimulatedBackend({
        tokensPerSecond: init.tokensPerSecond,
        downloadMs: init.downloadMs,
        failures: init.failures,
        adapter,
      }),
  });
  Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
  const worker = Object.assign(port1, { terminate: () => port1.close() }) as unknown as Worker;
  const client = createEngineClient(worker);
  open.push(client);
  return { client, worker, port2 };
}

afterEach(() => {
  for (const client of open.splice(0)) client.terminate();
});

describe('engine client over comlink', () => {
  it('starts the simulated engine, loads with progress, and streams an answer', async () => {
    const { client } = connect();
    expect(await client.init({ kind: 'simulated', tokensPerSecond: 1e6, downloadMs: 0 })).toEqual({
      kind: 'simulated',
      label: 'Simulated engine',
    });
    expect((await client.capabilities()).architecture).toBe('swiftshader');
    const progress: LoadProgress[] = [];
    await client.load('sim-honest-0.5B-q4f32_1', (p) => progress.push(p));
    expect(progress.at(-1)?.fraction).toBe(1);
    const tokens: string[] = [];
    const result = await client.generate(
      { messages: [{ role: 'user', content: 'What is the capital of France?' }] },
      (t) => tokens.push(t),
    );
    expect(result.text).toBe('Paris.');
    expect(tokens.join('')).toBe('Paris.');
  });

  it.each([
    ['a method before init', (c: EngineClient) => c.catalog([]), 'model-not-loaded'],
    [
      'an unknown model',
      async (c: EngineClient) => {
        await c.init({ kind: 'simulated', downloadMs: 0 });
        return c.load('sim-nope', () => undefined);
      },
      'model-not-found',
    ],
    [
      'the f16-only model on an adapter without shader-f16',
      async (c: EngineClient) => {
        await c.init({ kind: 'simulated', downloadMs: 0 });
        return c.load('sim-f16only-1B-q4f16_1', () => undefined);
      },
      'shader-f16-unsupported',
    ],
    [
      'a device lost mid-answer, injected at init',
      async (c: EngineClient) => {
        await c.init({
          kind: 'simulated',
          downloadMs: 0,
          tokensPerSecond: 1e6,
          failures: [{ kind: 'device-lost', afterTokens: 1 }],
        });
        await c.load('sim-honest-0.5B-q4f32_1', () => undefined);
        return c.generate(
          { messages: [{ role: 'user', content: 'Tell me a long story.' }] },
          () => undefined,
        );
      },
      'device-lost',
    ],
  ] as const)('rejects %s with an AppError carrying its code', async (_reason, act, code) => {
    const { client } = connect();
    const error = await act(client).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code });
    expect((error as AppError).action).toBeTruthy();
  });

  it('rejects calls in flight and later ones with worker-crashed when the worker fails', async () => {
    const { client, worker, port2 } = connect();
    await client.init({ kind: 'simulated', downloadMs: 5_000 });
    const loading = client.load('sim-honest-0.5B-q4f32_1', () => undefined);
    port2.close();
    worker.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' }));
    await expect(loading).rejects.toMatchObject({ code: 'worker-crashed' });
    await expect(client.loadedModel()).rejects.toMatchObject({ code: 'worker-crashed' });
  });
});
