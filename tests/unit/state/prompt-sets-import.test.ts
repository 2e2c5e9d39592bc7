/**
 * The import flow of the Prompt sets screen, on the state class with the
 * worker's own service run in process (no worker) and fake IndexedDB: Save is
 * offered only for the mapping in hand, late answers are dropped, a full disk
 * says what is true for sets, and a `__proto__` column saves like any other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, type Result } from '../../../src/core/errors';
import type { ColumnMapping } from '../../../src/core/prompts/column-mapping';
import type { ImportSummary } from '../../../src/core/prompts/import-session';
import { MAX_IMPORT_BYTES } from '../../../src/core/prompts/limits';
import type { PromptSet } from '../../../src/core/prompts/types';
import { createImporter, inProcess, type Importer } from '../../../src/state/importer';
import { PromptSetsState, setStorageError } from '../../../src/state/prompt-sets.svelte';
import { getPromptSet, putPromptSet } from '../../../src/storage/prompt-sets';
import { openDatabase } from '../../../src/storage/db';
import { guard } from '../../../src/storage/storage-errors';
import { createImportService } from '../../../workers/import-service';
import { fixtureBytes } from '../core/prompts/load-fixture';
import { closeAll, openTestDb } from '../storage/test-db';

afterEach(closeAll);

/** The worker's service in this thread, storing through src/storage as the worker does. */
function localImporter(store?: (set: PromptSet, database: string) => Promise<void>): Importer {
  return createImporter(
    inProcess(
      createImportService({
        store:
          store ??
          (async (set, database) => {
            const db = await openDatabase({ name: database });
            if (!db.ok) throw db.error;
            await putPromptSet(db.value, set);
            db.value.close();
          }),
      }),
    ),
  );
}

const file = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]);

describe('importing a prompt-set file', () => {
  it('a "__proto__" column: no Save before the question is chosen, then the mapped items are stored', async () => {
    const db = await openTestDb();
    const sets = new PromptSetsState(db, () => 1000, localImporter());
    await sets.importFile(file(fixtureBytes('good/proto-columns.csv')), 'proto-columns.csv');
    expect(sets.draft?.preview.columns).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect(sets.draft?.preview.rows[0]?.[0]).toBe('What is the capital of France?');
    expect(sets.canSave).toBe(false);

    await sets.mapColumns({ question: '__proto__', answers: 'constructor', tags: ['hasOwnProperty'] });
    const outcome = sets.draft?.outcome;
    expect(outcome?.ok && outcome.value.itemCount).toBe(2);
    expect(sets.canSave).toBe(true);

    expect(await sets.saveImport()).toBe(true);
    const stored = await getPromptSet(db, 'import-proto-columns');
    expect(stored?.items.map((i) => [i.prompt, i.answers, i.tags])).toEqual([
      ['What is the capital of France?', ['Paris'], ['hasownproperty:geography']],
      ['What is 2+2?', ['4'], ['hasownproperty:maths']],
    ]);
    expect(stored?.createdAt).toBe(1000);
    expect(sets.stored.map((s) => s.id)).toEqual(['import-proto-columns']);
    expect(sets.notice?.text).toBe('Saved "proto-columns" with 2 items.');
  });

  it('while a mapping is being checked Save waits, and an earlier answer arriving late is dropped', async () => {
    const inner = localImporter();
    const held: { mapping: ColumnMapping | undefined; release: () => void }[] = [];
    const slow: Importer = {
      ...inner,
      outcome: (mapping) =>
        new Promise<Result<ImportSummary>>((resolve) => {
          held.push({ mapping, release: () => void inner.outcome(mapping).then(resolve) });
        }),
    };
    const sets = new PromptSetsState(null, () => 0, slow);
    await sets.importFile(file(fixtureBytes('good/proto-columns.csv')), 'proto-columns.csv');

    const first = sets.mapColumns({ question: '__proto__', answers: 'constructor' });
    const second = sets.mapColumns({ question: '__proto__' });
    expect(sets.draft?.outcome).toBeUndefined();
    expect(sets.canSave).toBe(false);
    held[1]?.release();
    await second;
    held[0]?.release();
    await first;
    const outcome = sets.draft?.outcome;
    // The second mapping (no answers column: open items) is what Save would store.
    expect(outcome?.ok && [outcome.value.itemCount, outcome.value.factualCount]).toEqual([2, 0]);
    expect(await sets.saveImport()).toBe(true);
    expect(sets.stored[0]?.items.every((i) => i.kind === 'open')).toBe(true);
  });

  it('a full disk while saving says to free space and save again (not "resume"), and keeps the preview', async () => {
    const db = await openTestDb();
    const full = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const sets = new PromptSetsState(
      db,
      () => 0,
      localImporter(() => guard('saving the prompt set', () => Promise.reject(full))),
    );
    await sets.importFile(file(fixtureBytes('good/mapped.tsv')), 'mapped.tsv');
    expect(sets.canSave).toBe(true);
    expect(await sets.saveImport()).toBe(false);
    expect(sets.saveError?.code).toBe('storage-quota-exceeded');
    expect(sets.saveError?.message).toBe(
      "The browser's storage for this site is full, so the set was not saved.",
    );
    expect(sets.saveError?.action).toContain('then save again');
    expect(sets.saveError?.detail).not.toContain('resume');
    expect(sets.draft?.fileName).toBe('mapped.tsv');
    expect(sets.canSave).toBe(true);
    expect(await getPromptSet(db, 'import-mapped')).toBeUndefined();
  });

  it('a file over the limit is refused before it is read, in bytes when the MiB figures would match', async () => {
    let opened = false;
    const inner = localImporter();
    const sets = new PromptSetsState(null, () => 0, {
      ...inner,
      open: (...args) => {
        opened = true;
        return inner.open(...args);
      },
    });
    await sets.importFile(new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]), 'big.csv');
    expect(opened).toBe(false);
    expect(sets.importError?.message).toBe(
      'The file is 52,428,801 bytes; the import limit is 52,428,800 bytes (50.0 MiB).',
    );
  });

  it('a bad file names its line and leaves no draft; cancelling a read leaves nothing behind', async () => {
    const sets = new PromptSetsState(null, () => 0, localImporter());
    await sets.importFile(file(fixtureBytes('bad/deep-nesting.jsonl')), 'deep-nesting.jsonl');
    expect(sets.draft).toBeNull();
    expect(sets.importError?.message).toMatch(/^line 2: the field "meta" is nested more than 64 levels deep/);

    let cancelled = false;
    const never: Importer = {
      ...localImporter(),
      open: () => new Promise(() => undefined),
      cancel: () => void (cancelled = true),
    };
    const other = new PromptSetsState(null, () => 0, never);
    void other.importFile(file(fixtureBytes('good/mapped.tsv')), 'mapped.tsv');
    expect(other.activity?.stage).toBe('decoding');
    other.cancelImport();
    expect(cancelled).toBe(true);
    expect([other.activity, other.draft, other.importError]).toEqual([null, null, null]);
  });
});

describe('storage errors for sets', () => {
  it('other storage failures pass through unchanged', () => {
    const failed = new AppError('storage-failed', { message: 'Saving failed: x' });
    expect(setStorageError(failed, 'the set')).toBe(failed);
  });
});
