/**
 * The real engine: web-llm's `MLCEngine`, running in this worker. The worker
 * imports this module dynamically, so web-llm is loaded only when the real
 * engine is chosen. web-llm itself comes in as `WebLlmDeps`, so unit tests
 * drive this backend against a fake `MLCEngine` written from web-llm's code.
 *
 * Each generate starts from a fresh conversation (`resetChat`): web-llm would
 * otherwise reuse the KV cache when the new messages extend the old ones, and
 * an answer must never depend on the one before it. A request carries only
 * what the model's capabilities allow (its catalog record): the thinking
 * flag only to a model with the switch, tools only to native callers, a
 * tool-call constraint and stop strings where declared.
 *
 * A lost device, as web-llm 0.2.86 handles it: its `device.lost` handler
 * calls `unload()` (lib/index.js:18303-18309), which drops the model; the
 * answer in flight then fails however the disposed pipeline fails, and
 * `DeviceLostError` is thrown only by a `reload` during which the device was
 * lost (18340-18342). So the next request meets `ModelNotLoadedError`
 * (`getLLMStates`, 11383-11386) while we still hold the model loaded: the
 * backend reloads it and sends the request again, and the run goes on. An
 * error that itself names the lost device reloads at once and rejects with
 * `device-lost`, so the caller may send the prompt again.
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
  GenerateRequest,
  LoadProgress,
  ModelCapabilities,
  ModelRecord,
} from './api';
import type { EngineBackend } from './backend';
import { buildAppConfig, catalogRecords } from './webllm-catalog';
import { deviceLostRecovered, deviceLostUnrecovered, mapWebLlmError } from './webllm-errors';
import { webllmFamily } from './webllm-families';
import { toLoadProgress } from './webllm-progress';
import { buildCompletionRequest } from './webllm-request';
import { collectStream } from './webllm-stream';

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

/** A model the backend has no record of gets nothing beyond the messages and sampling. */
const NO_CAPABILITIES: ModelCapabilities = {
  thinking: 'none',
  nativeTools: false,
  constrainedToolCalls: false,
  stopSequences: false,
};

/** The request with only what the model can take (see `ModelCapabilities`). */
export function allowedRequest(request: GenerateRequest, capabilities: ModelCapabilities): GenerateRequest {
  const { thinking, tools, toolCallConstraint, stop, ...rest } = request;
  const allowed: GenerateRequest = rest;
  if (thinking !== undefined && capabilities.thinking === 'switch') allowed.thinking = thinking;
  if (tools && capabilities.nativeTools) allowed.tools = tools;
  if (toolCallConstraint && capabilities.constrainedToolCalls)
    allowed.toolCallConstraint = toolCallConstraint;
  if (stop && capabilities.stopSequences) allowed.stop = stop;
  return allowed;
}

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

  /**
   * Starts the stream from a fresh conversation. `ModelNotLoadedError` while
   * we hold the model loaded means web-llm dropped it on its own (after a lost
   * device): reload it and send the request again. web-llm edits the request
   * it is given (14414-14427), so each try gets its own copy.
   */
  async function startStream(
    current: MlcEngineLike,
    modelId: string,
    completion: ChatCompletionRequestStreaming,
  ): Promise<AsyncIterable<ChatCompletionChunk>> {
    await current.resetChat();
    try {
      return await current.chat.completions.create(structuredClone(completion));
    } catch (error) {
      if (mapWebLlmError(error).code !== 'model-not-loaded' || loaded !== modelId) throw error;
    }
    try {
      await current.reload(modelId);
    } catch (cause) {
      loaded = null;
      throw deviceLostUnrecovered(cause);
    }
    await current.resetChat();
    return current.chat.completions.create(structuredClone(completion));
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
      const current = engine;
      const capabilities = records().find((r) => r.id === modelId)?.capabilities ?? NO_CAPABILITIES;
      const completion = buildCompletionRequest(allowedRequest(request, capabilities), {
        nativeTools: capabilities.nativeTools,
        systemTurn: webllmFamily(modelId, customs.get(modelId)?.modelUrl).systemTurn,
      });
      generating = true;
      interrupted = false;
      const started = deps.now();
      try {
        const stream = await startStream(current, modelId, completion);
        return await collectStream(stream, {
          nativeTools: completion.tools !== undefined,
          stops: typeof completion.stop === 'string' ? [completion.stop] : (completion.stop ?? []),
          onToken,
          wasInterrupted: () => interrupted,
          elapsedMs: () => deps.now() - started,
        });
      } catch (error) {
        // Our own errors (a reload that failed already) are final; web-llm's are mapped.
        if (error instanceof AppError) throw error;
        const mapped = mapWebLlmError(error);
        if (mapped.code === 'device-lost') throw await reloadAfterDeviceLoss(modelId);
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
