/**
 * The engine worker: exposes `EngineApi` with comlink. Each backend is
 * imported only when chosen (`BACKENDS`), so a page on the simulated engine
 * (or without WebGPU) never loads web-llm.
 */
import * as Comlink from 'comlink';
import { readAdapterFacts } from './adapter-facts';
import type { AdapterFacts, EngineApi, EngineInit, EngineKind } from './api';
import type { EngineBackend } from './backend';
import { createEngineApi } from './engine-api';

/** One entry per engine kind (`src/core/engine/engine-kinds.ts`); the compiler checks none is missing. */
const BACKENDS: Record<
  EngineKind,
  (init: EngineInit, adapter: () => Promise<AdapterFacts>) => Promise<EngineBackend>
> = {
  async webllm() {
    const { createWebLlmBackend } = await import('./webllm-backend');
    return createWebLlmBackend();
  },
  async simulated(init, adapter) {
    const { createSimulatedBackend } = await import('./simulated-backend');
    return createSimulatedBackend({
      tokensPerSecond: init.tokensPerSecond,
      prefillTokensPerSecond: init.prefillTokensPerSecond,
      downloadMs: init.downloadMs,
      failures: init.failures,
      adapter,
    });
  },
};

const api: EngineApi = createEngineApi({
  readAdapter: () => readAdapterFacts(navigator.gpu),
  // Loaded on first use, like the backends: most visits never probe.
  probeBandwidth: async (onProgress) =>
    (await import('./bandwidth-probe')).runBandwidthProbe(navigator.gpu, { onProgress }),
  loadBackend: (init, adapter) => BACKENDS[init.kind](init, adapter),
});

Comlink.expose(api);
