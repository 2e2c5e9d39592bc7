/**
 * The worker's speed-lab surface: `generateDirect` times the backend inside
 * the worker, `probeBandwidth` streams progress and fails with a code where
 * there is no WebGPU, and `ignoreEos` reaches web-llm as `ignore_eos`.
 */
import { describe, expect, it } from 'vitest';
import { fromWire } from '../../../src/core/errors';
import type { BandwidthProbe, ProbeProgress } from '../../../workers/api';
import { runBandwidthProbe } from '../../../workers/bandwidth-probe';
import { createEngineApi } from '../../../workers/engine-api';
import { createSimulatedBackend } from '../../../workers/simulated-backend';
import { buildCompletionRequest } from '../../../workers/webllm-request';

/** The code a call rejects with, rebuilt from the wire as the page does. */
const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => null,
    (error: unknown) => fromWire(error).code,
  );

const noAdapter = async () => {
  throw new Error('not read');
};

describe('the worker’s speed-lab calls', () => {
  it('generateDirect answers like generate and reports the wall time it measured', async () => {
    let t = 1000;
    const api = createEngineApi({
      readAdapter: noAdapter,
      loadBackend: async () =>
        createSimulatedBackend({
          tokensPerSecond: 100,
          downloadMs: 0,
          clock: { now: () => t, sleep: async (ms) => void (t += ms) },
        }),
      now: () => t,
    });
    await api.init({ kind: 'simulated' });
    await api.load('sim-honest-0.5B-q4f32_1', () => undefined, undefined);
    const request = {
      messages: [{ role: 'user' as const, content: 'Tell me a long story.' }],
      maxTokens: 11,
      ignoreEos: true,
    };
    const direct = await api.generateDirect(request);
    expect(direct.result.usage.completionTokens).toBe(11);
    expect(direct.wallMs).toBe(direct.result.usage.totalMs);
    const streamed = await api.generate(request, () => undefined);
    expect(streamed.text).toBe(direct.result.text);
  });

  it('generateDirect without a model fails with a code, as generate does', async () => {
    const api = createEngineApi({
      readAdapter: noAdapter,
      loadBackend: async () => createSimulatedBackend({ downloadMs: 0 }),
    });
    await api.init({ kind: 'simulated' });
    expect(await codeOf(api.generateDirect({ messages: [] }))).toBe('model-not-loaded');
  });

  it('probeBandwidth streams the probe’s progress and returns its figures', async () => {
    const figures = { bufferBytes: 16 } as BandwidthProbe;
    const api = createEngineApi({
      readAdapter: noAdapter,
      loadBackend: async () => createSimulatedBackend(),
      probeBandwidth: async (onProgress) => {
        onProgress({ phase: 'copy', done: 1, total: 7 });
        return figures;
      },
    });
    const seen: ProbeProgress[] = [];
    expect(await api.probeBandwidth((p) => seen.push(p))).toBe(figures);
    expect(seen).toEqual([{ phase: 'copy', done: 1, total: 7 }]);
  });

  it('a worker without a probe says WebGPU is missing', async () => {
    const api = createEngineApi({
      readAdapter: noAdapter,
      loadBackend: async () => createSimulatedBackend(),
    });
    expect(await codeOf(api.probeBandwidth(() => undefined))).toBe('webgpu-unavailable');
  });

  it.each([
    ['no navigator.gpu', undefined],
    ['no adapter offered', { requestAdapter: async () => null } as unknown as GPU],
  ])('the probe with %s fails with webgpu-unavailable and says what to do', async (_why, gpu) => {
    await expect(runBandwidthProbe(gpu)).rejects.toMatchObject({
      code: 'webgpu-unavailable',
      action: expect.stringMatching(/WebGPU/),
    });
  });

  it('ignoreEos reaches web-llm as ignore_eos, and only when asked', () => {
    const messages = [{ role: 'user' as const, content: 'hi' }];
    expect(
      buildCompletionRequest(
        { messages, maxTokens: 64, ignoreEos: true },
        { nativeTools: false, systemTurn: true },
      ).ignore_eos,
    ).toBe(true);
    expect(
      'ignore_eos' in buildCompletionRequest({ messages }, { nativeTools: false, systemTurn: true }),
    ).toBe(false);
  });
});
