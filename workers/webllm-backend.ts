/**
 * The real engine: web-llm's `MLCEngine`, running in this worker. The worker
 * imports this module dynamically, so web-llm is loaded only when the real
 * engine is chosen. web-llm itself comes in as `WebLlmDeps`, so unit tests
 * drive this backend against a fake `MLCEngine` at its API boundary.
 *
 * Each generate starts from a fresh conversation (`resetChat`): web-llm would
 * otherwise reuse the KV cache when the new messages extend the old ones, and
 * an answer must never depend on the one before it.
 * After a lost device (web-llm unloads itself), the backend reloads the same
 * model and then rejects with `device-lost`, so the next prompt just works.
 */
import * as webllm from '@mlc-ai/web-llm';
import type {
  AppConfig,
  ChatCompletionChunk,
  ChatCompletionRequestStreaming,
  InitProgressReport,
  MLCEngineConfig,
} from '@mlc-ai/web-llm';
import { version as webllmVersion } from '@mlc-ai/web-llm/package.json';
import { AppError } from '../src/core/errors';
import type {
  CachedModel,
  CustomModel,
  FinishReason,
  GenerateRequest,
  GenerateResult,
  LoadProgress,
  ModelRecord,
  NativeToolCall,
} from './api';
import type { EngineBackend } from './backend';
import { buildAppConfig, catalogRecords } from './webllm-catalog';
import { deviceLostRecovered, deviceLostUnrecovered, mapWebLlmError } from './webllm-errors';
import { toLoadProgress } from './webllm-progress';
import { buildCompletionRequest, toUsage } from './webllm-request';

/** The part of `MLCEngine` this backend uses. */
export interface MlcEngineLike {
  reload(modelId: string): Promise<void>;
  unload(): Promise<void>;
  resetChat(): Promise<void>;
  interruptGenerate(): void | Promise<void>;
  setAppConfig(appConfig: AppConfig): void;
  chat: {
    completions: {
      create(request: ChatCompletionRequestStreaming): Promise<AsyncIterable<ChatCompletionChunk>>;
    };
  };
}

export interface WebLlmDeps {
  createEngine(config: Required<Pick<MLCEngineConfig, 'initProgressCallback' | 'appConfig'>>): MlcEngineLike;
  prebuiltAppConfig: AppConfig;
  functionCallingModelIds: readonly string[];
  hasModelInCache(modelId: string, appConfig: AppConfig): Promise<boolean>;
  deleteModelAllInfoInCache(modelId: string, appConfig: AppConfig): Promise<void>;
  version: string;
  now(): number;
}

export const realWebLlm: WebLlmDeps = {
  createEngine: (config) => new webllm.MLCEngine(config),
  prebuiltAppConfig: webllm.prebuiltAppConfig,
  functionCallingModelIds: webllm.functionCallingModelIds,
  hasModelInCache: webllm.hasModelInCache,
  deleteModelAllInfoInCache: webllm.deleteModelAllInfoInCache,
  version: webllmVersion,
  now: () => performance.now(),
};

const cancelled = (): AppError =>
  new AppError('load-cancelled', {
    message: 'Loading was cancelled.',
    action: 'Load the model again when ready.',
  });

