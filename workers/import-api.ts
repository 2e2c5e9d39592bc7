/**
 * The interface between the page and the import worker, which reads, parses
 * and converts prompt-set files off the main thread (a 49 MiB CSV blocked the
 * page for up to 18 s when it was parsed there, three times). The worker
 * checks its implementation against `ImportApi` with `satisfies`; the page
 * wraps it with `Comlink.wrap<ImportApi>` and imports this file with
 * `import type` only.
 *
 * Only what the screen needs crosses: the preview and summaries are bounded
 * (a few rows and items, whatever the file's size). Saving stores the set from
 * the worker, so the page never clones a large set into IndexedDB on its own
 * thread; the page then fetches the saved items in pieces (`items`), each
 * small enough to arrive within a frame or two. Expected failures come back as
 * results holding plain errors (`PlainError`), since structured cloning keeps
 * neither an Error's class nor its code; progress goes through a
 * `Comlink.proxy` callback.
 */

import type { ErrorCode } from '../src/core/errors';
import type { ColumnMapping } from '../src/core/prompts/column-mapping';
import type { ImportPreview, ImportProgress } from '../src/core/prompts/import';
import type { BuildRequest, ImportSummary } from '../src/core/prompts/import-session';
import type { PromptItem, PromptSet } from '../src/core/prompts/types';

/** An `AppError` as data. */
export interface PlainError {
  code: ErrorCode;
  message: string;
  action?: string;
  line?: number;
}

export type Answer<T> = { ok: true; value: T } | { ok: false; error: PlainError };

export interface OpenedFile {
  preview: ImportPreview;
  /** What saving would store under the recognised layout or the suggested mapping. */
  outcome: Answer<ImportSummary>;
}

export interface SaveRequest extends BuildRequest {
  /** The IndexedDB database to store the set in; absent when the page has none (sets last the session). */
  database?: string;
}

/** The saved set without its items, which the page fetches with `items`. */
export interface SavedSet {
  set: Omit<PromptSet, 'items'>;
  itemCount: number;
}

export interface ImportApi {
  /** Reads and parses a file, replacing any file opened before. */
  open(
    file: Blob,
    fileName: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<Answer<OpenedFile>>;
  /** What saving the open file under `mapping` would store (the mapping is ignored for a recognised layout). */
  outcome(mapping: ColumnMapping | undefined): Promise<Answer<ImportSummary>>;
  /** Builds the set under `request.mapping` and stores it in `request.database`, when given. */
  save(request: SaveRequest): Promise<Answer<SavedSet>>;
  /** Items of the set last saved, `count` from `from`. */
  items(from: number, count: number): Promise<PromptItem[]>;
  /** Forgets the open file and the saved set. */
  close(): Promise<void>;
}
