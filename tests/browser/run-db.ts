/** Reads what IndexedDB holds, straight from the page, for browser tests of runs. */
import type { Page } from 'playwright-core';

export interface StoredCounts {
  /** Answers per run id, in either layout: per-cell summaries (runs made here) and packed answers (imported runs). */
  results: Record<string, number>;
  /** Of those, the packed ones (schema v6: `result-pack-ids` lists them). */
  packed: Record<string, number>;
  /** Entries in the packed details records per run id: one per answer ever written (a redone cell adds one). */
  details: Record<string, number>;
  runs: { id: string; status: string; name: string }[];
}

export function storedCounts(page: Page): Promise<StoredCounts> {
  return page.evaluate(
    () =>
      new Promise<StoredCounts>((resolve, reject) => {
        const open = indexedDB.open('floorcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['runs', 'results', 'result-details', 'result-pack-ids']);
          const out: StoredCounts = { results: {}, packed: {}, details: {}, runs: [] };
          const runs = tx.objectStore('runs').getAll();
          const results = tx.objectStore('results').getAll();
          const details = tx.objectStore('result-details').getAll();
          const packIds = tx.objectStore('result-pack-ids').getAll();
          tx.oncomplete = () => {
            db.close();
            for (const run of runs.result as { id: string; status: string; name: string }[]) {
              out.runs.push({ id: run.id, status: run.status, name: run.name });
            }
            for (const result of results.result as { runId: string }[]) {
              out.results[result.runId] = (out.results[result.runId] ?? 0) + 1;
            }
            for (const record of packIds.result as { runId: string; ids: string[] }[]) {
              out.results[record.runId] = (out.results[record.runId] ?? 0) + record.ids.length;
              out.packed[record.runId] = (out.packed[record.runId] ?? 0) + record.ids.length;
            }
            for (const record of details.result as { runId: string; byResult: Record<string, unknown> }[]) {
              out.details[record.runId] =
                (out.details[record.runId] ?? 0) + Object.keys(record.byResult).length;
            }
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The number before " of " in a counts text ("25 of 180 answers"). */
export function doneIn(text: string | null): number {
  return Number((text ?? '0').split(' ')[0]?.replace(/,/g, ''));
}
