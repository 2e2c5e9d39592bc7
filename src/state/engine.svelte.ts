/**
 * The page's view of the engine worker: which backend runs, what the adapter
 * offers, the model list, the model being downloaded or loaded, and the
 * scratch conversation. It calls the worker through the client and holds no
 * catalog, error or metric logic of its own (that is in src/core).
 */
import type { AdapterFacts } from '../core/engine/adapter';
import type { CachedModel, GenerateResult, LoadProgress } from '../core/engine/contract';
import type { EngineKind } from '../core/engine/engine-kinds';
import type { CustomModel, ModelRecord } from '../core/engine/model-record';
import type { EngineApi, EngineInfo, EngineInit } from '../../workers/api';
import { AppError, toAppError } from '../core/errors';
import { createTokenBatcher, type Schedule } from '../engine/token-batcher';

/** What the state needs of the worker client (src/engine/client.ts): the engine API itself. */
type Engine = EngineApi;

/** Who holds the engine for a long job; the page's own buttons wait for them. */
export type EngineHolder = 'run' | 'judge' | 'speed';

const HOLDER_TEXT: Record<EngineHolder, string> = {
  run: 'A run is using the engine.',
  judge: 'The model judge is using the engine.',
  speed: 'The speed lab is using the engine.',
};

export interface LoadState {
  modelId: string;
  progress: LoadProgress | null;
  startedAt: number;
}

export interface ScratchState {
  prompt: string;
  answer: string;
  result: GenerateResult | null;
  running: boolean;
}

/** Reads which backend the URL asks for: `?engine=simulated` or the real one. */
export function engineKindFromUrl(search: string): EngineKind {
  return new URLSearchParams(search).get('engine') === 'simulated' ? 'simulated' : 'webllm';
}

export class EngineState {
  readonly #client: Engine;
  #holder = $state<EngineHolder | null>(null);
  #info = $state<EngineInfo | null>(null);
  #adapter = $state<AdapterFacts | null>(null);
  #records = $state.raw<ModelRecord[]>([]);
  #cachedIds = $state.raw<string[]>([]);
  #cached = $state.raw<CachedModel[]>([]);
  #loaded = $state<string | null>(null);
  #loading = $state<LoadState | null>(null);
  #error = $state<AppError | null>(null);
  /** What happened to the last load that did not end in an error: cancelled, previous model restored. */
  #notice = $state<string | null>(null);
  #scratch = $state<ScratchState>({ prompt: '', answer: '', result: null, running: false });
  #starting = $state(true);

  constructor(client: Engine) {
    this.#client = client;
  }

  get client(): Engine {
    return this.#client;
  }
  get info(): EngineInfo | null {
    return this.#info;
  }
  get simulated(): boolean {
    return this.#info?.kind === 'simulated';
  }
  get adapter(): AdapterFacts | null {
    return this.#adapter;
  }
  get records(): ModelRecord[] {
    return this.#records;
  }
  get cachedIds(): string[] {
    return this.#cachedIds;
  }
  get cached(): CachedModel[] {
    return this.#cached;
  }
  get loaded(): string | null {
    return this.#loaded;
  }
  get loading(): LoadState | null {
    return this.#loading;
  }
  get error(): AppError | null {
    return this.#error;
  }
  get notice(): string | null {
    return this.#notice;
  }
  get scratch(): ScratchState {
    return this.#scratch;
  }
  get starting(): boolean {
    return this.#starting;
  }

  dismissError(): void {
    this.#error = null;
  }

  dismissNotice(): void {
    this.#notice = null;
  }

  /** Who holds the engine for a long job (a run, the judge); null when it is free. */
  get holder(): EngineHolder | null {
    return this.#holder;
  }

