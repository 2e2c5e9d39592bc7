/**
 * Editing a prompt set, as pure functions: each takes a set and returns a new
 * one (the input is never mutated, so the editor can keep the previous value
 * for undo). Ids and timestamps come in as parameters; core has no clock and
 * no randomness. Built-in sets refuse edits: the user duplicates them first.
 * Expected failures (an unknown id, a clash) return a Result naming the item.
 */

import { AppError, err, ok, type Result } from '../errors';
import type { CorpusDoc, PromptItem, PromptSet } from './types';

export interface EditStamp {
  /** Milliseconds since the epoch, recorded as `updatedAt`. */
  now?: number;
}

function refuseBuiltin(set: PromptSet): AppError | undefined {
  if (!set.builtin) return undefined;
  return new AppError('set-invalid', {
    message: `"${set.name}" is a built-in set and cannot be edited in place.`,
    action: 'Duplicate it, then edit the copy.',
  });
}

function notFound(what: string, id: string, set: PromptSet): AppError {
  return new AppError('not-found', { message: `${what} "${id}" is not in the set "${set.name}".` });
}

function touched(set: PromptSet, changes: Partial<PromptSet>, stamp: EditStamp): PromptSet {
  const next: PromptSet = { ...set, ...changes };
  if (stamp.now !== undefined) next.updatedAt = stamp.now;
  return next;
}

/** A new, empty, editable set. */
export function createEmptySet(id: string, name: string, stamp: EditStamp = {}): PromptSet {
  const set: PromptSet = {
    id,
    name,
    description: '',
    source: 'Written in Floorcheck',
    licence: '',
    items: [],
  };
  if (stamp.now !== undefined) {
    set.createdAt = stamp.now;
    set.updatedAt = stamp.now;
  }
  return set;
}

/** Changes the set's own fields (name, description, source, licence). */
export function updateSetInfo(
  set: PromptSet,
  patch: Partial<Pick<PromptSet, 'name' | 'description' | 'source' | 'licence'>>,
  stamp: EditStamp = {},
): Result<PromptSet> {
  const refused = refuseBuiltin(set);
  if (refused) return err(refused);
  if (patch.name !== undefined && patch.name.trim() === '') {
    return err(new AppError('set-invalid', { message: 'A set needs a name.' }));
  }
  return ok(touched(set, patch, stamp));
}

/** An editable copy: a new id, "(copy)" after the name, never built-in. */
export function duplicateSet(set: PromptSet, newId: string, stamp: EditStamp = {}): PromptSet {
  const copy: PromptSet = structuredClone(set);
  copy.id = newId;
  copy.name = `${set.name} (copy)`;
  delete copy.builtin;
  delete copy.createdAt;
  delete copy.updatedAt;
  if (stamp.now !== undefined) {
    copy.createdAt = stamp.now;
    copy.updatedAt = stamp.now;
  }
  return copy;
}

function withItem(
  set: PromptSet,
  itemId: string,
  change: (item: PromptItem) => Result<PromptItem>,
  stamp: EditStamp,
): Result<PromptSet> {
  const refused = refuseBuiltin(set);
  if (refused) return err(refused);
  const index = set.items.findIndex((i) => i.id === itemId);
  const current = set.items[index];
  if (!current) return err(notFound('The item', itemId, set));
  const changed = change(current);
  if (!changed.ok) return changed;
  const items = set.items.slice();
  items[index] = changed.value;
  return ok(touched(set, { items }, stamp));
}

/** Appends an item; its id must be new to the set. */
export function addItem(set: PromptSet, item: PromptItem, stamp: EditStamp = {}): Result<PromptSet> {
  const refused = refuseBuiltin(set);
  if (refused) return err(refused);
  if (set.items.some((i) => i.id === item.id)) {
    return err(
      new AppError('set-invalid', { message: `item "${item.id}": the id is already used in this set.` }),
    );
  }
  return ok(touched(set, { items: [...set.items, item] }, stamp));
}

