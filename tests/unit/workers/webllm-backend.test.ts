/**
 * The web-llm backend against `FakeMlcEngine`, a fake of web-llm 0.2.86's
 * MLCEngine written from its source (see fake-mlc-engine.ts for the lines
 * each behaviour mirrors): what the backend asks of the engine, and what it
 * makes of what the engine really sends. The catalog side uses the real
 * prebuiltAppConfig.
 */
import { functionCallingModelIds, prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { searchToolCallConstraint, SEARCH_TOOL_SPEC } from '../../../src/core/retrieval/tool-protocol';
import type { GenerateRequest, LoadProgress } from '../../../workers/api';
import { createWebLlmBackend, type WebLlmDeps } from '../../../workers/webllm-backend';
import { FakeMlcEngine } from './fake-mlc-engine';

const MODEL = 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';
const QWEN3 = 'Qwen3-0.6B-q4f32_1-MLC';
const HERMES = 'Hermes-2-Pro-Mistral-7B-q4f16_1-MLC';
const GEMMA = 'gemma-2-2b-it-q4f32_1-MLC';

function setup(overrides: Partial<WebLlmDeps> = {}) {
  let engine: FakeMlcEngine | undefined;
  const deleted: string[] = [];
  const deps: WebLlmDeps = {
    createEngine: (config) => (engine = new FakeMlcEngine(config.initProgressCallback)),
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

async function loaded(modelId = MODEL) {
  const context = setup();
  const progress: LoadProgress[] = [];
  await context.backend.load(modelId, (p) => progress.push(p));
  return { ...context, progress, engine: context.fake() };
}

const ASK: GenerateRequest = {
  messages: [{ role: 'user', content: 'Capital of France?' }],
  temperature: 0.2,
  topP: 0.9,
  maxTokens: 32,
  seed: 42,
};

/** A Hermes-style JSON array of calls, as the model samples it (several pieces). */
const CALLS_JSON = ['[{"name": "se', 'arch", "argu', 'ments": {"query": "capital of France"}}]'];

describe('web-llm backend: load', () => {
  it('reloads with the model id and wires the progress callback', async () => {
    const { engine, progress, backend } = await loaded();
    expect(engine.reloads).toEqual([MODEL]);
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

  it('cancels by unloading: web-llm resolves the aborted reload, the backend rejects with load-cancelled', async () => {
    const { backend, engine } = await loaded();
    let started: () => void = () => undefined;
    const begun = new Promise<void>((resolve) => (started = resolve));
    engine.loading = (_id, signal) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        started();
      });
    const loading = backend.load(MODEL, () => undefined);
    await begun;
    await backend.cancelLoad();
    await expect(loading).rejects.toMatchObject({ code: 'load-cancelled' });
    expect(engine.loadedModel).toBeNull();
    expect(await backend.loadedModel()).toBeNull();
  });

  it('maps web-llm load failures by name', async () => {
    const { backend, engine } = await loaded();
    engine.loading = async () => {
      const error = new Error('needs f16');
      error.name = 'ShaderF16SupportError';
      throw error;
    };
    await expect(backend.load(MODEL, () => undefined)).rejects.toMatchObject({
      code: 'shader-f16-unsupported',
    });
  });

  it('a device lost while loading fails the load only at its end, as device-lost', async () => {
    const { backend, engine } = await loaded();
    engine.loading = async () => engine.loseDevice();
    await expect(backend.load(MODEL, () => undefined)).rejects.toMatchObject({ code: 'device-lost' });
    expect(await backend.loadedModel()).toBeNull();
  });
});

describe('web-llm backend: generate', () => {
  it('starts a fresh conversation and streams with usage, passing settings through', async () => {
    const { backend, engine } = await loaded();
    const tokens: string[] = [];
    const result = await backend.generate(ASK, (t) => tokens.push(t));
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

  it('sends no thinking flag to a model without the switch (web-llm would prefix an empty <think> block)', async () => {
    const { backend, engine } = await loaded(MODEL);
    const result = await backend.generate({ ...ASK, thinking: false }, () => undefined);
    expect(engine.requests[0]).not.toHaveProperty('extra_body');
    expect(result.text).toBe('Paris.');
  });

  it('switches thinking off for a model that has the switch', async () => {
    const { backend, engine } = await loaded(QWEN3);
    const result = await backend.generate({ ...ASK, thinking: false }, () => undefined);
    expect(engine.requests[0]?.extra_body).toEqual({ enable_thinking: false });
    expect(result.text).toBe('<think>\n\n</think>\n\nParis.');
  });

  it('passes stop strings through and returns the reply without the stop string or any part of it', async () => {
    const { backend, engine } = await loaded();
    engine.model = () => [
      '<tool_call>',
      '{"name": "search", "arguments": {"query": "x"}}',
      '</',
      'tool',
      '_call',
      '>',
    ];
    const streamed: string[] = [];
    const result = await backend.generate({ ...ASK, stop: ['</tool_call>'] }, (t) => streamed.push(t));
    expect(engine.requests[0]?.stop).toEqual(['</tool_call>']);
    // web-llm streamed the start of the stop string before it saw the whole of it:
    expect(streamed.join('')).toMatch(/<\/tool_call$/);
    expect(result.text).toBe('<tool_call>{"name": "search", "arguments": {"query": "x"}}');
    expect(result.finishReason).toBe('stop');
  });

  it('passes a tool-call constraint as a structural tag web-llm accepts', async () => {
    const { backend, engine } = await loaded();
    await backend.generate({ ...ASK, toolCallConstraint: searchToolCallConstraint() }, () => undefined);
    expect(engine.requests[0]?.response_format?.type).toBe('structural_tag');
  });

  it('joins the system text to the first user turn for Gemma, whose template has no system turn', async () => {
    const { backend, engine } = await loaded(GEMMA);
    await backend.generate(
      { ...ASK, messages: [{ role: 'system', content: 'Be brief.' }, ...ASK.messages] },
      () => undefined,
    );
    expect(engine.requests[0]?.messages).toEqual([
      { role: 'user', content: 'Be brief.\n\nCapital of France?' },
    ]);
  });

  it('calls interruptGenerate on interrupt and reports abort', async () => {
    const { backend, engine } = await loaded();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    engine.beforeToken = async (i) => {
      if (i === 1) await gate;
    };
    const answer = backend.generate(ASK, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await backend.interrupt();
    release();
    expect(engine.calls).toContain('interruptGenerate');
    expect(await answer).toMatchObject({ text: 'Par', finishReason: 'abort' });
  });

  it('rejects generate before any load with model-not-loaded', async () => {
    const { backend } = setup();
    await expect(backend.generate(ASK, () => undefined)).rejects.toMatchObject({ code: 'model-not-loaded' });
  });
});

describe('web-llm backend: native tools (Hermes)', () => {
  const withTools = (request: GenerateRequest = ASK): GenerateRequest => ({
    ...request,
    tools: [SEARCH_TOOL_SPEC],
  });

  it('takes the calls from the final chunk (index, no id), gives them stable ids, and keeps no JSON as text', async () => {
    const { backend, engine } = await loaded(HERMES);
    engine.model = () => CALLS_JSON;
    const streamed: string[] = [];
    const result = await backend.generate(withTools(), (t) => streamed.push(t));
    // web-llm itself put its function-calling system prompt and a JSON-array format on the request:
    expect(engine.requests[0]?.messages[0]?.role).toBe('system');
    expect(engine.requests[0]?.response_format?.type).toBe('json_object');
    expect(result).toMatchObject({
      text: '',
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'call_0', name: 'search', arguments: '{"query":"capital of France"}' }],
    });
    expect(streamed).toEqual([]);
  });

  it('a reply of `[]` is no call and no answer text', async () => {
    const { backend, engine } = await loaded(HERMES);
    engine.model = () => ['[', ']'];
    const result = await backend.generate(withTools(), () => undefined);
    expect(result.text).toBe('');
    expect(result.finishReason).toBe('tool_calls');
    expect(result.toolCalls).toBeUndefined();
  });

  it('folds a system message into the first user turn (web-llm refuses one next to tools)', async () => {
    const { backend, engine } = await loaded(HERMES);
    engine.model = () => ['[]'];
    await backend.generate(
      withTools({ ...ASK, messages: [{ role: 'system', content: 'Be brief.' }, ...ASK.messages] }),
      () => undefined,
    );
    expect(engine.requests[0]?.messages[1]).toEqual({
      role: 'user',
      content: 'Be brief.\n\nCapital of France?',
    });
  });

  it('sends tools only to native callers (web-llm rejects them for other models)', async () => {
    const { backend, engine } = await loaded(MODEL);
    await backend.generate(withTools(), () => undefined);
    expect(engine.requests[0]?.tools).toBeUndefined();
  });
});

describe('web-llm backend: a device lost mid-answer', () => {
  async function loseDeviceAfterOneToken() {
    const context = await loaded();
    const { engine } = context;
    const normal = engine.beforeToken;
    engine.beforeToken = async (i) => {
      if (i === 1) {
        engine.loseDevice();
        engine.beforeToken = normal;
      }
    };
    return context;
  }

  it('fails that answer; the next one meets the dropped model, reloads it and is answered', async () => {
    const { backend, engine } = await loseDeviceAfterOneToken();
    const failure = await backend.generate(ASK, () => undefined).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(engine.loadedModel).toBeNull();
    const next = await backend.generate(ASK, () => undefined);
    expect(next.text).toBe('Paris.');
    expect(engine.reloads).toEqual([MODEL, MODEL]);
    expect(await backend.loadedModel()).toBe(MODEL);
  });

  it('when the reload fails too, rejects with device-lost and holds no model', async () => {
    const { backend, engine } = await loseDeviceAfterOneToken();
    await backend.generate(ASK, () => undefined).catch(() => undefined);
    engine.loading = async () => engine.loseDevice();
    const failure = await backend.generate(ASK, () => undefined).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'device-lost' });
    expect((failure as AppError).message).toMatch(/could not be reloaded/);
    expect(engine.reloads).toEqual([MODEL, MODEL]);
    expect(await backend.loadedModel()).toBeNull();
  });

  it('an error that names the lost device reloads at once and rejects with device-lost', async () => {
    const { backend, engine } = await loaded();
    engine.beforeToken = async () => {
      engine.beforeToken = async () => undefined;
      throw new Error("Failed to execute 'mapAsync' on 'GPUBuffer': Device is lost");
    };
    const failure = await backend.generate(ASK, () => undefined).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'device-lost' });
    expect((failure as AppError).action).toMatch(/smaller model or a -1k variant/);
    expect(engine.reloads).toEqual([MODEL, MODEL]);
    expect((await backend.generate(ASK, () => undefined)).text).toBe('Paris.');
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
    const { backend, engine, deleted } = await loaded();
    await backend.deleteCached(MODEL, []);
    expect(deleted).toEqual([MODEL]);
    expect(engine.calls.at(-1)).toBe('unload');
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
