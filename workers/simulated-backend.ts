/**
 * The simulated engine: the same API as the web-llm backend, deterministic,
 * labelled "Simulated engine" and chosen explicitly (never in place of the
 * real one). Browser tests cross the real worker and comlink boundary with it;
 * what it answers comes from the pure modules under `simulated/`, which Node
 * tests use directly.
 *
 * It needs no GPU, but where there is a WebGPU adapter it honours
 * `shader-f16` so the f16-only model fails as it would on this machine. Downloads, streaming and
 * usage figures run on real timers (the `SimClock` seam); which models are
 * downloaded is kept in the Cache API (`simulated/download-cache.ts`), so a
 * reload finds them as it finds web-llm's own; progress texts
 * mimic web-llm's, so one parser (`toLoadProgress`) serves both engines.
 * Failures are thrown as web-llm would throw them and mapped by the same
 * `mapWebLlmError`, so both engines fail with the same codes and words.
 */
import { AppError } from '../src/core/errors';
import type { AdapterFacts, FinishReason, GenerateResult, LoadProgress, SimulatedFailure } from './api';
import type { EngineBackend } from './backend';
import { chooseAnswer } from './simulated/answer';
import { defaultDownloadCache, type DownloadCache } from './simulated/download-cache';
import { FailureBook, DEFAULT_DEVICE_LOST_AFTER_TOKENS } from './simulated/failures';
import { DEFAULT_SCENARIO, toModelRecord, type Scenario, type SimulatedModel } from './simulated/scenario';
import { PREFILL_PER_DECODE, pacedTokens, tokenDueMs } from './simulated/pace';
import { realClock, type SimClock } from './simulated/timing';
import { countTokens, tokenize } from './simulated/tokenize';
import { deviceLostRecovered, mapWebLlmError } from './webllm-errors';
import { toLoadProgress } from './webllm-progress';

export const SIMULATED_LABEL = 'Simulated engine';
export const DEFAULT_TOKENS_PER_SECOND = 60;
export const DEFAULT_DOWNLOAD_MS = 1500;
const COMPILE_STEPS = 2;
/** A long prefill is slept in slices this long, so an interrupt is seen at once. */
const INTERRUPT_SLICE_MS = 50;
const MB = 1024 * 1024;

export interface SimulatedOptions {
  /** Decode rate. */
  tokensPerSecond?: number;
  /** Prompt tokens read per second; `PREFILL_PER_DECODE` × the decode rate when absent. */
  prefillTokensPerSecond?: number;
  downloadMs?: number;
  /** Added to the scenario's own failures. */
  failures?: SimulatedFailure[];
  scenario?: Scenario;
  clock?: SimClock;
  /** The adapter the f16 check reads; assumed to have shader-f16 when absent. */
  adapter?: () => Promise<AdapterFacts>;
  /** Where "downloaded" models are remembered across reloads; the Cache API in a worker by default. */
  downloads?: DownloadCache;
}

function named(name: string, message = ''): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const busy = (): AppError =>
  new AppError('engine-busy', { message: 'The engine is busy.', action: 'Wait for it, or cancel first.' });

