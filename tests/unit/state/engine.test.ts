/**
 * The page's engine state over the simulated backend (no worker): what a
 * person sees after a cancelled or failed load, and that the model in use
 * comes back.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AdapterFacts, EngineApi } from '../../../workers/api';
import { createSimulatedBackend } from '../../../workers/simulated-backend';
import { memoryDownloadCache } from '../../../workers/simulated/download-cache';
import { EngineState } from '../../../src/state/engine.svelte';

const HONEST = 'sim-honest-0.5B-q4f32_1';
const CONFIDENT = 'sim-confident-1B-q4f32_1';

function engineOver(options: Parameters<typeof createSimulatedBackend>[0] = {}): EngineState {
  const backend = createSimulatedBackend({
    tokensPerSecond: 1e6,
    downloadMs: 0,
    downloads: memoryDownloadCache(),
    ...options,
  });
  const client: EngineApi = {
    ...backend,
    init: async () => backend.info,
    capabilities: async () => ({ webgpu: true, shaderF16: true }) as AdapterFacts,
    probeBandwidth: async () => {
      throw new Error('not used by these tests');
    },
    generateDirect: async () => {
      throw new Error('not used by these tests');
    },
  };
  return new EngineState(client);
}

/** Waits for the first progress report: a cancel before the download has begun has nothing to stop. */
async function started(engine: EngineState): Promise<void> {
  await vi.waitFor(() => expect(engine.loading?.progress).toBeTruthy());
}

describe('engine state: loads that do not finish', () => {
  it('says a download was cancelled, and loads the model in use again', async () => {
    const engine = engineOver({ downloadMs: 200 });
    await engine.start({ kind: 'simulated' }, []);
    expect(await engine.load(HONEST, [])).toBe(true);
    const loading = engine.load(CONFIDENT, []);
    // The worker freed the model in use: the page must not still call it loaded.
    expect(engine.loaded).toBeNull();
    await started(engine);
    await engine.cancelLoad();
    expect(await loading).toBe(false);
    expect(engine.error).toBeNull();
    expect(engine.notice).toBe(`Download of ${CONFIDENT} cancelled. ${HONEST} is loaded again.`);
    expect(engine.loaded).toBe(HONEST);
  });

  it('says a cancel plainly when no model was in use', async () => {
    const engine = engineOver({ downloadMs: 200 });
    await engine.start({ kind: 'simulated' }, []);
    const loading = engine.load(CONFIDENT, []);
    await started(engine);
    await engine.cancelLoad();
    expect(await loading).toBe(false);
    expect(engine.notice).toBe(`Download of ${CONFIDENT} cancelled.`);
    expect(engine.loaded).toBeNull();
  });

  it('keeps the failure as the error, and still brings the model in use back', async () => {
    const engine = engineOver({ failures: [{ kind: 'out-of-memory', model: CONFIDENT }] });
    await engine.start({ kind: 'simulated' }, []);
    await engine.load(HONEST, []);
    expect(await engine.load(CONFIDENT, [])).toBe(false);
    expect(engine.error?.code).toBe('out-of-memory');
    expect(engine.notice).toBe(`${CONFIDENT} was not loaded. ${HONEST} is loaded again.`);
    expect(engine.loaded).toBe(HONEST);
  });
});
