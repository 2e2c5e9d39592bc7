/**
 * The page side of `npm run smoke:gpu`: the app's own engine client and
 * worker (src/engine/client.ts, workers/engine.worker.ts, built by vite as
 * for production), the real runner, cell executor and grader, and the
 * built-in "Stable facts" set, on one model. It returns the run record and
 * its results; the Node script prints the figures and writes the file.
 * Progress goes to the console (`smoke:` lines), which the script relays.
 */
import type { AdapterFacts } from '../../src/core/engine/adapter';
import { toAppError } from '../../src/core/errors';
import { buildCatalog } from '../../src/core/models/catalog';
import { stableFacts } from '../../src/core/prompts/builtin/stable-facts';
import type { PromptSet } from '../../src/core/prompts/types';
import { closedBook, contextCondition, toolCondition } from '../../src/core/retrieval/conditions';
import { createCellExecutor } from '../../src/core/runs/cell-executor';
import { DEFAULT_GENERATION_SETTINGS } from '../../src/core/runs/generation-settings';
import { MemoryRunStore } from '../../src/core/runs/memory-store';
import { modelEnvironment } from '../../src/core/runs/model-request';
import { createRun } from '../../src/core/runs/plan';
import { RunScheduler } from '../../src/core/runs/runner';
import type { ResultRecord, RunConfig, RunEnvironment, RunRecord } from '../../src/core/runs/types';
import { createEngineClient } from '../../src/engine/client';

export interface SmokeInput {
  model: string;
  items: number;
  appVersion: string;
}

export type SmokeOutput =
  | {
      ok: true;
      adapter: AdapterFacts;
      engineLabel: string;
      /** From the start of loading to ready (download included when the model was not cached). */
      loadMs: number;
      run: RunRecord;
      results: ResultRecord[];
      set: PromptSet;
    }
  | { ok: false; code: string; message: string; action?: string; adapter?: AdapterFacts };

function log(text: string): void {
  console.log(`smoke: ${text}`);
}

async function runSmoke(input: SmokeInput): Promise<SmokeOutput> {
  const client = createEngineClient();
  let adapter: AdapterFacts | undefined;
  try {
    const info = await client.init({ kind: 'webllm' });
    adapter = await client.capabilities();
    const { models, cachedIds } = await client.catalog([]);
    const entry = buildCatalog(models, cachedIds, adapter).find((m) => m.id === input.model);
    const record = models.find((m) => m.id === input.model);
    if (!record || !entry) {
      return {
        ok: false,
        code: 'model-not-found',
        message: `${input.model} is not a chat model in web-llm ${info.webllmVersion ?? ''}'s catalog (or is over the catalog's size cut-off).`,
        action: 'Pick a model id from the Models screen.',
        adapter,
      };
    }
    if (entry.unavailable) {
      return { ok: false, code: 'model-not-runnable', message: entry.unavailable.reason, adapter };
    }
    log(entry.cached ? 'model is cached; loading' : 'model is not cached; downloading');
    const set: PromptSet = { ...stableFacts, items: stableFacts.items.slice(0, input.items) };
    const config: RunConfig = {
      setId: set.id,
      setName: set.name,
      selection: { tags: [] },
      modelIds: [input.model],
      conditions: [closedBook(), contextCondition(), toolCondition()],
      settings: DEFAULT_GENERATION_SETTINGS,
    };
    const environment: RunEnvironment = {
      appVersion: input.appVersion,
      engine: 'webllm',
      userAgent: navigator.userAgent,
      adapter: {
        vendor: adapter.vendor,
        architecture: adapter.architecture,
        description: adapter.description,
      },
      models: [modelEnvironment(input.model, record.capabilities, config.settings, info.webllmVersion)],
    };
    if (info.webllmVersion) environment.webllmVersion = info.webllmVersion;
    const created = createRun({
      id: `smoke-${Date.now()}`,
      name: `smoke:gpu ${input.model}`,
      config,
      set,
      environment,
      now: Date.now(),
    });
    if (!created.ok) return { ok: false, code: created.error.code, message: created.error.message, adapter };
    const store = new MemoryRunStore();
    let loadMs = 0;
    let lastShown = -1;
    const scheduler = new RunScheduler(created.value, {
      engine: client,
      store,
      executor: createCellExecutor({
        set,
        settings: config.settings,
        capabilitiesOf: () => record.capabilities,
      }),
      clock: () => performance.now(),
      onEvent: (event) => {
        if (event.type === 'load') {
          loadMs = event.progress.elapsedMs;
          const tenth = Math.floor(event.progress.fraction * 10);
          if (tenth !== lastShown)
            log(`load ${Math.round(event.progress.fraction * 100)}%: ${event.progress.text}`);
          lastShown = tenth;
        }
        if (event.type === 'cell') {
          const verdict =
            event.result.error?.code ?? event.result.verdicts.deterministic?.verdict ?? 'ungraded';
          log(`${event.cell.conditionId} ${event.cell.itemId}: ${verdict} (${Math.round(event.ms)} ms)`);
        }
      },
    });
    const outcome = await scheduler.start();
    return {
      ok: true,
      adapter,
      engineLabel: info.label,
      loadMs,
      run: outcome.run,
      results: store.resultsOf(outcome.run.id),
      set,
    };
  } catch (error) {
    const appError = toAppError(error);
    const failed: SmokeOutput = { ok: false, code: appError.code, message: appError.message };
    if (appError.action) failed.action = appError.action;
    if (adapter) failed.adapter = adapter;
    return failed;
  } finally {
    client.terminate();
  }
}

(window as unknown as { FloorcheckSmoke: { run: typeof runSmoke } }).FloorcheckSmoke = { run: runSmoke };
