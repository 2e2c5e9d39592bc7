/**
 * Turns a valibot issue path into the path a person reads in an error:
 * `payload.results[12].verdicts`. valibot's own `getDotPath` writes array
 * indexes as `results.12`, which reads like a key rather than a position.
 */
import type * as v from 'valibot';

export function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string') path += path === '' ? key : `.${key}`;
  }
  return path === '' ? '(the whole file)' : path;
}