export function createWebLlmBackend(deps: WebLlmDeps = realWebLlm): EngineBackend {
  let engine: MlcEngineLike | undefined;
  let onReport: ((report: InitProgressReport) => void) | undefined;
  let loaded: string | null = null;
  let loading: string | null = null;
  let cancelRequested = false;
  let generating = false;
  let interrupted = false;
  const customs = new Map<string, CustomModel>();

  const remember = (custom: readonly CustomModel[]) => custom.forEach((m) => customs.set(m.id, m));
  const appConfig = () => buildAppConfig(deps.prebuiltAppConfig, [...customs.values()]);
  const records = (): ModelRecord[] =>
    catalogRecords(deps.prebuiltAppConfig, deps.functionCallingModelIds, [...customs.values()]);
  const getEngine = (config: AppConfig): MlcEngineLike => {
    engine ??= deps.createEngine({ appConfig: config, initProgressCallback: (r) => onReport?.(r) });
    engine.setAppConfig(config);
    return engine;
  };

  async function cachedIds(): Promise<string[]> {
    const config = appConfig();
    const flags = await Promise.all(
      config.model_list.map((m) => deps.hasModelInCache(m.model_id, config).catch(() => false)),
    );
    return config.model_list.filter((_, i) => flags[i]).map((m) => m.model_id);
  }

  async function reloadAfterDeviceLoss(modelId: string): Promise<AppError> {
    const current = getEngine(appConfig());
    try {
      await current.unload();
      await current.reload(modelId);
      loaded = modelId;
      return deviceLostRecovered();
    } catch (cause) {
      loaded = null;
      return deviceLostUnrecovered(cause);
    }
  }

  return {
    info: { kind: 'webllm', label: `web-llm ${deps.version}`, webllmVersion: deps.version },

    async catalog(custom) {
      remember(custom);
      return { models: records(), cachedIds: await cachedIds() };
    },

    async load(modelId, onProgress: (progress: LoadProgress) => void, custom) {
      if (loading || generating) {
        throw new AppError('engine-busy', {
          message: 'The engine is busy.',
          action: 'Wait or cancel first.',
        });
      }
      if (custom) remember([custom]);
      const config = appConfig();
      if (!config.model_list.some((m) => m.model_id === modelId)) {
        throw new AppError('model-not-found', {
          message: `The model ${modelId} is not in the catalog.`,
          action: 'Pick a model from the catalog, or add it as a custom model.',
        });
      }
      const current = getEngine(config);
      const started = deps.now();
      onReport = (report) => onProgress(toLoadProgress(report, Math.round(deps.now() - started)));
      loading = modelId;
      cancelRequested = false;
      loaded = null;
      try {
        await current.reload(modelId);
      } catch (error) {
        throw cancelRequested ? cancelled() : mapWebLlmError(error);
      } finally {
        onReport = undefined;
        loading = null;
      }
      if (cancelRequested) {
        await current.unload();
        throw cancelled();
      }
      loaded = modelId;
    },

    async cancelLoad() {
      if (!loading || !engine) return;
      cancelRequested = true;
      await engine.unload();
    },

    async generate(request: GenerateRequest, onToken) {
      const modelId = loaded;
      if (!engine || !modelId) {
        throw new AppError('model-not-loaded', {
          message: 'No model is loaded.',
          action: 'Load a model first.',
        });
      }
      if (generating || loading) {
        throw new AppError('engine-busy', { message: 'The engine is busy.', action: 'Wait for the answer.' });
      }
      const nativeTools = deps.functionCallingModelIds.includes(modelId);
      generating = true;
      interrupted = false;
      const started = deps.now();
      try {
        await engine.resetChat();
        const stream = await engine.chat.completions.create(buildCompletionRequest(request, nativeTools));
        return await collect(
          stream,
          onToken,
          () => interrupted,
          () => deps.now() - started,
        );
      } catch (error) {
        const mapped = mapWebLlmError(error);
        if (mapped.code === 'device-lost' || mapped.code === 'model-not-loaded') {
          throw await reloadAfterDeviceLoss(modelId);
        }
        throw mapped;
      } finally {
        generating = false;
      }
    },

    async interrupt() {
      if (!generating || !engine) return;
      interrupted = true;
      await engine.interruptGenerate();
    },

    async unload() {
      loaded = null;
      if (engine) await engine.unload();
    },

    async loadedModel() {
      return loaded;
    },

    async listCached(custom): Promise<CachedModel[]> {
      remember(custom);
      return (await cachedIds()).map((id) => ({ id }));
    },

    async deleteCached(modelId, custom) {
      remember(custom);
      if (loaded === modelId) await this.unload();
      try {
        await deps.deleteModelAllInfoInCache(modelId, appConfig());
      } catch (error) {
        throw mapWebLlmError(error);
      }
    },
  };
}

async function collect(
  stream: AsyncIterable<ChatCompletionChunk>,
  onToken: (delta: string) => void,
  wasInterrupted: () => boolean,
  elapsedMs: () => number,
): Promise<GenerateResult> {
  let text = '';
  let finishReason: FinishReason = 'stop';
  let usage: ChatCompletionChunk['usage'];
  const calls: NativeToolCall[] = [];
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    const delta = choice?.delta.content;
    if (delta) {
      text += delta;
      onToken(delta);
    }
    for (const call of choice?.delta.tool_calls ?? []) {
      const slot = (calls[call.index] ??= { id: call.id ?? `call_${call.index}`, name: '', arguments: '' });
      if (call.id) slot.id = call.id;
      slot.name += call.function?.name ?? '';
      slot.arguments += call.function?.arguments ?? '';
    }
    if (choice?.finish_reason) finishReason = choice.finish_reason;
    if (chunk.usage) usage = chunk.usage;
  }
  if (wasInterrupted()) finishReason = 'abort';
  const result: GenerateResult = { text, finishReason, usage: toUsage(usage, elapsedMs()) };
  const toolCalls = calls.filter(Boolean);
  if (toolCalls.length) result.toolCalls = toolCalls;
  return result;
}
