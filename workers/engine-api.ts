/**
 * The worker's implementation of `EngineApi`: picks a backend on `init`,
 * reads the adapter, and is the one place errors are turned into wire errors
 * (`toWire`), so every rejection that crosses comlink carries a stable code.
 * Kept apart from `engine.worker.ts` (which only exposes it) so Node tests can
 * call it without a Worker.
 *
 * Callbacks from the page are comlink proxies: calling one returns a promise
 * that rejects if the page has released it; such failures are swallowed here,
 * since a page that stopped listening must not break the generation. A call
 * resolves only after the page has received every callback it made.
 */
import * as Comlink from 'comlink';
import { AppError, toAppError, toWire } from '../src/core/errors';
import type { AdapterFacts, BandwidthProbe, EngineApi, EngineInit, ProbeProgress } from './api';
import type { EngineBackend } from './backend';

export interface EngineApiDeps {
  loadBackend(init: EngineInit, adapter: () => Promise<AdapterFacts>): Promise<EngineBackend>;
  readAdapter(): Promise<AdapterFacts>;
  /** The bandwidth probe (`bandwidth-probe.ts` over `navigator.gpu`); without it the probe reports no WebGPU. */
  probeBandwidth?(onProgress: (progress: ProbeProgress) => void): Promise<BandwidthProbe>;
  /** Milliseconds for `generateDirect`'s timing; `performance.now` by default. */
  now?(): number;
}

const notInitialised = (): AppError =>
  new AppError('model-not-loaded', {
    message: 'The engine has not been started.',
    action: 'Reload the page; if this persists, report it.',
  });

const noProbe = (): AppError =>
  new AppError('webgpu-unavailable', {
    message: 'This engine worker has no WebGPU probe.',
    action: 'Use a browser with WebGPU (recent Chrome or Edge).',
  });

/** Runs `work`, rejecting with a wire error whatever it throws. */
async function wired<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toWire(toAppError(error));
  }
}

/** Releases a comlink proxy received from the page (plain functions, as in tests, have nothing to release). */
function release(callback: unknown): void {
  if (typeof callback !== 'function') return;
  const releaser: unknown = (callback as unknown as Record<symbol, unknown>)[Comlink.releaseProxy];
  if (typeof releaser === 'function') (releaser as () => unknown).call(callback);
}

/**
 * Wraps a page callback: failures are swallowed, and what the calls return is
 * kept so `settled()` can wait for every call to reach the page. Proxied calls
 * travel on their own MessagePort, so without that wait the result of `load`
 * or `generate` could overtake the last progress report or token.
 */
function tracked<A extends unknown[]>(callback: (...args: A) => unknown) {
  const pending: Promise<unknown>[] = [];
  const call = (...args: A): void => {
    try {
      const returned = callback(...args);
      if (returned instanceof Promise) pending.push(returned.catch(() => undefined));
    } catch {
      // the page stopped listening; keep going
    }
  };
  const settled = () => Promise.all(pending);
  return { call, settled };
}

/** Runs a call that streams through `callback`, resolving only once the page has had every callback call. */
function streaming<T, A extends unknown[]>(
  callback: (...args: A) => unknown,
  work: (call: (...args: A) => void) => Promise<T>,
): Promise<T> {
  const { call, settled } = tracked(callback);
  return wired(() => work(call)).finally(async () => {
    await settled();
    release(callback);
  });
}

export function createEngineApi(deps: EngineApiDeps) {
  let backend: EngineBackend | undefined;
  let adapter: Promise<AdapterFacts> | undefined;
  const readAdapter = () => (adapter ??= deps.readAdapter());
  const now = deps.now ?? (() => performance.now());
  const current = (): EngineBackend => {
    if (!backend) throw notInitialised();
    return backend;
  };

  const api = {
    init: (options) =>
      wired(async () => {
        if (backend) await backend.unload().catch(() => undefined);
        backend = undefined;
        backend = await deps.loadBackend(options, readAdapter);
        return backend.info;
      }),
    capabilities: () => wired(readAdapter),
    catalog: (custom) => wired(() => current().catalog(custom)),
    load: (modelId, onProgress, custom) =>
      streaming(onProgress, (report) => current().load(modelId, report, custom)),
    cancelLoad: () => wired(() => current().cancelLoad()),
    generate: (request, onToken) => streaming(onToken, (token) => current().generate(request, token)),
    interrupt: () => wired(() => current().interrupt()),
    unload: () => wired(() => current().unload()),
    loadedModel: () => wired(async () => (backend ? backend.loadedModel() : null)),
    listCached: (custom) => wired(() => current().listCached(custom)),
    deleteCached: (modelId, custom) => wired(() => current().deleteCached(modelId, custom)),
    probeBandwidth: (onProgress) =>
      streaming(onProgress, (report) => {
        if (!deps.probeBandwidth) throw noProbe();
        return deps.probeBandwidth(report);
      }),
    generateDirect: (request) =>
      wired(async () => {
        const engine = current();
        const started = now();
        const result = await engine.generate(request, () => undefined);
        return { result, wallMs: now() - started };
      }),
  } satisfies EngineApi;
  return api;
}
