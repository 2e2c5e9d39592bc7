/**
 * Checks a schema cannot make, because they span records: a run's declared
 * matrix against RUN_LIMITS (core/runs/run-limits.ts, where the reasons are),
 * and each result against its run (its model, condition and item must be
 * ones the run configures).
 */
import { conditionId, parseConditionId, validateCondition } from '../retrieval/conditions';
import { RUN_LIMITS } from '../runs/run-limits';
import type { ResultRecord, RunRecord } from '../runs/types';
import { count } from './problems';

export { RUN_LIMITS };

/** A problem found in one record: `path` is relative to the record. */
export interface RecordProblem {
  path: string;
  problem: string;
}

/** What results are checked against. */
export interface RunIndex {
  models: ReadonlySet<string>;
  conditions: ReadonlySet<string>;
  items: ReadonlySet<string>;
}

const SEE_LIMITS = 'see "Limits" in docs/file-formats.md';

function overLimit(what: string, found: number, limit: number): string {
  return `the run declares ${count(found)} ${what}; a comparison file may hold at most ${count(limit)} per run (${SEE_LIMITS})`;
}

function firstRepeat(values: readonly string[]): number {
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) return index;
    seen.add(value);
  }
  return -1;
}

function longId(values: readonly string[]): number {
  return values.findIndex((value) => value.length > RUN_LIMITS.idChars);
}

/** The first problem with a run's declared shape, or undefined. Sizes are checked before anything is iterated. */
export function checkRunShape(run: RunRecord): RecordProblem | undefined {
  const { modelIds, conditions } = run.config;
  const models = modelIds.length;
  const items = run.itemIds.length;
  if (models > RUN_LIMITS.models)
    return { path: 'config.modelIds', problem: overLimit('models', models, RUN_LIMITS.models) };
  if (conditions.length > RUN_LIMITS.conditions) {
    return {
      path: 'config.conditions',
      problem: overLimit('conditions', conditions.length, RUN_LIMITS.conditions),
    };
  }
  if (models * conditions.length > RUN_LIMITS.columns) {
    return {
      path: 'config',
      problem: overLimit('model × condition columns', models * conditions.length, RUN_LIMITS.columns),
    };
  }
  if (items > RUN_LIMITS.items)
    return { path: 'itemIds', problem: overLimit('items', items, RUN_LIMITS.items) };
  const cells = models * conditions.length * items;
  if (cells > RUN_LIMITS.cells) {
    return {
      path: 'config',
      problem: overLimit('answers (models × conditions × items)', cells, RUN_LIMITS.cells),
    };
  }
  if (run.id.length > RUN_LIMITS.idChars) {
    return { path: 'id', problem: `a run id may be at most ${count(RUN_LIMITS.idChars)} characters` };
  }
  for (const [path, values, what] of [
    ['config.modelIds', modelIds, 'model'],
    ['itemIds', run.itemIds, 'item'],
  ] as const) {
    const long = longId(values);
    if (long >= 0)
      return {
        path: `${path}[${long}]`,
        problem: `a ${what} id may be at most ${count(RUN_LIMITS.idChars)} characters`,
      };
    const repeat = firstRepeat(values);
    if (repeat >= 0)
      return {
        path: `${path}[${repeat}]`,
        problem: `${what} ${JSON.stringify(values[repeat])} is listed twice`,
      };
  }
  for (const [index, condition] of conditions.entries()) {
    const check = validateCondition(condition);
    if (!check.ok) return { path: `config.conditions[${index}]`, problem: check.error };
  }
  const repeat = firstRepeat(conditions.map(conditionId));
  if (repeat >= 0)
    return { path: `config.conditions[${repeat}]`, problem: 'the same condition is listed twice' };
  return undefined;
}

export function indexRun(run: RunRecord): RunIndex {
  return {
    models: new Set(run.config.modelIds),
    conditions: new Set(run.config.conditions.map(conditionId)),
    items: new Set(run.itemIds),
  };
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}…` : text);
}

/** The first way a result disagrees with its run, or undefined. */
export function checkResultAgainstRun(result: ResultRecord, run: RunIndex): RecordProblem | undefined {
  if (!run.models.has(result.modelId)) {
    return { path: 'modelId', problem: `model ${quoted(result.modelId)} is not one the run configures` };
  }
  if (!run.conditions.has(result.conditionId)) {
    const parsed = parseConditionId(result.conditionId);
    return {
      path: 'conditionId',
      problem: parsed.ok
        ? `condition ${quoted(result.conditionId)} is not one the run configures`
        : `${quoted(result.conditionId)} is not a condition id (expected one like "closed-book", "context:ok" or "tool:distractor@0.5")`,
    };
  }
  if (!run.items.has(result.itemId)) {
    return { path: 'itemId', problem: `item ${quoted(result.itemId)} is not one of the run's items` };
  }
  return undefined;
}
