/**
 * The Speed screen's state: the probes and speed tests stored on this
 * device, and the one job under way (a probe or a test) with its progress.
 * It holds the engine while it works (`EngineState.acquire('speed')`), so a
 * run, the judge or a download cannot slip in between two timed
 * generations. The steps themselves are `src/core/speed/speed-test.ts` and
 * the worker's probe; this class only wires them to the engine client,
 * storage and the screen.
 *
 * One instance per page (`speedStateFor`), so a test keeps going, and its
 * progress keeps showing, when the person switches screens and back.
 * `?speed-driver` in the URL also puts `window.floorcheckSpeedLab` on the
 * page: the smoke script and the browser test drive the same code with it.
 */
import type { ModelRecord } from '../core/engine/model-record';
import { AppError, toAppError } from '../core/errors';
import { machineFacts, type MachineFacts } from '../core/speed/machine';
import type { ProbeProgress } from '../core/speed/bandwidth';
import { isImportedSpeedRecord, type BandwidthRecord, type SpeedTestRecord } from '../core/speed/records';
import { runSpeedTest, type SpeedTestOptions, type SpeedTestProgress } from '../core/speed/speed-test';
import { speedTestText, probeSummary } from '../core/speed/speed-text';
import type { LoadProgress } from '../core/engine/contract';
import type { CustomModel } from '../core/engine/model-record';
import type { FloorcheckDb } from '../storage/db';
import { deleteSpeedTest, listProbes, listSpeedTests, putProbe, putSpeedTest } from '../storage/speed-lab';
import { createTokenBatcher } from '../engine/token-batcher';
import type { EngineState } from './engine.svelte';

export type SpeedJob =
  | { kind: 'probe'; progress: ProbeProgress | null }
  | { kind: 'load'; modelId: string; progress: LoadProgress | null }
  | { kind: 'test'; modelId: string; progress: SpeedTestProgress | null };

/** What a speed test may be asked beside the model (the Speed screen's form, the smoke script). */
export type SpeedTestChoice = Pick<
  SpeedTestOptions,
  'inputLengths' | 'outputTokens' | 'repetitions' | 'overheadPairs'
>;

/** The page-side entry the smoke script and the browser test call (`?speed-driver`). */
export interface SpeedLabDriver {
  probe(): Promise<{ record: BandwidthRecord; text: string } | { error: { code: string; message: string } }>;
  test(
    modelId: string,
    choice?: SpeedTestChoice,
  ): Promise<{ record: SpeedTestRecord; text: string } | { error: { code: string; message: string } }>;
  machine(): MachineFacts | null;
  /** True once the engine has started and listed its models. */
  ready(): boolean;
  /** Every stored test, newest first. */
  tests(): SpeedTestRecord[];
}

const busy = (): AppError =>
  new AppError('engine-busy', {
    message: 'The engine is busy (a run, the judge, a download or a prompt), so the speed lab cannot start.',
    action: 'Wait for it to finish or pause it, then try again.',
  });

/** Same adapter, so a probe's bandwidth may serve this machine's ceiling. */
function sameAdapter(a: MachineFacts, b: MachineFacts): boolean {
  return (
    a.vendor === b.vendor &&
    a.architecture === b.architecture &&
    a.device === b.device &&
    a.description === b.description &&
    a.userAgent === b.userAgent
  );
}

export class SpeedState {
  readonly #db: FloorcheckDb | null;
  readonly #engine: EngineState;
  readonly #customModels: () => CustomModel[];
  #probes = $state.raw<BandwidthRecord[]>([]);
  #tests = $state.raw<SpeedTestRecord[]>([]);
  #job = $state<SpeedJob | null>(null);
  #error = $state<AppError | null>(null);
  #live = $state('');
  #deleted = $state.raw<SpeedTestRecord | null>(null);
  #stop = false;

  constructor(db: FloorcheckDb | null, engine: EngineState, customModels: () => CustomModel[]) {
    this.#db = db;
    this.#engine = engine;
    this.#customModels = customModels;
  }

