/**
 * Floorcheck's own prompt-set file format: the `PromptSet` as JSON
 * (`{"name", "items": [...], ...}`), checked with valibot. Optional fields get
 * their defaults here so a hand-written file can stay short: an item needs
 * only `prompt` (and `answers` when it is factual); ids are filled by
 * position. `builtin` is dropped: an imported set is always the user's own.
 * Problems are reported with the field path (`items[3].answers`).
 */

import * as v from 'valibot';
import { AppError, err, ok, type Result } from '../errors';
import type { CorpusDoc, PromptItem, PromptSet } from './types';

const text = v.pipe(v.string(), v.trim());
const textList = v.array(text);

const ItemSchema = v.object({
  id: v.optional(text),
  prompt: v.pipe(text, v.minLength(1, 'the prompt is empty')),
  answers: v.optional(textList, []),
  incorrectAnswers: v.optional(textList),
  kind: v.optional(v.picklist(['factual', 'open'])),
  tags: v.optional(textList, []),
  docIds: v.optional(textList),
  sourceUrls: v.optional(textList),
});

/** Latest time a JavaScript Date can hold, in ms since 1970 (ECMA-262, "Time Values"). */
const MAX_TIME_MS = 8.64e15;
/**
 * A time in ms since 1970. `1e400` reads as Infinity, which JSON cannot write
 * back (it becomes null), so only times a Date can hold are accepted.
 */
const time = v.pipe(
  v.number(),
  v.finite('not a time Floorcheck can store (expected milliseconds since 1970)'),
  v.minValue(0, 'not a time Floorcheck can store (expected milliseconds since 1970)'),
  v.maxValue(MAX_TIME_MS, 'not a time Floorcheck can store (expected milliseconds since 1970)'),
);

const DocSchema = v.object({ id: text, title: v.optional(v.string(), ''), text: v.string() });

const SetSchema = v.object({
  id: v.optional(text),
  name: v.optional(text),
  description: v.optional(v.string(), ''),
  source: v.optional(v.string(), ''),
  licence: v.optional(v.string(), ''),
  items: v.array(ItemSchema),
  corpus: v.optional(v.array(DocSchema)),
  createdAt: v.optional(time),
  updatedAt: v.optional(time),
});

/** True when a parsed JSON document looks like a Floorcheck set (an object with `items`). */
export function looksLikeFloorcheckSet(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'items' in value;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const step of issue.path ?? []) {
    out +=
      typeof step.key === 'number' ? `[${step.key}]` : out === '' ? String(step.key) : `.${String(step.key)}`;
  }
  return out || 'the set';
}

export interface SetDefaults {
  id: string;
  name: string;
}

/** Reads a Floorcheck set document, filling ids, kinds and names that were left out. */
export function readFloorcheckSet(value: unknown, defaults: SetDefaults): Result<PromptSet> {
  const parsed = v.safeParse(SetSchema, value);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = pathOf(issue);
    return err(
      new AppError('set-invalid', {
        message: `${where}: ${issue.message}`,
        action: 'Fix that field; the Floorcheck format is described in docs/file-formats.md.',
      }),
    );
  }
  const data = parsed.output;
  const width = Math.max(4, String(data.items.length).length);
  const items: PromptItem[] = data.items.map((raw, index) => {
    const item: PromptItem = {
      id: raw.id || `item-${String(index + 1).padStart(width, '0')}`,
      prompt: raw.prompt,
      answers: raw.answers.filter((a) => a !== ''),
      kind: raw.kind ?? (raw.answers.length > 0 ? 'factual' : 'open'),
      tags: raw.tags,
    };
    if (raw.incorrectAnswers) item.incorrectAnswers = raw.incorrectAnswers;
    if (raw.docIds) item.docIds = raw.docIds;
    if (raw.sourceUrls) item.sourceUrls = raw.sourceUrls;
    return item;
  });
  const set: PromptSet = {
    id: data.id || defaults.id,
    name: data.name || defaults.name,
    description: data.description,
    source: data.source,
    licence: data.licence,
    items,
  };
  if (data.corpus)
    set.corpus = data.corpus.map((d): CorpusDoc => ({ id: d.id, title: d.title, text: d.text }));
  if (data.createdAt !== undefined) set.createdAt = data.createdAt;
  if (data.updatedAt !== undefined) set.updatedAt = data.updatedAt;
  return ok(set);
}
