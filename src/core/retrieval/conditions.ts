/**
 * Conditions as data: stable ids, parsing them back, human labels, defaults.
 *
 * Ids are stored in every result record and in comparison files, so they must
 * never change meaning: `closed-book`, `context:ok`, `tool:distractor@0.5`,
 * with `;k=N` and `;calls=N` appended only when they differ from the defaults.
 * Rejected: JSON of the condition as its id (key order and float printing
 * would make equal conditions differ).
 */
import { AppError, err, ok, type Result } from '../errors';
import type { Condition, FaultMode } from './types';

export const DEFAULT_TOP_K = 3;
export const DEFAULT_MAX_CALLS = 3;
export const MAX_TOP_K = 20;
export const MAX_TOOL_CALLS = 10;
export const FAULT_MODES: readonly FaultMode[] = ['ok', 'empty', 'error', 'distractor'];

export function closedBook(): Condition {
  return { kind: 'closed-book' };
}

export function contextCondition(fault: FaultMode = 'ok', faultShare = fault === 'ok' ? 0 : 1): Condition {
  return { kind: 'context', fault, faultShare, topK: DEFAULT_TOP_K };
}

export function toolCondition(fault: FaultMode = 'ok', faultShare = fault === 'ok' ? 0 : 1): Condition {
  return { kind: 'tool', fault, faultShare, topK: DEFAULT_TOP_K, maxCalls: DEFAULT_MAX_CALLS };
}

/** The matrix a new run starts with: the floor, both retrieval modes, and the tool misleading half the time. */
export const DEFAULT_CONDITIONS: readonly Condition[] = [
  closedBook(),
  contextCondition(),
  toolCondition(),
  toolCondition('distractor', 0.5),
];

/** More conditions offered in the run editor. */
export const CONDITION_PRESETS: readonly Condition[] = [
  ...DEFAULT_CONDITIONS,
  contextCondition('distractor', 1),
  toolCondition('empty', 1),
  toolCondition('error', 1),
  toolCondition('error', 0.5),
  toolCondition('distractor', 1),
];

function formatShare(share: number): string {
  return String(Math.round(share * 1000) / 1000);
}

export function conditionId(condition: Condition): string {
  if (condition.kind === 'closed-book') return 'closed-book';
  let id = `${condition.kind}:${condition.fault}`;
  if (condition.fault !== 'ok') id += `@${formatShare(condition.faultShare)}`;
  if (condition.topK !== DEFAULT_TOP_K) id += `;k=${condition.topK}`;
  if (condition.kind === 'tool' && condition.maxCalls !== DEFAULT_MAX_CALLS)
    id += `;calls=${condition.maxCalls}`;
  return id;
}

const ID_PATTERN = /^(context|tool):(ok|empty|error|distractor)(?:@([0-9.]+))?((?:;[a-z]+=[0-9]+)*)$/;

function invalid(id: string, problem: string): Result<Condition> {
  return err(
    new AppError('run-invalid', {
      message: `Condition "${id}" is not valid: ${problem}.`,
      action: 'Use an id like "closed-book", "context:ok" or "tool:distractor@0.5".',
    }),
  );
}

/** Reads a condition id back; `conditionId(parseConditionId(id).value) === id` for every id it wrote. */
export function parseConditionId(id: string): Result<Condition> {
  const trimmed = id.trim();
  if (trimmed === 'closed-book') return ok(closedBook());
  const match = ID_PATTERN.exec(trimmed);
  if (!match)
    return invalid(id, 'expected closed-book, or context/tool, a fault mode and an optional @share');
  const [, kind, faultText, shareText, optionsText = ''] = match;
  const fault = faultText as FaultMode;
  let faultShare = fault === 'ok' ? 0 : 1;
  if (shareText !== undefined) {
    if (fault === 'ok') return invalid(id, 'the ok fault takes no share');
    faultShare = Number(shareText);
    if (!Number.isFinite(faultShare) || faultShare < 0 || faultShare > 1) {
      return invalid(id, `fault share "${shareText}" must be a number from 0 to 1`);
    }
  }
  let topK = DEFAULT_TOP_K;
  let maxCalls = DEFAULT_MAX_CALLS;
  for (const option of optionsText.split(';').filter(Boolean)) {
    const [key, value = ''] = option.split('=');
    const n = Number(value);
    if (key === 'k') topK = n;
    else if (key === 'calls' && kind === 'tool') maxCalls = n;
    else return invalid(id, `unknown option "${key ?? ''}"`);
  }
  const condition: Condition =
    kind === 'tool'
      ? { kind, fault, faultShare, topK, maxCalls }
      : { kind: 'context', fault, faultShare, topK };
  const check = validateCondition(condition);
  return check.ok ? ok(condition) : invalid(id, check.error);
}

/** Checks ranges; returns the first problem in words. */
export function validateCondition(condition: Condition): Result<Condition, string> {
  if (condition.kind === 'closed-book') return ok(condition);
  if (!FAULT_MODES.includes(condition.fault)) return err(`unknown fault mode "${condition.fault}"`);
  if (!(condition.faultShare >= 0 && condition.faultShare <= 1))
    return err('fault share must be from 0 to 1');
  if (!Number.isInteger(condition.topK) || condition.topK < 1 || condition.topK > MAX_TOP_K) {
    return err(`top passages must be a whole number from 1 to ${MAX_TOP_K}`);
  }
  if (condition.kind === 'tool') {
    const { maxCalls } = condition;
    if (!Number.isInteger(maxCalls) || maxCalls < 1 || maxCalls > MAX_TOOL_CALLS) {
      return err(`tool calls must be a whole number from 1 to ${MAX_TOOL_CALLS}`);
    }
  }
  return ok(condition);
}

/** "Closed book", "Passages in context", "With tool (distractor, 50%)", … */
export function conditionLabel(condition: Condition): string {
  if (condition.kind === 'closed-book') return 'Closed book';
  const details: string[] = [];
  if (condition.fault !== 'ok') {
    details.push(`${condition.fault}, ${Math.round(condition.faultShare * 1000) / 10}%`);
  }
  if (condition.topK !== DEFAULT_TOP_K) details.push(`top ${condition.topK}`);
  if (condition.kind === 'tool' && condition.maxCalls !== DEFAULT_MAX_CALLS) {
    details.push(`up to ${condition.maxCalls} ${condition.maxCalls === 1 ? 'call' : 'calls'}`);
  }
  const base = condition.kind === 'tool' ? 'With tool' : 'Passages in context';
  return details.length > 0 ? `${base} (${details.join(', ')})` : base;
}
