/**
 * "Download report": gathers the open run (and the compared one) from the
 * results source, has src/core/report write the HTML chunk by chunk into a
 * Blob (never one string, so a large run does not hit the string limit) and
 * hands it to the browser as a download.
 */
import type { AppStamp, ComparisonPayload } from '../core/exchange/envelope';
import type { PromptSet } from '../core/prompts/types';
import { reportChunks } from '../core/report/report-html';
import type { ResultsSource } from './results-source';

async function payloadOf(source: ResultsSource, runIds: readonly string[]): Promise<ComparisonPayload> {
  const payload: ComparisonPayload = { runs: [], results: [], sets: [] };
  for (const id of new Set(runIds)) {
    const run = await source.getRun(id);
    if (!run) continue;
    payload.runs.push(run);
    payload.results.push(...(await source.listResults(id)));
    const set = await source.getSet(run.config.setId);
    if (set && !payload.sets.some((s: PromptSet) => s.id === set.id)) payload.sets.push(set);
  }
  return payload;
}

/** Downloads the report as `fileName`; false when none of the runs is stored (nothing written). */
export async function downloadReport(
  source: ResultsSource,
  runIds: readonly (string | undefined)[],
  app: AppStamp,
  fileName: string,
): Promise<boolean> {
  const payload = await payloadOf(
    source,
    runIds.filter((id): id is string => id !== undefined),
  );
  if (payload.runs.length === 0) return false;
  const blob = new Blob([...reportChunks({ payload, app, generatedAt: Date.now() })], { type: 'text/html' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
}