export function createSimulatedBackend(options: SimulatedOptions = {}): EngineBackend {
  const scenario = options.scenario ?? DEFAULT_SCENARIO;
  const clock = options.clock ?? realClock;
  const tokensPerSecond = Math.max(options.tokensPerSecond ?? DEFAULT_TOKENS_PER_SECOND, 0.001);
  const prefillRate = Math.max(options.prefillTokensPerSecond ?? tokensPerSecond * PREFILL_PER_DECODE, 0.001);
  const downloadMs = Math.max(options.downloadMs ?? DEFAULT_DOWNLOAD_MS, 0);
  const failures = new FailureBook([...scenario.failures, ...(options.failures ?? [])]);
  const downloads = options.downloads ?? defaultDownloadCache();
  // Read once; every change is written through. A store that cannot be read (a browser that
  // refuses the Cache API) leaves the simulation working, only forgetful across reloads.
  const cachedReady: Promise<Map<string, number>> = downloads.list().catch((error: unknown) => {
    console.warn('Floorcheck: simulated downloads could not be read', error);
    return new Map<string, number>();
  });
  const remember = (write: Promise<void>) =>
    write.catch((error: unknown) =>
      console.warn('Floorcheck: simulated downloads could not be saved', error),
    );
  let loaded: SimulatedModel | null = null;
  let loading: { cancelled: boolean } | null = null;
  let generating = false;
  let interrupted = false;

  /** Waits as a generation would, but notices an interrupt within a slice, as web-llm does between steps. */
  async function sleepUnlessInterrupted(ms: number): Promise<void> {
    const until = clock.now() + ms;
    for (let left = ms; left >= 1 && !interrupted; left = until - clock.now()) {
      await clock.sleep(Math.min(left, INTERRUPT_SLICE_MS));
    }
  }

  function find(modelId: string): SimulatedModel {
    const model = scenario.models.find((m) => m.id === modelId);
    if (!model) {
      throw new AppError('model-not-found', {
        message: `The simulated engine has no model ${modelId}.`,
        action: 'Pick a model from the simulated catalog (ids start with "sim-").',
      });
    }
    return model;
  }

  async function needsMissingF16(model: SimulatedModel): Promise<boolean> {
    const wantsF16 = (model.requiredFeatures ?? []).includes('shader-f16') || /q\d+f16/.test(model.id);
    if (!wantsF16 || !options.adapter) return false;
    // Without WebGPU nothing would run on a GPU, so there is no adapter limit to mimic.
    const adapter = await options.adapter();
    return adapter.webgpu && !adapter.shaderF16;
  }

  async function fetchAndCompile(
    model: SimulatedModel,
    onProgress: (progress: LoadProgress) => void,
    token: { cancelled: boolean },
  ): Promise<void> {
    const started = clock.now();
    const report = (progress: number, text: string) => {
      const elapsedMs = Math.round(clock.now() - started);
      onProgress(toLoadProgress({ progress, timeElapsed: Math.ceil(elapsedMs / 1000), text }, elapsedMs));
    };
    const step = async (ms: number) => {
      await clock.sleep(ms);
      if (token.cancelled) throw mapWebLlmError(named('AbortError', 'Engine.unload() is called.'));
    };
    const cached = await cachedReady;
    const fromCache = cached.has(model.id);
    const loadError = fromCache ? undefined : failures.take(['load-error'], model.id);
    const total = model.downloadMB * MB;
    const stepMs = (fromCache ? downloadMs / 5 : downloadMs) / model.shards;
    report(
      0,
      fromCache
        ? `Loading model from cache[0/${model.shards}]: 0MB loaded. 0% completed, 0 secs elapsed.`
        : 'Start to fetch params',
    );
    for (let shard = 1; shard <= model.shards; shard++) {
      await step(stepMs);
      if (loadError && shard > model.shards / 2) throw mapWebLlmError(new TypeError('Failed to fetch'));
      const bytes = (total * shard) / model.shards;
      const secs = Math.ceil((clock.now() - started) / 1000);
      const percent = Math.floor((bytes * 100) / total);
      report(
        bytes / total,
        fromCache
          ? `Loading model from cache[${shard}/${model.shards}]: ${Math.ceil(bytes / MB)}MB loaded. ${percent}% completed, ${secs} secs elapsed.`
          : `Fetching param cache[${shard}/${model.shards}]: ${Math.ceil(bytes / MB)}MB fetched. ${percent}% completed, ${secs} secs elapsed.`,
      );
    }
    if (!fromCache) {
      cached.set(model.id, total);
      await remember(downloads.put(model.id, total));
    }
    for (let k = 1; k <= COMPILE_STEPS; k++) {
      await step(stepMs);
      const secs = Math.ceil((clock.now() - started) / 1000);
      report(
        k / COMPILE_STEPS,
        `Loading GPU shader modules[${k}/${COMPILE_STEPS}]: ${Math.floor((k * 100) / COMPILE_STEPS)}% completed, ${secs} secs elapsed.`,
      );
    }
    if (failures.take(['out-of-memory'], model.id)) {
      throw mapWebLlmError(
        named('Error', 'Out of memory: the simulated GPU could not allocate the KV cache.'),
      );
    }
    report(1, `Finish loading on ${SIMULATED_LABEL}`);
  }

  return {
    info: { kind: 'simulated', label: SIMULATED_LABEL },

    async catalog() {
      const cached = await cachedReady;
      return { models: scenario.models.map(toModelRecord), cachedIds: [...cached.keys()] };
    },

    async load(modelId, onProgress) {
      if (loading || generating) throw busy();
      const model = find(modelId);
      if (await needsMissingF16(model)) throw mapWebLlmError(named('ShaderF16SupportError'));
      const token = { cancelled: false };
      loading = token;
      loaded = null;
      try {
        await fetchAndCompile(model, onProgress, token);
        loaded = model;
      } finally {
        loading = null;
      }
    },

    async cancelLoad() {
      if (loading) loading.cancelled = true;
    },

    async generate(request, onToken): Promise<GenerateResult> {
      const model = loaded;
      if (!model)
        throw new AppError('model-not-loaded', {
          message: 'No model is loaded.',
          action: 'Load a model first.',
        });
      if (generating || loading) throw busy();
      generating = true;
      interrupted = false;
      try {
        const answer = chooseAnswer(model, request, scenario);
        const userText = request.messages
          .filter((m) => m.role === 'user')
          .map((m) => m.content)
          .join('\n');
        const lost = failures.take(['device-lost'], model.id, userText);
        const lostAfter = lost ? (lost.afterTokens ?? DEFAULT_DEVICE_LOST_AFTER_TOKENS) : Infinity;
        const all = tokenize(answer.text);
        const fixedLength = request.ignoreEos === true;
        const tokens = pacedTokens(all, request.maxTokens, fixedLength);
        const interval = 1000 / tokensPerSecond;
        const promptTokens = request.messages.reduce((sum, m) => sum + countTokens(m.content), 0);
        const prefillMs = (promptTokens / prefillRate) * 1000;
        const started = clock.now();
        let firstAt: number | undefined;
        let text = '';
        let emitted = 0;
        for (const token of tokens) {
          await sleepUnlessInterrupted(started + tokenDueMs(emitted, prefillMs, interval) - clock.now());
          if (interrupted) break;
          if (emitted >= lostAfter) {
            loaded = null;
            await clock.sleep(downloadMs / 10);
            loaded = model;
            throw deviceLostRecovered();
          }
          text += token;
          emitted += 1;
          firstAt ??= clock.now();
          onToken(token);
        }
        if (emitted === 0 && !interrupted) {
          // Nothing to stream (a native tool call): the prompt is still read.
          await sleepUnlessInterrupted(started + prefillMs - clock.now());
        }
        const ended = clock.now();
        const finishReason: FinishReason = interrupted
          ? 'abort'
          : fixedLength
            ? 'length'
            : answer.toolCalls
              ? 'tool_calls'
              : tokens.length < all.length
                ? 'length'
                : 'stop';
        const ttftMs = (firstAt ?? ended) - started;
        const decodeMs = ended - (firstAt ?? ended);
        const result: GenerateResult = {
          text,
          finishReason,
          usage: {
            promptTokens,
            completionTokens: emitted,
            timeToFirstTokenMs: Math.round(ttftMs),
            prefillTokensPerSecond: ttftMs > 0 ? promptTokens / (ttftMs / 1000) : promptTokens * 1000,
            decodeTokensPerSecond:
              emitted > 1 && decodeMs > 0 ? (emitted - 1) / (decodeMs / 1000) : tokensPerSecond,
            totalMs: Math.round(ended - started),
          },
        };
        if (answer.toolCalls && !interrupted && !fixedLength) result.toolCalls = answer.toolCalls;
        return result;
      } finally {
        generating = false;
      }
    },

    async interrupt() {
      if (generating) interrupted = true;
    },

    async unload() {
      loaded = null;
    },

    async loadedModel() {
      return loaded?.id ?? null;
    },

    async listCached() {
      return [...(await cachedReady)].map(([id, bytes]) => ({ id, bytes }));
    },

    async deleteCached(modelId) {
      if (loaded?.id === modelId) loaded = null;
      (await cachedReady).delete(modelId);
      await remember(downloads.delete(modelId));
    },
  };
}
