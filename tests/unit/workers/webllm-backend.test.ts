/**
 * The web-llm backend against a fake of web-llm's MLCEngine at its API
 * boundary: what the backend asks of the engine, and what it makes of the
 * engine's answers. The catalog side uses the real prebuiltAppConfig.
 */
import { functionCallingModelIds, prebuiltAppConfig } from '@mlc-ai/web-llm';
import type {
  AppConfig,
  ChatCompletionChunk,
  ChatCompletionRequestStreaming,
  InitProgressReport,
} from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import type { LoadProgress } from '../../../workers/api';
import { createWebLlmBackend, type MlcEngineLike, type WebLlmDeps } from '../../../workers/webllm-backend';

const MODEL = 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';

function chunk(
  content: string | null,
  extra: Partial<ChatCompletionChunk> = {},
  finish: string | null = null,
): ChatCompletionChunk {
  return {
    id: 'c',
    created: 0,
    model: MODEL,
    object: 'chat.completion.chunk',
    choices:
      content === null && finish === null
        ? []
        : [{ index: 0, delta: { content: content ?? '' }, finish_reason: finish as 'stop' | null }],
    ...extra,
  };
}

const USAGE_CHUNK = chunk(null, {
  usage: {
    prompt_tokens: 30,
    completion_tokens: 3,
    total_tokens: 33,
    extra: {
      e2e_latency_s: 0.5,
      prefill_tokens_per_s: 300,
      decode_tokens_per_s: 20,
      time_to_first_token_s: 0.1,
      time_per_output_token_s: 0.05,
    },
  },
});

/** Records every call; behaviour per test through the hooks. */
class FakeEngine implements MlcEngineLike {
  calls: string[] = [];
  reloads: string[] = [];
  requests: ChatCompletionRequestStreaming[] = [];
  appConfig: AppConfig | undefined;
  reloadHook: (modelId: string) => Promise<void> = async () => {
    this.progress({
      progress: 0.5,
      timeElapsed: 1,
      text: 'Fetching param cache[1/2]: 10MB fetched. 50% completed, 1 secs elapsed.',
    });
    this.progress({ progress: 1, timeElapsed: 2, text: 'Finish loading on WebGPU - fake' });
  };
  chunks: () => AsyncGenerator<ChatCompletionChunk> = async function* () {
    yield chunk('Par');
    yield chunk('is.');
    yield chunk('', {}, 'stop');
    yield USAGE_CHUNK;
  };

  constructor(readonly progress: (report: InitProgressReport) => void) {}

  async reload(modelId: string) {
    this.calls.push('reload');
    this.reloads.push(modelId);
    await this.reloadHook(modelId);
  }
  async unload() {
    this.calls.push('unload');
  }
  async resetChat() {
    this.calls.push('resetChat');
  }
  interruptGenerate() {
    this.calls.push('interruptGenerate');
  }
  setAppConfig(appConfig: AppConfig) {
    this.appConfig = appConfig;
  }
  chat = {
    completions: {
      create: async (request: ChatCompletionRequestStreaming) => {
        this.calls.push('create');
        this.requests.push(request);
        return this.chunks();
      },
    },
  };
}

function setup(overrides: Partial<WebLlmDeps> = {}) {
  let engine: FakeEngine | undefined;
  const deleted: string[] = [];
  const deps: WebLlmDeps = {
    createEngine: (config) => (engine = new FakeEngine(config.initProgressCallback)),
    prebuiltAppConfig,
    functionCallingModelIds,
    hasModelInCache: async (id) => id === MODEL,
    deleteModelAllInfoInCache: async (id) => {
      deleted.push(id);
    },
    version: '0.2.86',
    now: () => performance.now(),
    ...overrides,
  };
  const backend = createWebLlmBackend(deps);
  const fake = () => {
    if (!engine) throw new Error('engine not created yet');
    return engine;
  };
  return { backend, fake, deleted };
}

async function loaded() {
  const context = setup();
  const progress: LoadProgress[] = [];
  await context.backend.load(MODEL, (p) => progress.push(p));
  return { ...context, progress };
}

const ASK = {
  messages: [{ role: 'user' as const, content: 'Capital of France?' }],
  temperature: 0.2,
  topP: 0.9,
  maxTokens: 32,
  seed: 42,
};

describe('web-llm backend: load', () => {
  it('reloads with the model id and wires the progress callback', async () => {
    const { fake, progress, backend } = await loaded();
    expect(fake().reloads).toEqual([MODEL]);
    expect(progress.map((p) => p.phase)).toEqual(['download', 'ready']);
    expect(progress.at(-1)?.fraction).toBe(1);
    expect(progress[0]).toMatchObject({ shard: 1, shards: 2 });
    expect(await backend.loadedModel()).toBe(MODEL);
  });

  it('rejects an id the catalog does not have, before touching the engine', async () => {
    const { backend } = setup();
    await expect(backend.load('nope-MLC', () => undefined)).rejects.toMatchObject({
      code: 'model-not-found',
    });
  });

  it('hands custom models to web-llm through the app config', async () => {
    const { backend, fake } = setup();
    const custom = {
      id: 'mine-q4f32_1-MLC',
      modelUrl: 'https://huggingface.co/me/mine-q4f32_1-MLC',
      modelLibUrl: 'https://x/mine.wasm',
    };
    await backend.load(custom.id, () => undefined, custom);
    expect(fake().appConfig?.model_list.at(-1)).toMatchObject({
      model_id: custom.id,
      model: custom.modelUrl,
      model_lib: custom.modelLibUrl,
    });
  });

  it('cancels by unloading, and rejects with load-cancelled', async () => {
    const { backend, fake } = await loaded();
    const engine = fake();
    let started: () => void = () => undefined;
    const begun = new Promise<void>((resolve) => (started = resolve));
    engine.reloadHook = () =>
      new Promise((_, reject) => {
        // web-llm's unload() aborts the reload under way
        engine.unload = async () => {
          engine.calls.push('unload');
          reject(new Error('Engine.unload() is called.'));
        };
        started();
      });
    const loading = backend.load(MODEL, () => undefined);
    await begun;
    await backend.cancelLoad();
    await expect(loading).rejects.toMatchObject({ code: 'load-cancelled' });
    expect(engine.calls.at(-1)).toBe('unload');
    expect(await backend.loadedModel()).toBeNull();
  });

  it('maps web-llm load failures by name', async () => {
    const { backend, fake } = setup();
    const first = backend.load(MODEL, () => undefined);
    await first;
    fake().reloadHook = async () => {
      const error = new Error('needs f16');
      error.name = 'ShaderF16SupportError';
      throw error;
    };
    await expect(backend.load(MODEL, () => undefined)).rejects.toMatchObject({
      code: 'shader-f16-unsupported',
    });
  });
});

