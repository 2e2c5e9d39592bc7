/**
 * The Prompt sets screen's state: built-in sets (read-only, from core) and the
 * user's stored sets, the one selected, an import in progress (previewed
 * before anything is saved) and the last deletion, kept in memory for ~10 s so
 * it can be undone. Parsing, mapping, editing and validation all happen in
 * `src/core/prompts`; this class only calls them and stores the results.
 *
 * Without a database (IndexedDB refused) stored sets live in memory for the
 * session, and the screen says so; built-in sets stay browsable either way.
 * Undo keeps the whole previous set rather than an inverse operation: edits
 * are pure and return new sets, so the old value is already at hand.
 */
import { AppError, toAppError, type Result } from '../core/errors';
import { BUILTIN_SETS } from '../core/prompts/builtin';
import type { ColumnMapping } from '../core/prompts/column-mapping';
import * as edit from '../core/prompts/edit';
import { importPromptSet, previewImport, type ImportedSet, type ImportPreview } from '../core/prompts/import';
import type { CorpusDoc, PromptItem, PromptSet } from '../core/prompts/types';
import { validatePromptSet } from '../core/prompts/validate';
import type { FloorcheckDb } from '../storage/db';
import { deletePromptSet, listPromptSets, putPromptSet } from '../storage/prompt-sets';

/** How long a deletion can be undone. */
export const UNDO_MS = 10_000;
/** How long a plain notice ("Saved …") stays. */
const NOTICE_MS = 5_000;

export interface ImportDraft {
  fileName: string;
  bytes: Uint8Array;
  preview: ImportPreview;
  name: string;
  /** The columns chosen by the person; only used when no layout was recognised. */
  mapping: ColumnMapping | undefined;
  /** What saving would store right now (or why it cannot). */
  outcome: Result<ImportedSet>;
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
  timer: ReturnType<typeof setTimeout>;
}

function stem(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  return last.replace(/\.[^.]+$/, '') || last;
}

export class PromptSetsState {
  readonly #db: FloorcheckDb | null;
  readonly #now: () => number;
  #stored = $state.raw<PromptSet[]>([]);
  #loaded = $state(false);
  #selectedId = $state<string | null>(null);
  #error = $state.raw<AppError | null>(null);
  #draft = $state.raw<ImportDraft | null>(null);
  #importError = $state.raw<AppError | null>(null);
  #notice = $state.raw<Notice | null>(null);
  #undo: UndoEntry | null = null;
  #noticeCount = 0;

  constructor(db: FloorcheckDb | null, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
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

  /** Reads a file and shows what it holds; nothing is saved until `saveImport`. */
  previewFile(bytes: Uint8Array, fileName: string): void {
    this.#importError = null;
    this.#draft = null;
    const preview = previewImport(bytes, fileName);
    if (!preview.ok) {
      this.#importError = preview.error;
      return;
    }
    const mapping = preview.value.layout ? undefined : (preview.value.suggestedMapping ?? { question: '' });
    this.#draft = this.#withOutcome({
      fileName,
      bytes,
      preview: preview.value,
      name: stem(fileName),
      mapping,
    });
  }

  /** The person read the file and the browser refused (permissions, a vanished file). */
  failFile(cause: unknown): void {
    this.#draft = null;
    this.#importError = toAppError(cause, 'parse-unknown-format');
  }

  renameImport(name: string): void {
    if (this.#draft) this.#draft = { ...this.#draft, name };
  }

  mapColumns(mapping: ColumnMapping): void {
    if (this.#draft) this.#draft = this.#withOutcome({ ...this.#draft, mapping });
  }

  cancelImport(): void {
    this.#draft = null;
    this.#importError = null;
  }

  async saveImport(): Promise<boolean> {
    const draft = this.#draft;
    if (!draft) return false;
    const name = draft.name.trim() || stem(draft.fileName);
    const imported = importPromptSet(draft.bytes, draft.fileName, {
      mapping: draft.mapping,
      name,
      id: this.#freshId(`import-${stem(draft.fileName)}`),
    });
    if (!imported.ok) {
      this.#importError = imported.error;
      return false;
    }
    const now = this.#now();
    const set: PromptSet = { ...imported.value.set, createdAt: now, updatedAt: now };
    if (!(await this.#put(set))) return false;
    this.#draft = null;
    this.#selectedId = set.id;
    this.#announce(`Saved "${set.name}" with ${set.items.length} items.`, false);
    return true;
  }

  #withOutcome(draft: Omit<ImportDraft, 'outcome'>): ImportDraft {
    const needsMapping = draft.preview.layout === undefined;
    const outcome =
      needsMapping && !draft.mapping?.question
        ? {
            ok: false as const,
            error: new AppError('parse-no-question-column', {
              message: 'Choose the column that holds the questions.',
              line: 1,
            }),
          }
        : importPromptSet(draft.bytes, draft.fileName, { mapping: draft.mapping });
    return { ...draft, outcome };
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
    this.#rememberForUndo(set);
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
      this.#announce(`Restored "${entry.before.name}".`, false);
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
      true,
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
      true,
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
    undoable = false,
  ): Promise<AppError | null> {
    const before = this.#stored.find((s) => s.id === id);
    if (!before) return new AppError('not-found', { message: `The set "${id}" is not stored.` });
    const changed = change(before, this.#now());
    if (!changed.ok) return changed.error;
    const valid = validatePromptSet(changed.value);
    if (!valid.ok) return valid.error;
    if (!(await this.#put(valid.value))) return this.#error;
    if (undoable) this.#rememberForUndo(before);
    this.#announce(done, undoable);
    return null;
  }

  async #put(set: PromptSet): Promise<boolean> {
    try {
      if (this.#db) await putPromptSet(this.#db, $state.snapshot(set) as PromptSet);
    } catch (cause) {
      this.#error = toAppError(cause, 'storage-failed');
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

  #rememberForUndo(before: PromptSet): void {
    if (this.#undo) clearTimeout(this.#undo.timer);
    const timer = setTimeout(() => {
      this.#undo = null;
    }, UNDO_MS);
    this.#undo = { before, timer };
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
