/**
 * The words a run's progress is shown in: status, per-model state, counts and
 * time left. One home, so the panel in this tab, the panel for a run in
 * another tab and the tests say the same thing.
 */
import { formatDuration } from '../format/units';
import type { ModelProgress, RunProgress } from './progress';
import type { RunStatus } from './types';

/** A draft is shown only while it starts: "draft" flashed at the start of every run. */
export function runStatusLabel(status: RunStatus): string {
  return status === 'draft' ? 'starting' : status;
}

export function modelStateLabel(model: Pick<ModelProgress, 'state' | 'done'>): string {
  if (model.state === 'cancelled' && model.done === 0) return 'not run';
  if (model.state === 'paused' && model.done === 0) return 'not started';
  return model.state;
}

const count = (n: number) => n.toLocaleString('en');

/** "10 of 20 answers · 10 not run (skipped model)": the plan, not only what was answered. */
export function countsText(progress: Pick<RunProgress, 'done' | 'total' | 'notRun'>): string {
  const base = `${count(progress.done)} of ${count(progress.total)} answers`;
  return progress.notRun > 0 ? `${base} · ${count(progress.notRun)} not run (skipped model)` : base;
}

/** Time left for the run, or null when there is nothing to say (stopped, or done). */
export function runEtaText(progress: RunProgress): string | null {
  if (progress.status !== 'running' || progress.done + progress.notRun >= progress.total) return null;
  if (progress.etaMs !== null) return `about ${formatDuration(progress.etaMs)} left`;
  if (progress.etaAtLeastMs !== null)
    return `at least ${formatDuration(progress.etaAtLeastMs)} left (estimating the rest…)`;
  return 'estimating time left…';
}

/** Time left for one model while the run is running and the model has cells left. */
export function modelEtaText(progress: Pick<RunProgress, 'status'>, model: ModelProgress): string | null {
  if (progress.status !== 'running' || model.done >= model.total || model.state === 'skipped') return null;
  if (model.etaMs !== null) return `~${formatDuration(model.etaMs)} left`;
  return model.state === 'answering' ? 'estimating…' : null;
}
