/**
 * Persistent storage: asked for before the first run, so the browser does not
 * evict answers under storage pressure. Both helpers degrade to a plain
 * answer where the Storage API is missing (older browsers, some private modes).
 */

export type PersistenceAnswer = 'granted' | 'denied' | 'unsupported';

export async function requestPersistentStorage(): Promise<PersistenceAnswer> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

export interface StorageFigures {
  /** Bytes used by this site. */
  usage: number;
  /** Bytes the browser allows this site. */
  quota: number;
}

export async function storageEstimate(): Promise<StorageFigures | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const { usage = 0, quota = 0 } = await storage.estimate();
    return { usage, quota };
  } catch {
    return null;
  }
}
