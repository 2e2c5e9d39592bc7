/**
 * Turns what IndexedDB throws into `AppError`s: a full disk
 * (`QuotaExceededError`, whatever wraps it) becomes `storage-quota-exceeded`,
 * the rest `storage-failed`, each with what to do next.
 */
import { AppError, isAppError } from '../core/errors';

function errorName(cause: unknown): string | undefined {
  if (cause && typeof cause === 'object' && 'name' in cause && typeof cause.name === 'string')
    return cause.name;
  return undefined;
}

export function isQuotaError(cause: unknown): boolean {
  for (let current = cause, depth = 0; current && depth < 4; depth++) {
    if (errorName(current) === 'QuotaExceededError') return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}

export function toStorageError(cause: unknown, doing: string): AppError {
  if (isAppError(cause)) return cause;
  if (isQuotaError(cause)) {
    return new AppError('storage-quota-exceeded', {
      message: `The browser's storage for this site is full, so ${doing} failed.`,
      action: 'Free space (delete old runs or cached models), then resume; nothing already saved is lost.',
      cause,
    });
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new AppError('storage-failed', {
    message: `${doing[0]?.toUpperCase() ?? ''}${doing.slice(1)} failed: ${detail}`,
    action: 'Try again; if it keeps failing, export your runs and reload the page.',
    cause,
  });
}

/** Runs one storage operation, rethrowing its failure as an AppError. */
export async function guard<T>(doing: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (cause) {
    throw toStorageError(cause, doing);
  }
}
