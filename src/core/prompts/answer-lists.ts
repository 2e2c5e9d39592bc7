/** Splitting answer cells into lists and giving rows stable ids. */

import type { Cell } from './table';

/**
 * A cell as a list of answers: lists kept as they are, text split on the
 * separator (spaces around it ignored, so TruthfulQA's trailing "; " leaves no
 * empty answer). Empty entries and exact repeats are dropped, order kept.
 */
export function splitAnswers(cell: Cell | undefined, separator?: string): string[] {
  if (cell === undefined) return [];
  const sep = separator?.trim() || separator;
  const parts = Array.isArray(cell) ? cell : sep ? cell.split(sep) : [cell];
  if (parts.length === 1) {
    const answer = (parts[0] ?? '').trim();
    return answer === '' ? [] : [answer];
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const answer = part.trim();
    if (answer === '' || seen.has(answer)) continue;
    seen.add(answer);
    out.push(answer);
  }
  return exactSize(out);
}

/**
 * A copy of a list that was grown by `push`, holding only its elements: V8
 * leaves room for ~16 more after the first push, which on a million items is
 * hundreds of MB of empty slots.
 */
export function exactSize<T>(list: T[]): T[] {
  return list.length === 0 ? [] : [...list];
}

/** `simpleqa-0001`: the prefix and the 1-based row number, padded to at least 4 digits. */
export function rowId(prefix: string, index: number, total: number): string {
  const width = Math.max(4, String(total).length);
  return `${prefix}-${String(index + 1).padStart(width, '0')}`;
}

/** Lowercase, hyphenated, ASCII-only text for ids made from names. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'set';
}