  get probes(): BandwidthRecord[] {
    return this.#probes;
  }
  get tests(): SpeedTestRecord[] {
    return this.#tests;
  }
  get job(): SpeedJob | null {
    return this.#job;
  }
  get error(): AppError | null {
    return this.#error;
  }
  /** The answer streaming through the runner's path, while the test measures it. */
  get live(): string {
    return this.#live;
  }
  /** The test just deleted, while its undo is offered. */
  get deleted(): SpeedTestRecord | null {
    return this.#deleted;
  }

  /** This machine as the worker sees it; null until the engine has read the adapter. */
  get machine(): MachineFacts | null {
    const adapter = this.#engine.adapter;
    return adapter ? machineFacts(adapter, navigator.userAgent) : null;
  }

  /**
   * The newest probe this device ran on its adapter: its read figure makes the ceiling. An
   * imported probe never does, even of the same adapter: it measured someone else's machine.
   */
  get currentProbe(): BandwidthRecord | null {
    const machine = this.machine;
    if (!machine) return null;
    return this.#probes.find((p) => !isImportedSpeedRecord(p) && sameAdapter(p.machine, machine)) ?? null;
  }

  /** Probes that came in comparison files: other machines' bandwidth (newest first). */
  get importedProbes(): BandwidthRecord[] {
    return this.#probes.filter(isImportedSpeedRecord);
  }

  /** Tests this device ran (the chart of this machine's ceiling draws these). */
  get ownTests(): SpeedTestRecord[] {
    return this.#tests.filter((test) => !isImportedSpeedRecord(test));
  }

  /** Chat models the engine offers, for the test's model choice. */
  get models(): ModelRecord[] {
    return this.#engine.records.filter((m) => m.type === 'llm');
  }

  dismissError(): void {
    this.#error = null;
  }

