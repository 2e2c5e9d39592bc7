/**
 * The page's side of the engine worker: the same `EngineApi`, with errors
 * rebuilt as AppErrors (`fromWire`) and callbacks passed as `Comlink.proxy`
 * (the worker releases them when the call ends). A crashed worker (`error`
 * event) rejects the calls in flight and every later one with `worker-crashed`,
 * instead of leaving them pending forever.
 * web-llm never appears here (`import type` of the worker API only).
 */
import * as Comlink from 'comlink';
import { AppError, fromWire } from '../core/errors';
import type { EngineApi } from '../../workers/api';

export { createTokenBatcher, type TokenBatcher } from './token-batcher';

export interface EngineClient extends EngineApi {
  /** Stops the worker; later calls reject with `worker-crashed`. */
  terminate(): void;
}

export function createEngineWorker(): Worker {
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'floorcheck-engine',
  });
}

function crashError(detail: string): AppError {
  return new AppError('worker-crashed', {
    message: `The engine worker stopped: ${detail}`,
    action:
      'Reload the page. If it happens again, try the simulated engine (?engine=simulated) or another browser.',
  });
}

export function createEngineClient(worker: Worker = createEngineWorker()): EngineClient {
  const remote = Comlink.wrap<EngineApi>(worker);
  let crashed: AppError | undefined;
  const inFlight = new Set<(error: AppError) => void>();

  const crash = (error: AppError) => {
    crashed ??= error;
    for (const reject of inFlight) reject(error);
    inFlight.clear();
  };
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    crash(crashError(event.message || 'it failed to start or threw outside a call.'));
  });

  function call<T>(work: () => Promise<T>): Promise<T> {
    if (crashed) return Promise.reject(crashed);
    return new Promise<T>((resolve, reject) => {
      inFlight.add(reject);
      work().then(
        (value) => {
          inFlight.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          inFlight.delete(reject);
          reject(fromWire(error));
        },
      );
    });
  }

  return {
    init: (options) => call(() => remote.init(options)),
    capabilities: () => call(() => remote.capabilities()),
    catalog: (custom) => call(() => remote.catalog(custom)),
    load: (modelId, onProgress, custom) =>
      call(() => remote.load(modelId, Comlink.proxy(onProgress), custom)),
    cancelLoad: () => call(() => remote.cancelLoad()),
    generate: (request, onToken) => call(() => remote.generate(request, Comlink.proxy(onToken))),
    interrupt: () => call(() => remote.interrupt()),
    unload: () => call(() => remote.unload()),
    loadedModel: () => call(() => remote.loadedModel()),
    listCached: (custom) => call(() => remote.listCached(custom)),
    deleteCached: (modelId, custom) => call(() => remote.deleteCached(modelId, custom)),
    probeBandwidth: (onProgress) => call(() => remote.probeBandwidth(Comlink.proxy(onProgress))),
    generateDirect: (request) => call(() => remote.generateDirect(request)),
    terminate() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
      crash(crashError('it was shut down.'));
    },
  };
}