/** Changes an item's fields; the id stays. */
export function updateItem(
  set: PromptSet,
  itemId: string,
  patch: Partial<Omit<PromptItem, 'id'>>,
  stamp: EditStamp = {},
): Result<PromptSet> {
  return withItem(set, itemId, (item) => ok({ ...item, ...patch, id: item.id }), stamp);
}

export function deleteItem(set: PromptSet, itemId: string, stamp: EditStamp = {}): Result<PromptSet> {
  const refused = refuseBuiltin(set);
  if (refused) return err(refused);
  if (!set.items.some((i) => i.id === itemId)) return err(notFound('The item', itemId, set));
  return ok(touched(set, { items: set.items.filter((i) => i.id !== itemId) }, stamp));
}

/** Adds an accepted answer (an alias after the canonical one); repeats are refused. */
export function addAnswer(
  set: PromptSet,
  itemId: string,
  answer: string,
  stamp: EditStamp = {},
): Result<PromptSet> {
  const text = answer.trim();
  return withItem(
    set,
    itemId,
    (item) => {
      if (text === '')
        return err(new AppError('set-invalid', { message: `item "${itemId}": the answer is empty.` }));
      if (item.answers.includes(text)) {
        return err(
          new AppError('set-invalid', { message: `item "${itemId}": "${text}" is already an answer.` }),
        );
      }
      return ok({ ...item, answers: [...item.answers, text] });
    },
    stamp,
  );
}

/** Removes the answer at `index` (0 is the canonical answer; the next becomes canonical). */
export function removeAnswer(
  set: PromptSet,
  itemId: string,
  index: number,
  stamp: EditStamp = {},
): Result<PromptSet> {
  return withItem(
    set,
    itemId,
    (item) => {
      if (index < 0 || index >= item.answers.length) {
        return err(
          new AppError('not-found', { message: `item "${itemId}": there is no answer ${index + 1}.` }),
        );
      }
      return ok({ ...item, answers: item.answers.filter((_, i) => i !== index) });
    },
    stamp,
  );
}

/** Adds a corpus document; its id must be new to the corpus. */
export function addDoc(set: PromptSet, doc: CorpusDoc, stamp: EditStamp = {}): Result<PromptSet> {
  const refused = refuseBuiltin(set);
  if (refused) return err(refused);
  const corpus = set.corpus ?? [];
  if (corpus.some((d) => d.id === doc.id)) {
    return err(
      new AppError('set-invalid', {
        message: `document "${doc.id}": the id is already used in this corpus.`,
      }),
    );
  }
  return ok(touched(set, { corpus: [...corpus, doc] }, stamp));
}

export function updateDoc(
  set: PromptSet,
  docId: string,
  patch: Partial<Omit<CorpusDoc, 'id'>>,
  stamp: EditStamp = {},
): Result<PromptSet> {
  const refused = refuseBuiltin(set);
  if (refused) return err(refused);
  const corpus = set.corpus ?? [];
  if (!corpus.some((d) => d.id === docId)) return err(notFound('The document', docId, set));
  return ok(
    touched(set, { corpus: corpus.map((d) => (d.id === docId ? { ...d, ...patch, id: d.id } : d)) }, stamp),
  );
}

/** Deletes a document and every item's link to it, so no link dangles. */
export function deleteDoc(set: PromptSet, docId: string, stamp: EditStamp = {}): Result<PromptSet> {
  const refused = refuseBuiltin(set);
  if (refused) return err(refused);
  const corpus = set.corpus ?? [];
  if (!corpus.some((d) => d.id === docId)) return err(notFound('The document', docId, set));
  const items = set.items.map((item) => {
    if (!item.docIds?.includes(docId)) return item;
    return { ...item, docIds: item.docIds.filter((id) => id !== docId) };
  });
  return ok(touched(set, { corpus: corpus.filter((d) => d.id !== docId), items }, stamp));
}