  /**
   * Takes the engine for a long job. Only one job at a time: the worker runs one
   * call at a time, and a download or prompt slipped in between two of a run's
   * answers would fail that answer. Returns false when someone else holds it.
   */
  acquire(holder: EngineHolder): boolean {
    if (this.#holder || this.#loading || this.#scratch.running) return false;
    this.#holder = holder;
    return true;
  }

  release(holder: EngineHolder): void {
    if (this.#holder === holder) this.#holder = null;
  }

  /** Refuses a page action while a long job holds the engine; says why. */
  #refuseWhileHeld(): boolean {
    if (!this.#holder) return false;
    this.#error = new AppError('engine-busy', {
      message: HOLDER_TEXT[this.#holder],
      action: 'Pause or wait for it, then try again.',
    });
    return true;
  }

  /** Starts the backend and reads the adapter and the model list. */
  async start(options: EngineInit, custom: CustomModel[]): Promise<void> {
    this.#starting = true;
    try {
      this.#info = await this.#client.init(options);
      this.#adapter = await this.#client.capabilities();
      await this.refreshModels(custom);
    } catch (error) {
      this.#error = toAppError(error);
    } finally {
      this.#starting = false;
    }
  }

  async refreshModels(custom: CustomModel[]): Promise<void> {
    try {
      const { models, cachedIds } = await this.#client.catalog(custom);
      this.#records = models;
      this.#cachedIds = cachedIds;
      this.#cached = await this.#client.listCached(custom);
      this.#loaded = await this.#client.loadedModel();
    } catch (error) {
      this.#error = toAppError(error);
    }
  }

  /**
   * Downloads (when needed) and loads a model; resolves false when it failed or was cancelled.
   *
   * Loading a model unloads the one in use first (web-llm's `reload()` frees it before it
   * fetches the next: holding both would need twice the GPU memory). So when the new one is
   * cancelled or fails, the previous model is loaded again from the browser's cache, and
   * `notice` says what happened.
   */
  async load(modelId: string, custom: CustomModel[]): Promise<boolean> {
    if (this.#loading || this.#refuseWhileHeld()) return false;
    this.#error = null;
    this.#notice = null;
    const previous = this.#loaded !== modelId ? this.#loaded : null;
    const downloading = !this.#cachedIds.includes(modelId);
    const outcome = await this.#loadOne(modelId, custom, true);
    if (outcome === 'loaded') return true;
    const said =
      outcome === 'cancelled'
        ? `${downloading ? 'Download' : 'Loading'} of ${modelId} cancelled.`
        : `${modelId} was not loaded.`;
    // Still loaded when the worker refused before unloading it (a missing GPU feature, say).
    if (!previous || this.#loaded === previous) {
      if (outcome === 'cancelled') this.#notice = said;
      return false;
    }
    this.#notice = `${said} Loading ${previous} again…`;
    const restored = await this.#loadOne(previous, custom, false);
    this.#notice =
      restored === 'loaded'
        ? `${said} ${previous} is loaded again.`
        : `${said} ${previous} could not be loaded again: load it from the list below.`;
    return false;
  }

  /** One load; a failure becomes the screen's error only when `report` (a restore's failure is in the notice). */
  async #loadOne(
    modelId: string,
    custom: CustomModel[],
    report: boolean,
  ): Promise<'loaded' | 'cancelled' | 'failed'> {
    this.#loading = { modelId, progress: null, startedAt: performance.now() };
    // The worker frees the model in use before it loads the next one.
    this.#loaded = null;
    try {
      await this.#client.load(
        modelId,
        (progress) => {
          if (this.#loading?.modelId === modelId) this.#loading = { ...this.#loading, progress };
        },
        custom.find((model) => model.id === modelId),
      );
      this.#loaded = modelId;
      return 'loaded';
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'load-cancelled') return 'cancelled';
      if (report) this.#error = appError;
      return 'failed';
    } finally {
      this.#loading = null;
      await this.refreshModels(custom);
    }
  }

  async cancelLoad(): Promise<void> {
    try {
      await this.#client.cancelLoad();
    } catch (error) {
      this.#error = toAppError(error);
    }
  }

  async unload(custom: CustomModel[]): Promise<void> {
    if (this.#refuseWhileHeld()) return;
    try {
      await this.#client.unload();
      this.#loaded = null;
    } catch (error) {
      this.#error = toAppError(error);
    }
    await this.refreshModels(custom);
  }

  async deleteCached(modelId: string, custom: CustomModel[]): Promise<void> {
    if (this.#refuseWhileHeld()) return;
    try {
      if (this.#loaded === modelId) await this.#client.unload();
      await this.#client.deleteCached(modelId, custom);
    } catch (error) {
      this.#error = toAppError(error);
    }
    await this.refreshModels(custom);
  }

  /** Sends one prompt to the loaded model, streaming the answer into `scratch`. */
  async send(prompt: string, schedule?: Schedule): Promise<void> {
    if (!this.#loaded || this.#scratch.running || this.#refuseWhileHeld()) return;
    this.#error = null;
    this.#scratch = { prompt, answer: '', result: null, running: true };
    const batcher = createTokenBatcher((text) => (this.#scratch.answer += text), schedule);
    try {
      const result = await this.#client.generate(
        { messages: [{ role: 'user', content: prompt }], temperature: 0, maxTokens: 512, seed: 0 },
        (delta) => batcher.push(delta),
      );
      batcher.cancel();
      this.#scratch.answer = result.text;
      this.#scratch.result = result;
    } catch (error) {
      batcher.flush();
      this.#error = toAppError(error);
      // A lost device the worker could not recover from leaves no model loaded.
      this.#loaded = await this.#client.loadedModel().catch(() => null);
    } finally {
      this.#scratch.running = false;
    }
  }

  async interrupt(): Promise<void> {
    try {
      await this.#client.interrupt();
    } catch (error) {
      this.#error = toAppError(error);
    }
  }
}
