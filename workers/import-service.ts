/**
 * `ImportApi` over core's `ImportSession`, with storage passed in: the import
 * worker gives it IndexedDB, tests give it a fake. The file arrives as a Blob
 * (a cheap handle: the bytes are read here, never on the page) and lives in
 * the session until the next `open` or `close`.
 */

import { AppError, toAppError, type Result } from '../src/core/errors';
import { ImportSession } from '../src/core/prompts/import-session';
import type { PromptSet } from '../src/core/prompts/types';
import type { Answer, ImportApi, PlainError } from './import-api';

export interface ImportServiceDeps {
  /** Stores a set in the named database. Failures reject (an AppError where the storage layer made one). */
  store(set: PromptSet, database: string): Promise<void>;
}

export function plainError(error: AppError): PlainError {
  const plain: PlainError = { code: error.code, message: error.message };
  if (error.action) plain.action = error.action;
  if (error.line !== undefined) plain.line = error.line;
  return plain;
}

function answer<T>(result: Result<T>): Answer<T> {
  return result.ok ? result : { ok: false, error: plainError(result.error) };
}

function noFile(): Answer<never> {
  return answer({
    ok: false,
    error: new AppError('not-found', {
      message: 'No file is open for import.',
      action: 'Choose the file again.',
    }),
  });
}

export function createImportService(deps: ImportServiceDeps): ImportApi {
  let session: ImportSession | undefined;
  let saved: PromptSet | undefined;

  return {
    async open(file, fileName, onProgress) {
      session = undefined;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const opened = ImportSession.open(bytes, fileName, { onProgress });
      if (!opened.ok) return answer(opened);
      session = opened.value;
      onProgress?.({ phase: 'converting' });
      const mapping = session.needsMapping ? session.preview.suggestedMapping : undefined;
      return { ok: true, value: { preview: session.preview, outcome: answer(session.outcome(mapping)) } };
    },

    async outcome(mapping) {
      return session ? answer(session.outcome(mapping)) : noFile();
    },

    async save(request) {
      if (!session) return noFile();
      const built = session.build(request);
      if (!built.ok) return answer(built);
      if (request.database !== undefined) {
        try {
          await deps.store(built.value, request.database);
        } catch (cause) {
          return answer({ ok: false, error: toAppError(cause, 'storage-failed') });
        }
      }
      saved = built.value;
      const { items, ...set } = built.value;
      return { ok: true, value: { set, itemCount: items.length } };
    },

    async items(from, count) {
      return saved?.items.slice(from, from + count) ?? [];
    },

    async close() {
      session = undefined;
      saved = undefined;
    },
  };
}
