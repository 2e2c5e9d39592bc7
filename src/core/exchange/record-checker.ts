/**
 * Checks a comparison file's records one at a time, in file order, whatever
 * the version: migrate the record to the current shape, validate it against
 * schema-v2, check it against the records before it (a run's shape, a
 * result's run, ids seen twice), normalise it, and hand it on. It keeps only
 * what later records are checked against: each run's models, conditions and
 * items, and the ids seen, never the records themselves, except results that
 * come before their run (a hand-edited file), held until the run arrives.
 *
 * Duplicates are errors, not "last one wins": two answers for one cell in a
 * file are a damaged file, and keeping one of them silently is how an answer
 * got lost before. The same goes for a speed-lab probe or test id seen twice.
 */
import * as v from 'valibot';
import type { AppError } from '../errors';
import type { PromptSet } from '../prompts/types';
import type { ResultRecord, RunRecord } from '../runs/types';
import type { SpeedLabExport } from '../speed/records';
import type { ComparisonCounts, ComparisonHeader } from './envelope';
import { issuePath } from './issue-path';
import { recordMigrator, type RecordKind } from './migrations';
import { speedLabWithProvenance, withProvenance, withRebuiltId, type ProvenanceInput } from './normalise';
import { count, invalid, where } from './problems';
import { checkResultAgainstRun, checkRunShape, indexRun, type RunIndex } from './run-shape';
import { speedLabSchema } from './schema-speed-lab';
import { resultSchema, runSchema, setSchema } from './schema-v2';

/** A record as found in the file: `path` is its JSON path (`results[12]`), `line` its line in a JSON Lines file. */
export interface RawRecord {
  kind: RecordKind;
  value: unknown;
  path: string;
  line?: number;
}

export type CheckedRecord =
  | { type: 'set'; set: PromptSet }
  | { type: 'run'; run: RunRecord }
  | { type: 'result'; result: ResultRecord }
  | { type: 'speedLab'; speedLab: SpeedLabExport };

export type Checked = CheckedRecord | { type: 'problem'; error: AppError };

interface Pending {
  result: ResultRecord;
  path: string;
  line?: number;
}

function withinPath(path: string, inner: string): string {
  return inner === '' ? path : inner.startsWith('[') ? `${path}${inner}` : `${path}.${inner}`;
}

function schemaProblem(
  record: RawRecord,
  issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
): AppError {
  const issue = issues[0];
  const inner = issuePath(issue);
  const path = withinPath(record.path, inner === '(the whole file)' ? '' : inner);
  return invalid(where(path, record.line), `${issue.message}.`.replace(/\.\.$/, '.'), record.line);
}

export class RecordChecker {
  readonly #migrate: (kind: RecordKind, value: unknown) => unknown;
  readonly #header: ComparisonHeader;
  readonly #provenance: ProvenanceInput | undefined;
  readonly #runs = new Map<string, RunIndex>();
  readonly #setIds = new Set<string>();
  /** Each result id seen, with its line (JSON Lines) or its index (older files): no string per result. */
  readonly #resultIds = new Map<string, number>();
  readonly #pending = new Map<string, Pending[]>();
  readonly #speedIds = { probes: new Set<string>(), tests: new Set<string>() };
  readonly #seen: Required<ComparisonCounts> = { sets: 0, runs: 0, results: 0, speedLab: 0 };

  constructor(header: ComparisonHeader, sourceVersion: number, provenance?: ProvenanceInput) {
    this.#migrate = recordMigrator(sourceVersion);
    this.#header = header;
    this.#provenance = provenance;
  }

