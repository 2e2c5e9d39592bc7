/**
 * The Prompt sets screen's state: built-in sets (read-only, from core) and the
 * user's stored sets, the one selected, an import in progress (previewed
 * before anything is saved) and the last deletion, kept in memory for ~10 s so
 * it can be undone. Parsing, mapping, editing and validation all happen in
 * `src/core/prompts`; this class only calls them and stores the results.
 *
 * Files are read, parsed and converted in the import worker (`importer.ts`):
 * the page holds only the bounded preview and a summary of what saving would
 * store, asks again whenever the mapping changes, and enables Save only once
 * the answer for the mapping in hand has come back. Answers that arrive for an
 * earlier file or mapping are dropped. Saving stores the set from the worker.
 *
 * Without a database (IndexedDB refused) stored sets live in memory for the
 * session, and the screen says so; built-in sets stay browsable either way.
 * Undo keeps the whole previous set rather than an inverse operation: edits
 * are pure and return new sets, so the old value is already at hand.
 */
import { AppError, toAppError, type Result } from '../core/errors';
import { BUILTIN_SETS } from '../core/prompts/builtin';
import type { ColumnMapping } from '../core/prompts/column-mapping';
import { checkImportSize } from '../core/prompts/decode';
import * as edit from '../core/prompts/edit';
import type { ImportPreview } from '../core/prompts/import';
import type { ImportSummary } from '../core/prompts/import-session';
import type { CorpusDoc, PromptItem, PromptSet } from '../core/prompts/types';
import { validatePromptSet } from '../core/prompts/validate';
import type { FloorcheckDb } from '../storage/db';
import { deletePromptSet, listPromptSets, putPromptSet } from '../storage/prompt-sets';
import { createImporter, workerConnection, type Importer, type ImportStage } from './importer';

/** How long a deletion can be undone. */
export const UNDO_MS = 10_000;
/** How long a plain notice ("Saved …") stays. */
const NOTICE_MS = 5_000;

export interface ImportDraft {
  fileName: string;
  preview: ImportPreview;
  name: string;
  /** The columns chosen by the person; only used when no layout was recognised. */
  mapping: ColumnMapping | undefined;
  /** What saving would store under `mapping` (or why it cannot); undefined while being worked out. */
  outcome: Result<ImportSummary> | undefined;
}

/** Long work on a file in progress: which step, and how far when the step can tell. */
export interface ImportActivity {
  fileName: string;
  stage: ImportStage;
  fraction?: number;
}

/**
 * Storage failures in words true for sets: the shared message for a full disk
 * says "then resume", which is a run's word; a set is simply saved again.
 */
export function setStorageError(cause: unknown, what: string): AppError {
  const error = toAppError(cause, 'storage-failed');
  if (error.code !== 'storage-quota-exceeded') return error;
  return new AppError('storage-quota-exceeded', {
    message: `The browser's storage for this site is full, so ${what} was not saved.`,
    action:
      'Free space (delete runs or sets you no longer need, or cached models), then save again; what is already saved is kept.',
    cause: error,
  });
}

export interface Notice {
  id: number;
  text: string;
  /** Present while the change can be undone. */
  canUndo: boolean;
}

interface UndoEntry {
  /** The set as it was before the change (a deleted set, or the set before an item went). */
  before: PromptSet;
  /** What the undo puts back, in words: `the set "X"`, `item "q3" in "X"`. */
  what: string;
  timer: ReturnType<typeof setTimeout>;
}

function stem(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  return last.replace(/\.[^.]+$/, '') || last;
}

export class PromptSetsState {
  readonly #db: FloorcheckDb | null;
  readonly #now: () => number;
  readonly #importer: Importer;
  #stored = $state.raw<PromptSet[]>([]);
  #loaded = $state(false);
  #selectedId = $state<string | null>(null);
  #error = $state.raw<AppError | null>(null);
  #draft = $state.raw<ImportDraft | null>(null);
  #importError = $state.raw<AppError | null>(null);
  #activity = $state.raw<ImportActivity | null>(null);
  #saveError = $state.raw<AppError | null>(null);
  /** Bumped for every new file or cancel: answers about an older file are dropped. */
  #fileTurn = 0;
  /** Bumped for every mapping asked about: only the latest answer is shown. */
  #mappingTurn = 0;
  #notice = $state.raw<Notice | null>(null);
  #undo: UndoEntry | null = null;
  #noticeCount = 0;

