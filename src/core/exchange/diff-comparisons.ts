/**
 * Two comparison files side by side (`floorcheck diff A B`): one run from
 * each, compared on their shared items by results/compare-runs.ts (the same
 * comparison the app's compare panel shows): verdicts that changed, the
 * change in correct and hallucination rates per shared model × condition
 * with Newcombe intervals (B − A), and the items only one of them answered.
 * Written as Markdown (people paste it into issues) or JSON (scripts).
 *
 * A file with several runs needs the run named (`--run-a`, `--run-b`);
 * picking the first silently was rejected: the diff would then depend on
 * the order the exporter happened to write.
 */
import { AppError, err, ok, type Result } from '../errors';
import { percent, signedIntervalText } from '../metrics/share-format';
import { compareRuns, type RunComparison } from '../results/compare-runs';
import { buildGrid, type GridModel } from '../results/grid-model';
import type { RunRecord } from '../runs/types';
import type { ComparisonPayload } from './envelope';

export interface ComparisonDiff {
  runA: RunRecord;
  runB: RunRecord;
  comparison: RunComparison;
  itemsOnlyInA: string[];
  itemsOnlyInB: string[];
}

function pickRun(payload: ComparisonPayload, wanted: string | undefined, side: 'A' | 'B'): Result<RunRecord> {
  const ids = payload.runs.map((run) => run.id);
  const found =
    wanted === undefined
      ? payload.runs.length === 1
        ? payload.runs[0]
        : undefined
      : payload.runs.find((run) => run.id === wanted);
  if (found) return ok(found);
  const option = side === 'A' ? '--run-a' : '--run-b';
  return err(
    new AppError('cli-usage', {
      message:
        wanted === undefined
          ? `File ${side} holds ${ids.length} runs (${ids.map((id) => JSON.stringify(id)).join(', ')}).`
          : `File ${side} holds no run ${JSON.stringify(wanted)}; it holds ${ids.map((id) => JSON.stringify(id)).join(', ')}.`,
      action: `Name the run to compare with ${option} ID.`,
    }),
  );
}

function gridOf(payload: ComparisonPayload, run: RunRecord): GridModel {
  const set = payload.sets.find((s) => s.id === run.config.setId);
  return buildGrid(
    run,
    payload.results.filter((r) => r.runId === run.id),
    set,
  );
}

function answered(grid: GridModel): string[] {
  return grid.rows.filter((row) => row.cells.some((cell) => cell !== undefined)).map((row) => row.itemId);
}

export function diffComparisons(
  a: ComparisonPayload,
  b: ComparisonPayload,
  pick: { runA?: string; runB?: string } = {},
): Result<ComparisonDiff> {
  const runA = pickRun(a, pick.runA, 'A');
  if (!runA.ok) return runA;
  const runB = pickRun(b, pick.runB, 'B');
  if (!runB.ok) return runB;
  const gridA = gridOf(a, runA.value);
  const gridB = gridOf(b, runB.value);
  const inA = answered(gridA);
  const inB = answered(gridB);
  const setA = new Set(inA);
  const setB = new Set(inB);
  return ok({
    runA: runA.value,
    runB: runB.value,
    comparison: compareRuns(gridA, gridB),
    itemsOnlyInA: inA.filter((id) => !setB.has(id)),
    itemsOnlyInB: inB.filter((id) => !setA.has(id)),
  });
}

function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

function table(headers: string[], rows: string[][]): string[] {
  const line = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)];
}

function listed(ids: readonly string[], limit = 20): string {
  if (ids.length === 0) return 'none';
  const shown = ids.slice(0, limit).map((id) => `\`${cell(id)}\``);
  return ids.length > limit ? `${shown.join(', ')} and ${ids.length - limit} more` : shown.join(', ');
}

const VERDICT_WORDS = { correct: 'correct', incorrect: 'incorrect', not_attempted: 'not attempted' } as const;

/** The diff as Markdown: what was compared, the deltas, the changed verdicts, the items only in one. */
export function diffToMarkdown(diff: ComparisonDiff, names: { a: string; b: string }): string {
  const { comparison: c } = diff;
  const lines = [
    `# ${cell(diff.runA.name)} (A) against ${cell(diff.runB.name)} (B)`,
    '',
    `- A: run \`${cell(diff.runA.id)}\` from ${cell(names.a)}`,
    `- B: run \`${cell(diff.runB.id)}\` from ${cell(names.b)}`,
    `- Shared: ${c.sharedItemIds.length} items, ${c.sharedColumnKeys.length} model × condition columns`,
    `- Items only in A (${diff.itemsOnlyInA.length}): ${listed(diff.itemsOnlyInA)}`,
    `- Items only in B (${diff.itemsOnlyInB.length}): ${listed(diff.itemsOnlyInB)}`,
    '',
    '## Rates on the shared items (B − A, 95% intervals)',
    '',
  ];
  if (c.deltas.length === 0) lines.push('No shared column has graded answers in both runs.');
  else {
    lines.push(
      ...table(
        [
          'Model',
          'Condition',
          'Graded A',
          'Graded B',
          'Correct A',
          'Correct B',
          'Δ correct',
          'Incorrect A',
          'Incorrect B',
          'Δ incorrect',
        ],
        c.deltas.map((d) => [
          d.modelId,
          d.conditionLabel,
          String(d.a.graded),
          String(d.b.graded),
          percent(d.correct.a.estimate),
          percent(d.correct.b.estimate),
          signedIntervalText(d.correct.change),
          percent(d.incorrect.a.estimate),
          percent(d.incorrect.b.estimate),
          signedIntervalText(d.incorrect.change),
        ]),
      ),
    );
  }
  lines.push('', `## Verdicts that changed (${c.changes.length})`, '');
  if (c.changes.length === 0) lines.push('None.');
  else {
    lines.push(
      ...table(
        ['Item', 'Model', 'Condition', 'A', 'B'],
        c.changes.map((change) => [
          change.itemId,
          change.modelId,
          change.conditionLabel,
          change.before ? VERDICT_WORDS[change.before] : '(none)',
          change.after ? VERDICT_WORDS[change.after] : '(none)',
        ]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The diff as plain data for scripts. */
export function diffToJson(diff: ComparisonDiff): unknown {
  const { comparison: c } = diff;
  return {
    runA: diff.runA.id,
    runB: diff.runB.id,
    sharedItems: c.sharedItemIds.length,
    sharedColumns: c.sharedColumnKeys,
    itemsOnlyInA: diff.itemsOnlyInA,
    itemsOnlyInB: diff.itemsOnlyInB,
    deltas: c.deltas.map((d) => ({
      column: d.columnKey,
      model: d.modelId,
      condition: d.conditionLabel,
      gradedA: d.a.graded,
      gradedB: d.b.graded,
      correct: d.correct,
      incorrect: d.incorrect,
    })),
    changes: c.changes,
  };
}
