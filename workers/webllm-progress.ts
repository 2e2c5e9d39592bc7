/**
 * web-llm's `InitProgressReport {progress, timeElapsed, text}` as our
 * `LoadProgress`. web-llm reports three stages, each running its own 0→1:
 * "Fetching param cache[i/n]: 120MB fetched. 15% completed, …" (download),
 * "Loading model from cache[i/n]: …MB loaded" (cache), "Loading GPU shader
 * modules[i/n]" (compile), then "Finish loading on …" (ready). One bar is
 * friendlier than three, so fetching fills 0–0.9 and compiling 0.9–1.
 * Shards and bytes come from the text when present; total bytes are estimated
 * from the loaded bytes and the stage's fraction.
 */
import type { LoadProgress } from './api';

export interface InitProgressLike {
  progress: number;
  timeElapsed: number;
  text: string;
}

const FETCH_SHARE = 0.9;
const SHARDS = /\[(\d+)\/(\d+)\]/;
const MEGABYTES = /(\d+(?:\.\d+)?)\s*MB (?:fetched|loaded)/;

export function toLoadProgress(report: InitProgressLike, elapsedMs?: number): LoadProgress {
  const stage = clamp01(report.progress);
  const phase = phaseOf(report.text, stage);
  const fraction =
    phase === 'ready'
      ? 1
      : phase === 'compile'
        ? FETCH_SHARE + (1 - FETCH_SHARE) * stage
        : FETCH_SHARE * stage;
  const progress: LoadProgress = {
    fraction,
    text: report.text,
    elapsedMs: elapsedMs ?? Math.round(report.timeElapsed * 1000),
    phase,
  };
  const shards = SHARDS.exec(report.text);
  if (shards?.[1] && shards[2] && phase !== 'compile') {
    progress.shard = Number(shards[1]);
    progress.shards = Number(shards[2]);
  }
  const mb = MEGABYTES.exec(report.text);
  if (mb?.[1]) {
    progress.loadedBytes = Math.round(Number(mb[1]) * 1024 * 1024);
    if (stage > 0) progress.totalBytes = Math.round(progress.loadedBytes / stage);
  }
  return progress;
}

function phaseOf(text: string, stage: number): LoadProgress['phase'] {
  if (/^Finish loading/i.test(text)) return 'ready';
  if (/shader|compil/i.test(text)) return 'compile';
  if (/from cache/i.test(text)) return 'cache';
  if (/fetch/i.test(text)) return 'download';
  return stage >= 1 ? 'ready' : 'download';
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
