/**
 * The run matrix: which cells (model × condition × item) a run has, in the
 * order the runner visits them, and which are still missing on resume.
 *
 * Order is MODEL-MAJOR (each model answers all its cells before the next
 * model loads, so M models cost M loads), and within a model ITEM-MAJOR
 * (item 1 under every condition, then item 2, …), so a run paused part-way
 * still holds paired answers to compare conditions on. Rejected:
 * condition-major within a model, which leaves a paused run with one
 * condition complete and another not started.
 */
import { AppError, err, ok, type Result } from '../errors';
import type { PromptSet } from '../prompts/types';
import { conditionId, validateCondition } from '../retrieval/conditions';
import type { Condition } from '../retrieval/types';
import { validateSettings } from './generation-settings';
import { selectItems } from './select-items';
import { resultId, type RunConfig, type RunEnvironment, type RunRecord } from './types';

/** One answer to produce. */
export interface Cell {
  modelId: string;
  conditionId: string;
  condition: Condition;
  itemId: string;
}

export interface MatrixSize {
  models: number;
  conditions: number;
  items: number;
  cells: number;
}

export function matrixSize(
  config: Pick<RunConfig, 'modelIds' | 'conditions'>,
  itemCount: number,
): MatrixSize {
  const models = config.modelIds.length;
  const conditions = config.conditions.length;
  return { models, conditions, items: itemCount, cells: models * conditions * itemCount };
}

/** Every cell of the run, model-major, item-major within a model. */
export function planCells(run: Pick<RunRecord, 'config' | 'itemIds'>): Cell[] {
  const conditions = run.config.conditions.map((condition) => ({ condition, id: conditionId(condition) }));
  const cells: Cell[] = [];
  for (const modelId of run.config.modelIds) {
    for (const itemId of run.itemIds) {
      for (const { condition, id } of conditions) {
        cells.push({ modelId, conditionId: id, condition, itemId });
      }
    }
  }
  return cells;
}

/** The cells with no stored result, in planned order. */
export function missingCells(
  run: Pick<RunRecord, 'id' | 'config' | 'itemIds'>,
  existingResultIds: Iterable<string>,
): Cell[] {
  const existing = new Set(existingResultIds);
  return planCells(run).filter((cell) => !existing.has(cellResultId(run.id, cell)));
}

export function cellResultId(runId: string, cell: Cell): string {
  return resultId(runId, cell.modelId, cell.conditionId, cell.itemId);
}

export interface NewRunInput {
  id: string;
  name: string;
  config: RunConfig;
  set: PromptSet;
  environment: RunEnvironment;
  now: number;
}

/** Checks a configuration and fixes its items; the run starts as a draft. */
export function createRun(input: NewRunInput): Result<RunRecord> {
  const { config } = input;
  const invalid = (message: string, action: string) => err(new AppError('run-invalid', { message, action }));
  if (config.modelIds.length === 0) return invalid('The run has no model.', 'Choose at least one model.');
  if (new Set(config.modelIds).size !== config.modelIds.length)
    return invalid('A model is chosen twice.', 'Choose each model once.');
  if (config.conditions.length === 0)
    return invalid('The run has no condition.', 'Choose at least one condition.');
  for (const condition of config.conditions) {
    const check = validateCondition(condition);
    if (!check.ok) return invalid(`A condition is not valid: ${check.error}.`, 'Correct the condition.');
  }
  const ids = config.conditions.map(conditionId);
  if (new Set(ids).size !== ids.length)
    return invalid('Two conditions are the same.', 'Remove the duplicate condition.');
  const settings = validateSettings(config.settings);
  if (!settings.ok) return settings;
  const items = selectItems(input.set, config.selection);
  if (!items.ok) return items;
  return ok({
    id: input.id,
    name: input.name,
    config,
    itemIds: items.value.map((item) => item.id),
    status: 'draft',
    environment: input.environment,
    skipped: [],
    createdAt: input.now,
    updatedAt: input.now,
  });
}