  constructor(
    db: FloorcheckDb | null,
    now: () => number = Date.now,
    importer: Importer = createImporter(workerConnection),
  ) {
    this.#db = db;
    this.#now = now;
    this.#importer = importer;
  }

  get builtin(): readonly PromptSet[] {
    return BUILTIN_SETS;
  }
  get stored(): PromptSet[] {
    return this.#stored;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  /** False when IndexedDB is unavailable: stored sets last for this session only. */
  get persistent(): boolean {
    return this.#db !== null;
  }
  get selectedId(): string | null {
    return this.#selectedId;
  }
  get selected(): PromptSet | undefined {
    const id = this.#selectedId;
    return this.#stored.find((s) => s.id === id) ?? BUILTIN_SETS.find((s) => s.id === id);
  }
  get error(): AppError | null {
    return this.#error;
  }
  get draft(): ImportDraft | null {
    return this.#draft;
  }
  get importError(): AppError | null {
    return this.#importError;
  }
  /** A file being read, or a set being saved; null when nothing runs. */
  get activity(): ImportActivity | null {
    return this.#activity;
  }
  /** Why the last Save failed (the preview stays, so it can be saved again). */
  get saveError(): AppError | null {
    return this.#saveError;
  }
  /** A set is being saved (or its items fetched); a new file waits until it is done. */
  get saving(): boolean {
    const stage = this.#activity?.stage;
    return stage === 'saving' || stage === 'loading';
  }
  /** Save is offered only when the answer for the mapping in hand says the file makes a valid set. */
  get canSave(): boolean {
    return this.#draft?.outcome?.ok === true && this.#activity === null;
  }
  get notice(): Notice | null {
    return this.#notice;
  }

  async load(): Promise<void> {
    if (this.#db) {
      try {
        const sets = await listPromptSets(this.#db);
        this.#stored = sets.sort((a, b) => a.name.localeCompare(b.name));
      } catch (cause) {
        this.#error = toAppError(cause, 'storage-failed');
      }
    }
    this.#loaded = true;
  }

  select(id: string | null): void {
    this.#selectedId = id;
  }

  dismissError(): void {
    this.#error = null;
  }

  // ---- import ---------------------------------------------------------------

  /** Reads a file (in the import worker) and shows what it holds; nothing is saved until `saveImport`. */
  async importFile(file: Blob, fileName: string): Promise<void> {
    if (this.saving) return;
    if (this.#activity) this.#importer.cancel();
    const turn = this.#startFile();
    const size = checkImportSize(file.size);
    if (!size.ok) {
      this.#importError = size.error;
      return;
    }
    this.#activity = { fileName, stage: 'decoding' };
    // Progress travels on its own channel and may arrive after the answer: late reports are dropped.
    let answered = false;
    try {
      const opened = await this.#importer.open(file, fileName, (progress) => {
        if (!answered && turn === this.#fileTurn)
          this.#activity = { fileName, stage: progress.phase, fraction: progress.fraction };
      });
      answered = true;
      if (turn !== this.#fileTurn) return;
      this.#activity = null;
      if (!opened.ok) {
        this.#importError = opened.error;
        return;
      }
      const { preview, outcome } = opened.value;
      this.#draft = {
        fileName,
        preview,
        name: stem(fileName),
        mapping: preview.layout ? undefined : (preview.suggestedMapping ?? { question: '' }),
        outcome,
      };
    } catch (cause) {
      answered = true;
      if (turn !== this.#fileTurn) return;
      this.#activity = null;
      this.#importError = toAppError(cause, 'parse-unknown-format');
    }
  }

  renameImport(name: string): void {
    if (this.#draft) this.#draft = { ...this.#draft, name };
  }

  /** A new mapping: Save waits until the worker says what it gives. */
  async mapColumns(mapping: ColumnMapping): Promise<void> {
    if (!this.#draft) return;
    const turn = this.#fileTurn;
    const asked = ++this.#mappingTurn;
    this.#saveError = null;
    this.#draft = { ...this.#draft, mapping, outcome: undefined };
    let outcome: Result<ImportSummary>;
    try {
      outcome = await this.#importer.outcome(mapping);
    } catch (cause) {
      outcome = { ok: false, error: toAppError(cause, 'worker-crashed') };
    }
    if (turn !== this.#fileTurn || asked !== this.#mappingTurn || !this.#draft) return;
    this.#draft = { ...this.#draft, outcome };
  }

  /** Drops the file (stopping a read in progress); a save under way is left to finish. */
  cancelImport(): void {
    if (this.saving) return;
    if (this.#activity) this.#importer.cancel();
    this.#startFile();
  }

  async saveImport(): Promise<boolean> {
    const draft = this.#draft;
    if (!draft || !this.canSave) return false;
    const name = draft.name.trim() || stem(draft.fileName);
    const fileName = draft.fileName;
    this.#saveError = null;
    this.#activity = { fileName, stage: 'saving' };
    let saved: Result<PromptSet>;
    try {
      saved = await this.#importer.save(
        {
          mapping: draft.mapping,
          name,
          id: this.#freshId(`import-${stem(fileName)}`),
          now: this.#now(),
          database: this.#db?.name,
        },
        (fraction) => (this.#activity = { fileName, stage: 'loading', fraction }),
      );
    } catch (cause) {
      saved = { ok: false, error: toAppError(cause, 'worker-crashed') };
    }
    this.#activity = null;
    if (!saved.ok) {
      this.#saveError = setStorageError(saved.error, 'the set');
      return false;
    }
    const set = saved.value;
    this.#stored = [...this.#stored.filter((s) => s.id !== set.id), set].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    this.#draft = null;
    this.#selectedId = set.id;
    this.#announce(`Saved "${set.name}" with ${set.items.length.toLocaleString('en')} items.`, false);
    return true;
  }

  #startFile(): number {
    this.#draft = null;
    this.#importError = null;
    this.#saveError = null;
    this.#activity = null;
    return ++this.#fileTurn;
  }

  // ---- whole sets -------------------------------------------------------------

  async createSet(): Promise<void> {
    const set = edit.createEmptySet(this.#freshId('set'), 'New set', { now: this.#now() });
    if (await this.#put(set)) {
      this.#selectedId = set.id;
      this.#announce(`Created "${set.name}".`, false);
    }
  }

  async duplicate(id: string): Promise<void> {
    const source = this.#find(id);
    if (!source) return;
    const copy = edit.duplicateSet(source, this.#freshId(`${source.id}-copy`), { now: this.#now() });
    if (await this.#put(copy)) {
      this.#selectedId = copy.id;
      this.#announce(`Duplicated as "${copy.name}"; the copy is editable.`, false);
    }
  }

  async deleteSet(id: string): Promise<void> {
    const set = this.#stored.find((s) => s.id === id);
    if (!set) return;
    try {
      if (this.#db) await deletePromptSet(this.#db, id);
    } catch (cause) {
      this.#error = toAppError(cause, 'storage-failed');
      return;
    }
    this.#stored = this.#stored.filter((s) => s.id !== id);
    if (this.#selectedId === id) this.#selectedId = null;
    this.#rememberForUndo(set, `the set "${set.name}"`);
    this.#announce(`Deleted "${set.name}".`, true);
  }

  /** Puts back the set as it was before the last deletion. */
  async undo(): Promise<void> {
    const entry = this.#undo;
    if (!entry) return;
    clearTimeout(entry.timer);
    this.#undo = null;
    if (await this.#put(entry.before)) {
      this.#selectedId = entry.before.id;
      this.#announce(`Restored ${entry.what}.`, false);
    }
  }

  dismissNotice(): void {
    this.#notice = null;
  }

  // ---- editing a stored set ----------------------------------------------------

  updateInfo(
    id: string,
    patch: Partial<Pick<PromptSet, 'name' | 'description' | 'source' | 'licence'>>,
  ): Promise<AppError | null> {
    return this.#edit(id, (set, now) => edit.updateSetInfo(set, patch, { now }), 'Saved the set details.');
  }

  addItem(id: string, item: PromptItem): Promise<AppError | null> {
    return this.#edit(id, (set, now) => edit.addItem(set, item, { now }), `Added item "${item.id}".`);
  }

  updateItem(id: string, itemId: string, patch: Partial<Omit<PromptItem, 'id'>>): Promise<AppError | null> {
    return this.#edit(
      id,
      (set, now) => edit.updateItem(set, itemId, patch, { now }),
      `Saved item "${itemId}".`,
    );
  }

  deleteItem(id: string, itemId: string): Promise<AppError | null> {
    return this.#edit(
      id,
      (set, now) => edit.deleteItem(set, itemId, { now }),
      `Deleted item "${itemId}".`,
      `item "${itemId}"`,
    );
  }

  addDoc(id: string, doc: CorpusDoc): Promise<AppError | null> {
    return this.#edit(id, (set, now) => edit.addDoc(set, doc, { now }), `Added document "${doc.id}".`);
  }

  updateDoc(id: string, docId: string, patch: Partial<Omit<CorpusDoc, 'id'>>): Promise<AppError | null> {
    return this.#edit(
      id,
      (set, now) => edit.updateDoc(set, docId, patch, { now }),
      `Saved document "${docId}".`,
    );
  }

  deleteDoc(id: string, docId: string): Promise<AppError | null> {
    return this.#edit(
      id,
      (set, now) => edit.deleteDoc(set, docId, { now }),
      `Deleted document "${docId}" and its links.`,
      `document "${docId}" and its links`,
    );
  }

  /** A suggestion for a new item's id: the first `item-N` not yet used. */
  nextItemId(id: string): string {
    const used = new Set(this.#find(id)?.items.map((i) => i.id));
    let n = used.size + 1;
    while (used.has(`item-${n}`)) n++;
    return `item-${n}`;
  }

  nextDocId(id: string): string {
    const used = new Set(this.#find(id)?.corpus?.map((d) => d.id));
    let n = used.size + 1;
    while (used.has(`doc-${n}`)) n++;
    return `doc-${n}`;
  }

  // ---- internals ---------------------------------------------------------------

  async #edit(
    id: string,
    change: (set: PromptSet, now: number) => Result<PromptSet>,
    done: string,
    /** What an undo would put back, for changes that can be undone. */
    undoable?: string,
  ): Promise<AppError | null> {
    const before = this.#stored.find((s) => s.id === id);
    if (!before) return new AppError('not-found', { message: `The set "${id}" is not stored.` });
    const changed = change(before, this.#now());
    if (!changed.ok) return changed.error;
    const valid = validatePromptSet(changed.value);
    if (!valid.ok) return valid.error;
    if (!(await this.#put(valid.value))) return this.#error;
    if (undoable) this.#rememberForUndo(before, `${undoable} in "${before.name}"`);
    this.#announce(done, undoable !== undefined);
    return null;
  }

  async #put(set: PromptSet): Promise<boolean> {
    try {
      if (this.#db) await putPromptSet(this.#db, $state.snapshot(set) as PromptSet);
    } catch (cause) {
      this.#error = setStorageError(cause, 'the change');
      return false;
    }
    const others = this.#stored.filter((s) => s.id !== set.id);
    this.#stored = [...others, set].sort((a, b) => a.name.localeCompare(b.name));
    return true;
  }

  #find(id: string): PromptSet | undefined {
    return this.#stored.find((s) => s.id === id) ?? BUILTIN_SETS.find((s) => s.id === id);
  }

  #freshId(base: string): string {
    const clean =
      base
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'set';
    const taken = (candidate: string) => this.#find(candidate) !== undefined;
    if (!taken(clean)) return clean;
    let n = 2;
    while (taken(`${clean}-${n}`)) n++;
    return `${clean}-${n}`;
  }

  #rememberForUndo(before: PromptSet, what: string): void {
    if (this.#undo) clearTimeout(this.#undo.timer);
    const timer = setTimeout(() => {
      this.#undo = null;
    }, UNDO_MS);
    this.#undo = { before, what, timer };
  }

  /** Shows a notice; it goes by itself (with its Undo, when the undo window closes). */
  #announce(text: string, canUndo: boolean): void {
    if (!canUndo && this.#undo) {
      clearTimeout(this.#undo.timer);
      this.#undo = null;
    }
    const notice: Notice = { id: ++this.#noticeCount, text, canUndo };
    this.#notice = notice;
    setTimeout(
      () => {
        if (this.#notice?.id === notice.id) this.#notice = null;
      },
      canUndo ? UNDO_MS : NOTICE_MS,
    );
  }
}