  /** Reads the probes and tests again (after an import stored some). */
  async load(): Promise<void> {
    if (!this.#db) return;
    try {
      [this.#probes, this.#tests] = await Promise.all([listProbes(this.#db), listSpeedTests(this.#db)]);
    } catch (error) {
      this.#error = toAppError(error);
    }
  }

  /** Runs the bandwidth probe in the worker and stores it; resolves with the record, or null when it failed. */
  async probe(): Promise<BandwidthRecord | null> {
    if (this.#job) return null;
    const machine = this.machine;
    if (!this.#engine.acquire('speed')) {
      this.#error = busy();
      return null;
    }
    this.#error = null;
    this.#job = { kind: 'probe', progress: null };
    try {
      const probe = await this.#engine.client.probeBandwidth((progress) => {
        if (this.#job?.kind === 'probe') this.#job = { kind: 'probe', progress };
      });
      const record: BandwidthRecord = {
        id: crypto.randomUUID(),
        measuredAt: Date.now(),
        machine: machine ?? machineFacts(await this.#engine.client.capabilities(), navigator.userAgent),
        probe,
      };
      if (this.#db) await putProbe(this.#db, record);
      this.#probes = [record, ...this.#probes];
      return record;
    } catch (error) {
      this.#error = toAppError(error);
      return null;
    } finally {
      this.#job = null;
      this.#engine.release('speed');
    }
  }

  /** Loads the model if needed, measures it, stores the test; resolves with the record, or null when it failed or was stopped. */
  async test(modelId: string, choice: SpeedTestChoice = {}): Promise<SpeedTestRecord | null> {
    if (this.#job) return null;
    const model = this.models.find((m) => m.id === modelId);
    const machine = this.machine;
    const info = this.#engine.info;
    if (!model || !machine || !info) {
      this.#error = new AppError('model-not-found', {
        message: `The engine offers no chat model "${modelId}".`,
        action: 'Pick a model from the list.',
      });
      return null;
    }
    if (!this.#engine.acquire('speed')) {
      this.#error = busy();
      return null;
    }
    const client = this.#engine.client;
    this.#error = null;
    this.#stop = false;
    this.#live = '';
    const batcher = createTokenBatcher((text) => (this.#live += text));
    try {
      if ((await client.loadedModel()) !== modelId) {
        this.#job = { kind: 'load', modelId, progress: null };
        await client.load(
          modelId,
          (progress) => {
            if (this.#job?.kind === 'load') this.#job = { kind: 'load', modelId, progress };
          },
          this.#customModels().find((m) => m.id === modelId),
        );
      }
      this.#job = { kind: 'test', modelId, progress: null };
      const probe = this.currentProbe;
      const measured = await runSpeedTest(client, {
        model,
        ...choice,
        bandwidth: probe
          ? { gbPerSecond: probe.probe.read.median, probeId: probe.id, measuredAt: probe.measuredAt }
          : undefined,
        clock: () => performance.now(),
        onProgress: (progress) => {
          this.#job = { kind: 'test', modelId, progress };
          this.#live = '';
          batcher.cancel();
        },
        onToken: (delta) => batcher.push(delta),
        stopped: () => this.#stop,
      });
      const record: SpeedTestRecord = {
        id: crypto.randomUUID(),
        measuredAt: Date.now(),
        machine,
        engine: { kind: info.kind, label: info.label, simulated: info.kind === 'simulated' },
        ...measured,
      };
      if (this.#db) await putSpeedTest(this.#db, record);
      this.#tests = [record, ...this.#tests];
      return record;
    } catch (error) {
      const appError = toAppError(error);
      if (!(this.#stop && (appError.code === 'generation-interrupted' || appError.code === 'load-cancelled')))
        this.#error = appError;
      return null;
    } finally {
      batcher.cancel();
      this.#live = '';
      this.#job = null;
      this.#engine.release('speed');
      await this.#engine.refreshModels(this.#customModels());
    }
  }

  /** Stops the test under way: the generation in flight is interrupted and nothing of the test is kept. */
  async stop(): Promise<void> {
    if (!this.#job || this.#job.kind === 'probe') return;
    this.#stop = true;
    try {
      if (this.#job.kind === 'load') await this.#engine.client.cancelLoad();
      else await this.#engine.client.interrupt();
    } catch (error) {
      this.#error = toAppError(error);
    }
  }

  async remove(id: string): Promise<void> {
    if (!this.#db) return;
    try {
      const removed = await deleteSpeedTest(this.#db, id);
      this.#tests = this.#tests.filter((t) => t.id !== id);
      this.#deleted = removed ?? null;
    } catch (error) {
      this.#error = toAppError(error);
    }
  }

  async undoRemove(): Promise<void> {
    const record = this.#deleted;
    if (!record || !this.#db) return;
    this.#deleted = null;
    try {
      await putSpeedTest(this.#db, record);
      this.#tests = [...this.#tests, record].sort((a, b) => b.measuredAt - a.measuredAt);
    } catch (error) {
      this.#error = toAppError(error);
    }
  }

  forgetRemoved(): void {
    this.#deleted = null;
  }

  /** The entry the smoke script and the browser test call; every failure comes back as `{error}`. */
  driver(): SpeedLabDriver {
    const failure = () => {
      const error = this.#error ?? busy();
      return { error: { code: error.code, message: error.message } };
    };
    return {
      probe: async () => {
        const record = await this.probe();
        return record ? { record, text: probeSummary(record) } : failure();
      },
      test: async (modelId, choice) => {
        const record = await this.test(modelId, choice);
        return record ? { record, text: speedTestText(record) } : failure();
      },
      machine: () => this.machine,
      ready: () => !this.#engine.starting && this.models.length > 0,
      tests: () => $state.snapshot(this.#tests),
    };
  }
}

const states = new WeakMap<EngineState, SpeedState>();

/** The page's one SpeedState (made on first use, loaded from storage then). */
export function speedStateFor(
  db: FloorcheckDb | null,
  engine: EngineState,
  customModels: () => CustomModel[],
): SpeedState {
  let state = states.get(engine);
  if (!state) {
    state = new SpeedState(db, engine, customModels);
    states.set(engine, state);
    void state.load();
    if (new URLSearchParams(location.search).has('speed-driver')) {
      (globalThis as unknown as { floorcheckSpeedLab?: SpeedLabDriver }).floorcheckSpeedLab = state.driver();
    }
  }
  return state;
}