  /** Everything a record leads to: itself, results it was holding back (a run), or a problem. */
  check(record: RawRecord): Checked[] {
    const value = this.#migrate(record.kind, record.value);
    if (record.kind === 'set') return [this.#checkSet(record, value)];
    if (record.kind === 'run') return this.#checkRun(record, value);
    if (record.kind === 'speedLab') return [this.#checkSpeedLab(record, value)];
    return this.#checkResult(record, value);
  }

  /** What only the end of the file can show: results whose run never came, counts that disagree. */
  finish(): AppError[] {
    const problems: AppError[] = [];
    for (const [runId, waiting] of this.#pending) {
      const first = waiting[0];
      if (!first) continue;
      problems.push(
        invalid(
          where(`${first.path}.runId`, first.line),
          `run ${JSON.stringify(runId)} is not in the file${waiting.length > 1 ? ` (nor for ${count(waiting.length - 1)} more results)` : ''}.`,
          first.line,
        ),
      );
    }
    const announced = this.#header.counts;
    if (announced) {
      for (const kind of ['sets', 'runs', 'results', 'speedLab'] as const) {
        // Files written before speed-lab lines existed do not count them: none is expected.
        const expected = announced[kind] ?? 0;
        if (expected === this.#seen[kind]) continue;
        const fewer = this.#seen[kind] < expected;
        const what = kind === 'speedLab' ? 'speedLab lines' : kind;
        problems.push(
          invalid(
            `counts.${kind}`,
            `the header announces ${count(expected)} ${what} but the file holds ${count(this.#seen[kind])}${fewer ? ': it was cut short' : ''}.`,
          ),
        );
      }
    }
    return problems;
  }

  #checkSet(record: RawRecord, value: unknown): Checked {
    this.#seen.sets++;
    const parsed = v.safeParse(setSchema, value);
    if (!parsed.success) return { type: 'problem', error: schemaProblem(record, parsed.issues) };
    const set = parsed.output;
    if (this.#setIds.has(set.id)) {
      return {
        type: 'problem',
        error: invalid(
          where(`${record.path}.id`, record.line),
          `set ${JSON.stringify(set.id)} appears twice.`,
          record.line,
        ),
      };
    }
    this.#setIds.add(set.id);
    return { type: 'set', set };
  }

  #checkSpeedLab(record: RawRecord, value: unknown): Checked {
    this.#seen.speedLab++;
    const parsed = v.safeParse(speedLabSchema, value);
    if (!parsed.success) return { type: 'problem', error: schemaProblem(record, parsed.issues) };
    const lab = parsed.output;
    for (const kind of ['probes', 'tests'] as const) {
      const seen = this.#speedIds[kind];
      for (const [index, { id }] of lab[kind].entries()) {
        if (seen.has(id)) {
          const path = where(`${record.path}.${kind}[${index}].id`, record.line);
          const what = kind === 'probes' ? 'probe' : 'speed test';
          return {
            type: 'problem',
            error: invalid(path, `${what} ${JSON.stringify(id)} appears twice.`, record.line),
          };
        }
        seen.add(id);
      }
    }
    if (!this.#provenance) return { type: 'speedLab', speedLab: lab };
    const header = { appVersion: this.#header.app.version, exportedAt: Date.parse(this.#header.exportedAt) };
    return { type: 'speedLab', speedLab: speedLabWithProvenance(lab, this.#provenance, header) };
  }

  #checkRun(record: RawRecord, value: unknown): Checked[] {
    this.#seen.runs++;
    const parsed = v.safeParse(runSchema, value);
    if (!parsed.success) return [{ type: 'problem', error: schemaProblem(record, parsed.issues) }];
    const run = parsed.output;
    const shape = checkRunShape(run);
    if (shape) {
      const path = withinPath(record.path, shape.path);
      return [
        { type: 'problem', error: invalid(where(path, record.line), `${shape.problem}.`, record.line) },
      ];
    }
    if (this.#runs.has(run.id)) {
      return [
        {
          type: 'problem',
          error: invalid(
            where(`${record.path}.id`, record.line),
            `run ${JSON.stringify(run.id)} appears twice.`,
            record.line,
          ),
        },
      ];
    }
    const index = indexRun(run);
    this.#runs.set(run.id, index);
    const out: Checked[] = [{ type: 'run', run: this.#normaliseRun(run) }];
    for (const waiting of this.#pending.get(run.id) ?? []) out.push(this.#against(waiting, index));
    this.#pending.delete(run.id);
    return out;
  }

  #checkResult(record: RawRecord, value: unknown): Checked[] {
    this.#seen.results++;
    const parsed = v.safeParse(resultSchema, value);
    if (!parsed.success) return [{ type: 'problem', error: schemaProblem(record, parsed.issues) }];
    const result = withRebuiltId(parsed.output);
    const pending: Pending = { result, path: record.path, line: record.line };
    const run = this.#runs.get(result.runId);
    if (run) return [this.#against(pending, run)];
    const waiting = this.#pending.get(result.runId) ?? [];
    waiting.push(pending);
    this.#pending.set(result.runId, waiting);
    return [];
  }

  #against({ result, path, line }: Pending, run: RunIndex): Checked {
    const problem = checkResultAgainstRun(result, run);
    if (problem) {
      return {
        type: 'problem',
        error: invalid(where(withinPath(path, problem.path), line), `${problem.problem}.`, line),
      };
    }
    const earlier = this.#resultIds.get(result.id);
    if (earlier !== undefined) {
      const first = line === undefined ? path.replace(/\[\d+\]$/, `[${earlier}]`) : `line ${count(earlier)}`;
      return {
        type: 'problem',
        error: invalid(
          where(path, line),
          `it is a second answer for the cell answered at ${first} (same run, model, condition and item).`,
          line,
        ),
      };
    }
    this.#resultIds.set(result.id, line ?? Number(/\[(\d+)\]$/.exec(path)?.[1] ?? -1));
    return { type: 'result', result };
  }

  #normaliseRun(run: RunRecord): RunRecord {
    if (!this.#provenance) return run;
    const exportedAt = Date.parse(this.#header.exportedAt);
    return withProvenance(run, this.#provenance, { appVersion: this.#header.app.version, exportedAt });
  }
}
