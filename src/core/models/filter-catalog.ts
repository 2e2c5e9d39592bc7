/** Search and filter over catalog entries: what the catalog's search box and chips do. */
import type { CatalogEntry } from './catalog';

export interface CatalogFilter {
  /** Every whitespace-separated word must appear in the id, family or quantisation. */
  text?: string;
  family?: string;
  /** Billions of parameters; entries of unknown size are kept. */
  maxParamsB?: number;
  onlyCached?: boolean;
  /** Leave out what this adapter cannot run. */
  onlyRunnable?: boolean;
}

export function filterCatalog(entries: CatalogEntry[], filter: CatalogFilter): CatalogEntry[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    const haystack = `${entry.id} ${entry.family} ${entry.quantization}`.toLowerCase();
    if (!words.every((word) => haystack.includes(word))) return false;
    if (filter.family && entry.family !== filter.family) return false;
    if (filter.maxParamsB !== undefined && entry.paramsB !== undefined && entry.paramsB > filter.maxParamsB) {
      return false;
    }
    if (filter.onlyCached && !entry.cached) return false;
    if (filter.onlyRunnable && entry.unavailable) return false;
    return true;
  });
}

/** The families present, in order, for a family picker. */
export function catalogFamilies(entries: CatalogEntry[]): string[] {
  return [...new Set(entries.map((e) => e.family))].sort((a, b) => a.localeCompare(b));
}