describe('web-llm backend: generate', () => {
  it('starts a fresh conversation and streams with usage, passing settings through', async () => {
    const { backend, fake } = await loaded();
    const tokens: string[] = [];
    const result = await backend.generate(ASK, (t) => tokens.push(t));
    const engine = fake();
    expect(engine.calls.slice(-2)).toEqual(['resetChat', 'create']);
    expect(engine.requests[0]).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 32,
      seed: 42,
    });
    expect(tokens).toEqual(['Par', 'is.']);
    expect(result).toEqual({
      text: 'Paris.',
      finishReason: 'stop',
      usage: {
        promptTokens: 30,
        completionTokens: 3,
        timeToFirstTokenMs: 100,
        prefillTokensPerSecond: 300,
        decodeTokensPerSecond: 20,
        totalMs: 500,
      },
    });
  });

  it('calls interruptGenerate on interrupt and reports abort', async () => {
    const { backend, fake } = await loaded();
    const engine = fake();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    engine.chunks = async function* () {
      yield chunk('Once');
      await gate;
      yield chunk('', {}, 'abort');
      yield USAGE_CHUNK;
    };
    const answer = backend.generate(ASK, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await backend.interrupt();
    release();
    expect(engine.calls).toContain('interruptGenerate');
    expect((await answer).finishReason).toBe('abort');
  });

  it('collects native tool calls streamed in deltas', async () => {
    const { backend, fake } = setup();
    await backend.load('Hermes-2-Pro-Mistral-7B-q4f16_1-MLC', () => undefined);
    fake().chunks = async function* () {
      yield {
        ...chunk(null),
        choices: [
          {
            index: 0,
            finish_reason: null,
            delta: {
              tool_calls: [{ index: 0, id: 'call_a', function: { name: 'search', arguments: '{"query":' } }],
            },
          },
        ],
      };
      yield {
        ...chunk(null),
        choices: [
          {
            index: 0,
            finish_reason: 'tool_calls',
            delta: { tool_calls: [{ index: 0, function: { arguments: '"x"}' } }] },
          },
        ],
      };
      yield USAGE_CHUNK;
    };
    const result = await backend.generate(
      { ...ASK, tools: [{ name: 'search', description: 'search', parameters: {} }] },
      () => undefined,
    );
    expect(fake().requests[0]?.tools?.[0]?.function.name).toBe('search');
    expect(result.finishReason).toBe('tool_calls');
    expect(result.toolCalls).toEqual([{ id: 'call_a', name: 'search', arguments: '{"query":"x"}' }]);
  });

  it('after a lost device, reloads the same model, rejects with device-lost, and the next prompt works', async () => {
    const { backend, fake } = await loaded();
    const engine = fake();
    const normal = engine.chunks;
    engine.chunks = async function* () {
      yield chunk('Pa');
      const lost = new Error('The WebGPU device was lost');
      lost.name = 'DeviceLostError';
      throw lost;
    };
    const failure = await backend.generate(ASK, () => undefined).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'device-lost' });
    expect((failure as AppError).action).toMatch(/smaller model or a -1k variant/);
    expect(engine.reloads).toEqual([MODEL, MODEL]);
    expect(engine.calls.slice(-2)).toEqual(['unload', 'reload']);
    engine.chunks = normal;
    expect((await backend.generate(ASK, () => undefined)).text).toBe('Paris.');
  });

  it('rejects generate before any load with model-not-loaded', async () => {
    const { backend } = setup();
    await expect(backend.generate(ASK, () => undefined)).rejects.toMatchObject({ code: 'model-not-loaded' });
  });
});

describe('web-llm backend: catalog and cache', () => {
  it('lists the prebuilt models with what is cached', async () => {
    const { backend } = setup();
    const { models, cachedIds } = await backend.catalog([]);
    expect(models.length).toBe(prebuiltAppConfig.model_list.length);
    expect(cachedIds).toEqual([MODEL]);
    expect(await backend.listCached([])).toEqual([{ id: MODEL }]);
  });

  it('deletes a cached model through web-llm, unloading it first when loaded', async () => {
    const { backend, fake, deleted } = await loaded();
    await backend.deleteCached(MODEL, []);
    expect(deleted).toEqual([MODEL]);
    expect(fake().calls.at(-1)).toBe('unload');
    expect(await backend.loadedModel()).toBeNull();
  });

  it('labels itself with the web-llm version', () => {
    expect(setup().backend.info).toEqual({
      kind: 'webllm',
      label: 'web-llm 0.2.86',
      webllmVersion: '0.2.86',
    });
  });
});
