/**
 * A run through the real web-llm backend (behind the worker's own API, wire
 * errors and all) while the GPU device is lost mid-answer, the way web-llm
 * 0.2.86 handles it (see fake-mlc-engine.ts): its `device.lost` handler
 * unloads the model, the answer in flight fails, and the next request meets
 * `ModelNotLoadedError`. The run must go on: the next cell reloads the model
 * and is answered, exactly one cell is stored as an error, and that cell is
 * answered on resume.
 */
import { functionCallingModelIds, prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import type { AdapterFacts } from '../../../src/core/engine/adapter';
import { closedBook } from '../../../src/core/retrieval/conditions';
import { MemoryRunStore } from '../../../src/core/runs/memory-store';
import { RunScheduler } from '../../../src/core/runs/runner';
import { createEngineApi } from '../../../workers/engine-api';
import { createWebLlmBackend } from '../../../workers/webllm-backend';
import { buildConfig, buildRun, echoExecutor, steppingClock } from '../core/runs/fakes';
import { FakeMlcEngine } from './fake-mlc-engine';

const MODEL = 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';

const ADAPTER: AdapterFacts = {
  webgpu: true,
  vendor: 'nvidia',
  architecture: 'ampere',
  device: '',
  description: '',
  isFallbackAdapter: false,
  shaderF16: true,
  maxBufferSize: 2 * 1024 ** 3,
  maxStorageBufferBindingSize: 2 * 1024 ** 3,
  features: ['shader-f16'],
};

async function webllmEngine(configure: (fake: FakeMlcEngine) => void) {
  let fake: FakeMlcEngine | undefined;
  const api = createEngineApi({
    readAdapter: async () => ADAPTER,
    loadBackend: async () =>
      createWebLlmBackend({
        createEngine: (config) => {
          fake = new FakeMlcEngine(config.initProgressCallback);
          configure(fake);
          return fake;
        },
        prebuiltAppConfig,
        functionCallingModelIds,
        hasModelInCache: async () => true,
        deleteModelAllInfoInCache: async () => undefined,
        version: '0.2.86',
        now: () => 0,
      }),
  });
  await api.init({ kind: 'webllm' });
  const engine = () => {
    if (!fake) throw new Error('no engine yet');
    return fake;
  };
  return { api, engine };
}

describe('a run through web-llm when the device is lost mid-answer', () => {
  it('goes on with the next cell, stores exactly one error, and answers that cell on resume', async () => {
    let scheduler: RunScheduler | undefined;
    let lost = false;
    const { api, engine } = await webllmEngine((fake) => {
      fake.beforeToken = async (i) => {
        const answer = fake.requests.length;
        // Answer 2 loses the device after its first piece (web-llm then unloads the model) …
        if (answer === 2 && i === 1 && !lost) {
          lost = true;
          fake.loseDevice();
        }
        // … and while answer 3 streams, the person pauses (letting it finish).
        if (answer === 3 && i === 0) scheduler?.pause({ finishCell: true });
      };
    });
    const store = new MemoryRunStore();
    const run = buildRun({
      itemIds: ['q1', 'q2', 'q3', 'q4'],
      config: buildConfig({ modelIds: [MODEL], conditions: [closedBook()] }),
    });
    const deps = { engine: api, store, executor: echoExecutor, clock: steppingClock() };
    scheduler = new RunScheduler(run, deps);

    const paused = await scheduler.start();
    expect(paused.status).toBe('paused');
    const stored = store.resultsOf(run.id);
    expect(stored.map((r) => [r.itemId, r.error?.code ?? 'answered'])).toEqual([
      ['q1', 'answered'],
      ['q2', 'unknown'],
      ['q3', 'answered'],
    ]);
    expect(stored.find((r) => r.itemId === 'q3')?.rawAnswer).toBe('Paris.');
    // q3 met the dropped model and reloaded it: two loads in all, no model skipped.
    expect(engine().reloads).toEqual([MODEL, MODEL]);
    expect(paused.run.skipped).toEqual([]);

    scheduler = new RunScheduler(paused.run, deps);
    const resumed = await scheduler.start();
    expect(resumed.status).toBe('completed');
    const final = store.resultsOf(run.id);
    expect(final.filter((r) => r.error)).toEqual([]);
    expect(final.map((r) => r.itemId).sort()).toEqual(['q1', 'q2', 'q3', 'q4']);
  });
});
