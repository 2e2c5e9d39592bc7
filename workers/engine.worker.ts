/**
 * The engine worker: exposes `EngineApi` with comlink. web-llm is imported
 * only when the real engine is chosen, so a page on the simulated engine (or
 * without WebGPU) never loads it.
 */
import * as Comlink from 'comlink';
import { readAdapterFacts } from './adapter-facts';
import type { EngineApi } from './api';
import { createEngineApi } from './engine-api';

const api: EngineApi = createEngineApi({
  readAdapter: () => readAdapterFacts(navigator.gpu),
  async loadBackend(init, adapter) {
    if (init.kind === 'webllm') {
      const { createWebLlmBackend } = await import('./webllm-backend');
      return createWebLlmBackend();
    }
    const { createSimulatedBackend } = await import('./simulated-backend');
    return createSimulatedBackend({
      tokensPerSecond: init.tokensPerSecond,
      downloadMs: init.downloadMs,
      failures: init.failures,
      adapter,
    });
  },
});

Comlink.expose(api);
