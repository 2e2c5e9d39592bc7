/**
 * The page's side of the import worker: the same calls as `ImportApi`, with
 * errors rebuilt as `AppError`s and a saved set's items fetched in pieces so
 * no single message takes the main thread long. `cancel` stops the worker
 * (a parse cannot be interrupted from outside); the next call starts a fresh
 * one. A worker that dies (`error` event) fails the calls in flight with
 * `worker-crashed` instead of leaving them pending.
 *
 * `createImporter` takes the connection, so tests run the same client over
 * the service in process (`inProcess`), without a worker.
 */
import * as Comlink from 'comlink';
import { AppError, ok, type Result } from '../core/errors';
import type { ColumnMapping } from '../core/prompts/column-mapping';
import type { ImportPreview, ImportProgress } from '../core/prompts/import';
import type { ImportSummary } from '../core/prompts/import-session';
import type { PromptItem, PromptSet } from '../core/prompts/types';
import type { Answer, ImportApi, PlainError, SaveRequest } from '../../workers/import-api';

/** Items per message when a saved set comes to the page: ~2 MB, a few ms to receive. */
export const ITEMS_PER_FETCH = 10_000;

export interface OpenedImport {
  preview: ImportPreview;
  outcome: Result<ImportSummary>;
}

export type ImportStage = ImportProgress['phase'] | 'saving' | 'loading';

export interface Importer {
  open(
    file: Blob,
    fileName: string,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<Result<OpenedImport>>;
  outcome(mapping: ColumnMapping | undefined): Promise<Result<ImportSummary>>;
  /** Builds, stores (when `request.database` is given) and returns the whole set. */
  save(request: SaveRequest, onLoaded: (fraction: number) => void): Promise<Result<PromptSet>>;
  /** Stops what is running; calls in flight fail, and the next call starts afresh. */
  cancel(): void;
}

export interface ImportConnection {
  api: ImportApi;
  /** Makes a callback callable from the other side (`Comlink.proxy` for a worker). */
  callback<T extends (...args: never[]) => unknown>(fn: T): T;
  /** Calls `onCrash` if the other side dies; returns nothing to undo. */
  watch(onCrash: (error: AppError) => void): void;
  terminate(): void;
}

export function fromPlain(error: PlainError): AppError {
  return new AppError(error.code, { message: error.message, action: error.action, line: error.line });
}

function result<T>(answer: Answer<T>): Result<T> {
  return answer.ok ? answer : { ok: false, error: fromPlain(answer.error) };
}

export function createImporter(connect: () => ImportConnection): Importer {
  let connection: ImportConnection | undefined;
  const inFlight = new Set<(error: AppError) => void>();

  const stop = (error: AppError) => {
    for (const reject of inFlight) reject(error);
    inFlight.clear();
  };
  const current = (): ImportConnection => {
    if (!connection) {
      const opened = connect();
      opened.watch((error) => {
        if (connection === opened) connection = undefined;
        stop(error);
      });
      connection = opened;
    }
    return connection;
  };
  function call<T>(work: (api: ImportApi, link: ImportConnection) => Promise<T>): Promise<T> {
    const link = current();
    return new Promise<T>((resolve, reject) => {
      inFlight.add(reject);
      work(link.api, link).then(
        (value) => {
          inFlight.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          inFlight.delete(reject);
          reject(error instanceof AppError ? error : crashError(String(error)));
        },
      );
    });
  }

  return {
    async open(file, fileName, onProgress) {
      const opened = await call((api, link) => api.open(file, fileName, link.callback(onProgress)));
      if (!opened.ok) return result(opened);
      return ok({ preview: opened.value.preview, outcome: result(opened.value.outcome) });
    },
    async outcome(mapping) {
      return result(await call((api) => api.outcome(mapping)));
    },
    async save(request, onLoaded) {
      const saved = await call((api) => api.save(request));
      if (!saved.ok) return result(saved);
      const { set, itemCount } = saved.value;
      const items: PromptItem[] = [];
      while (items.length < itemCount) {
        const piece = await call((api) => api.items(items.length, ITEMS_PER_FETCH));
        if (piece.length === 0) break;
        for (const item of piece) items.push(item);
        onLoaded(items.length / itemCount);
      }
      void call((api) => api.close());
      return ok({ ...set, items });
    },
    cancel() {
      const link = connection;
      connection = undefined;
      link?.terminate();
      stop(new AppError('load-cancelled', { message: 'The import was cancelled.' }));
    },
  };
}

function crashError(detail: string): AppError {
  return new AppError('worker-crashed', {
    message: `The import worker stopped: ${detail}`,
    action: 'Choose the file again. If it happens again, reload the page.',
  });
}

/** The real connection: a module worker per import session, wrapped with comlink. */
export function workerConnection(): ImportConnection {
  const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'floorcheck-import',
  });
  const api = Comlink.wrap<ImportApi>(worker);
  return {
    api,
    callback: (fn) => Comlink.proxy(fn),
    watch(onCrash) {
      worker.addEventListener('error', (event: ErrorEvent) => {
        event.preventDefault();
        onCrash(crashError(event.message || 'it failed to start or ran out of memory.'));
      });
    },
    terminate() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** The same service in this thread: for tests, with no worker to start. */
export function inProcess(api: ImportApi): () => ImportConnection {
  return () => ({ api, callback: (fn) => fn, watch: () => undefined, terminate: () => undefined });
}
