/**
 * User prompt sets. Built-in sets ship with the app and are merged in by the
 * caller; they are never stored, so an app update can change them.
 */
import type { PromptSet } from '../core/prompts/types';
import type { FloorcheckDb } from './db';
import { guard } from './storage-errors';

export function listPromptSets(db: FloorcheckDb): Promise<PromptSet[]> {
  return guard('reading prompt sets', () => db.getAll('promptSets'));
}

export function getPromptSet(db: FloorcheckDb, id: string): Promise<PromptSet | undefined> {
  return guard('reading a prompt set', () => db.get('promptSets', id));
}

export async function putPromptSet(db: FloorcheckDb, set: PromptSet): Promise<void> {
  await guard('saving the prompt set', () => db.put('promptSets', set));
}

export async function deletePromptSet(db: FloorcheckDb, id: string): Promise<void> {
  await guard('deleting the prompt set', () => db.delete('promptSets', id));
}
