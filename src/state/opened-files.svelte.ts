/**
 * Files opened from outside a screen (dropped anywhere on the page, picked
 * with "Open file…", opened with the installed app, or fetched from a
 * `?open=` link) wait here for the screen that reads them: the Results
 * screen takes comparison files, the Prompt sets screen takes prompt sets.
 * Which is which is src/core/open-file's decision, from the content.
 *
 * Only the first 64 KiB are read to decide; the screen reads the file itself,
 * with its own importer, progress and messages.
 */
import type { AppError } from '../core/errors';
import { openedFileKind, SNIFF_BYTES, type OpenedKind } from '../core/open-file/file-kind';

export interface OpenedFile {
  kind: OpenedKind;
  file: File;
}

export class OpenedFiles {
  #pending = $state.raw<OpenedFile | null>(null);
  #error = $state.raw<AppError | null>(null);

  /** The file waiting for its screen, if any. */
  get pending(): OpenedFile | null {
    return this.#pending;
  }
  /** Why the last file could not be opened (a link that failed, a file the browser would not read). */
  get error(): AppError | null {
    return this.#error;
  }

  /** Decides where `file` goes and leaves it for that screen; returns the kind. */
  async offer(file: File): Promise<OpenedKind> {
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const kind = openedFileKind(head);
    this.#error = null;
    this.#pending = { kind, file };
    return kind;
  }

  /** The pending file when it is of `kind`, removed from the inbox (a screen takes it once). */
  take(kind: OpenedKind): File | null {
    const pending = this.#pending;
    if (!pending || pending.kind !== kind) return null;
    this.#pending = null;
    return pending.file;
  }

  fail(error: AppError): void {
    this.#error = error;
  }

  dismissError(): void {
    this.#error = null;
  }
}
