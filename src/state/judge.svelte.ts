/**
 * The optional model judge over a run: the loaded model grades each answer
 * with a SimpleQA-style prompt (src/core/grading/judge.ts); its verdicts are
 * stored beside the deterministic ones with the judge model's id. Answers the
 * judge cannot grade (no A/B/C in its reply) are counted and left ungraded.
 */
import type { PromptItem, PromptSet } from '../core/prompts/types';
import type { ResultRecord } from '../core/runs/types';
import { AppError, toAppError } from '../core/errors';
import { judgeAgreement, judgeAnswer, type JudgeAgreement } from '../core/grading/judge';
import type { JudgeVerdict, Verdicts } from '../core/grading/types';
import type { FloorcheckDb } from '../storage/db';
import { setVerdicts } from '../storage/results';
import type { EngineState } from './engine.svelte';

export interface JudgeProgress {
  judgeModelId: string;
  done: number;
  total: number;
  unparsed: number;
}

const BATCH = 10;

/** How often the judge and the deterministic grader agree, over the answers both graded. */
export function agreementOf(results: readonly ResultRecord[]): JudgeAgreement {
  const pairs = results.flatMap((r) =>
    r.verdicts.judge && r.verdicts.deterministic
      ? [{ judge: r.verdicts.judge.verdict, deterministic: r.verdicts.deterministic.verdict }]
      : [],
  );
  return judgeAgreement(pairs);
}

/** Answers the judge still has to grade: answered cells (no error, not aborted) without a judge verdict. */
export function awaitingJudge(results: readonly ResultRecord[]): ResultRecord[] {
  return results.filter((r) => !r.error && r.finishReason !== 'abort' && !r.verdicts.judge);
}

export class JudgeState {
  readonly #db: FloorcheckDb | null;
  readonly #engine: EngineState;
  #progress = $state<JudgeProgress | null>(null);
  #error = $state<AppError | null>(null);
  #stop = false;

  constructor(db: FloorcheckDb | null, engine: EngineState) {
    this.#db = db;
    this.#engine = engine;
  }

  get progress(): JudgeProgress | null {
    return this.#progress;
  }
  get error(): AppError | null {
    return this.#error;
  }
  get running(): boolean {
    return this.#progress !== null;
  }

  stop(): void {
    this.#stop = true;
  }

  /** Grades every answer of the run still without a judge verdict; resolves with how many were stored. */
  async judge(set: PromptSet, results: readonly ResultRecord[]): Promise<number> {
    const judgeModelId = this.#engine.loaded;
    if (!judgeModelId) {
      this.#error = new AppError('model-not-loaded', {
        message: 'The judge is the model loaded on the Models screen, and none is loaded.',
        action: 'Load a model (a larger one judges better), then come back.',
      });
      return 0;
    }
    if (!this.#db || this.running) return 0;
    if (!this.#engine.acquire('judge')) {
      this.#error = new AppError('engine-busy', {
        message: 'The engine is busy (a run, a download or a prompt), so the judge cannot start.',
        action: 'Wait for it to finish, then judge again.',
      });
      return 0;
    }
    this.#error = null;
    this.#stop = false;
    const items = new Map(set.items.map((item): [string, PromptItem] => [item.id, item]));
    const todo = awaitingJudge(results).filter((r) => items.has(r.itemId));
    this.#progress = { judgeModelId, done: 0, total: todo.length, unparsed: 0 };
    const pending = new Map<string, JudgeVerdict>();
    let stored = 0;
    const generate = this.#engine.client.generate;
    try {
      for (const record of todo) {
        if (this.#stop) break;
        const item = items.get(record.itemId);
        if (!item) continue;
        try {
          const judge = await judgeAnswer(
            (request) => generate(request, () => undefined),
            { question: item.prompt, answers: item.answers, response: record.rawAnswer },
            judgeModelId,
            Date.now,
            this.#engine.records.find((model) => model.id === judgeModelId)?.capabilities,
          );
          pending.set(record.id, judge);
        } catch (error) {
          const appError = toAppError(error);
          if (appError.code !== 'judge-reply-invalid') throw appError;
          this.#progress.unparsed += 1;
        }
        this.#progress.done += 1;
        if (pending.size >= BATCH) stored += await this.#flush(pending);
      }
      stored += await this.#flush(pending);
    } catch (error) {
      await this.#flush(pending).catch(() => 0);
      this.#error = toAppError(error);
    } finally {
      this.#progress = null;
      this.#engine.release('judge');
    }
    return stored;
  }

  /**
   * Stores the judge's verdicts into the records as they are NOW (one transaction), so an
   * override the person made while the judge was working is kept.
   */
  async #flush(pending: Map<string, JudgeVerdict>): Promise<number> {
    if (!this.#db || pending.size === 0) return 0;
    const updates = new Map(
      [...pending].map(([id, judge]) => [id, (verdicts: Verdicts) => ({ ...verdicts, judge })]),
    );
    pending.clear();
    await setVerdicts(this.#db, updates);
    return updates.size;
  }
}
