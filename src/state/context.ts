/** The app's shared state, handed down by context rather than imported as singletons (testable, one per page). */
import { getContext, setContext } from 'svelte';
import type { FloorcheckDb } from '../storage/db';
import type { EngineState } from './engine.svelte';
import type { Router } from './router.svelte';
import type { RunsState } from './runs.svelte';
import type { ResultsSource } from './results-source';
import type { ResultsState } from './results.svelte';
import type { JudgeState } from './judge.svelte';
import type { OpenedFiles } from './opened-files.svelte';
import type { SettingsState } from './settings.svelte';
import type { Theme } from './theme.svelte';

export interface AppContext {
  /** Null when IndexedDB could not be opened (the app says why). */
  db: FloorcheckDb | null;
  engine: EngineState;
  router: Router;
  runs: RunsState;
  /** The results screen's data source, and its state once that screen has been opened (kept across screens). */
  results: { source: ResultsSource; state?: ResultsState; judge?: JudgeState };
  settings: SettingsState;
  theme: Theme;
  /** Files opened from anywhere on the page, waiting for the screen that imports them. */
  opened: OpenedFiles;
}

const KEY = Symbol('floorcheck-app');

export function setAppContext(context: AppContext): AppContext {
  return setContext(KEY, context);
}

export function getAppContext(): AppContext {
  const context = getContext<AppContext | undefined>(KEY);
  if (!context) throw new Error('getAppContext() called outside <App>');
  return context;
}
