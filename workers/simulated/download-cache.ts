/**
 * Which simulated models are "downloaded", kept where the real engine keeps
 * its weights (the Cache API), so a reload finds them downloaded as it finds
 * web-llm's. A simulated download stores no weights: each entry holds only
 * the model's size in bytes, so it costs a few bytes of the site's storage.
 *
 * A seam (interface, Cache API implementation, in-memory one for Node tests
 * and for pages without the Cache API). IndexedDB was rejected: the app's
 * database belongs to src/storage and its migrations, and this is the
 * engine's cache, not the app's data, just as web-llm's is.
 */

export interface DownloadCache {
  /** Every downloaded model id with its size in bytes. */
  list(): Promise<Map<string, number>>;
  put(modelId: string, bytes: number): Promise<void>;
  delete(modelId: string): Promise<void>;
}

export function memoryDownloadCache(initial: Iterable<[string, number]> = []): DownloadCache {
  const entries = new Map(initial);
  return {
    list: async () => new Map(entries),
    put: async (modelId, bytes) => void entries.set(modelId, bytes),
    delete: async (modelId) => void entries.delete(modelId),
  };
}

export const SIMULATED_CACHE_NAME = 'floorcheck-simulated-models';
const KEY_PREFIX = '/floorcheck-simulated-model/';

/** The Cache API store; `base` is the scope's own address (keys must be http(s) URLs). */
export function cacheApiDownloadCache(
  storage: CacheStorage,
  base: string,
  name = SIMULATED_CACHE_NAME,
): DownloadCache {
  const key = (modelId: string) => new URL(KEY_PREFIX + encodeURIComponent(modelId), base).href;
  const open = () => storage.open(name);
  return {
    async list() {
      const cache = await open();
      const found = new Map<string, number>();
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (!path.startsWith(KEY_PREFIX)) continue;
        const response = await cache.match(request);
        const bytes = Number(await response?.text());
        if (Number.isFinite(bytes) && bytes >= 0) {
          found.set(decodeURIComponent(path.slice(KEY_PREFIX.length)), bytes);
        }
      }
      return found;
    },
    async put(modelId, bytes) {
      await (await open()).put(key(modelId), new Response(String(bytes)));
    },
    async delete(modelId) {
      await (await open()).delete(key(modelId));
    },
  };
}

/** The Cache API where the scope has one (a worker, a page), memory elsewhere (Node). */
export function defaultDownloadCache(): DownloadCache {
  if (typeof caches === 'undefined' || typeof location === 'undefined') return memoryDownloadCache();
  return cacheApiDownloadCache(caches, location.href);
}
