/**
 * Write-behind for finished answers: each result is handed to the store as
 * soon as it exists; results that finish while a write is in flight are
 * coalesced into the next batch. No timer: the window in which a crash can
 * lose a finished answer is one write, a few ms, and at high answer rates
 * the batches grow on their own, which keeps per-result cost low.
 * Rejected: flushing every N ms (loses up to N ms of answers on a crash) and
 * awaiting every write before the next cell (makes storage latency part of
 * every cell).
 *
 * The first result of a run is written alone, the moment it exists: nothing
 * waits for a batch to fill. `onStored` reports each batch once the store has
 * it, which is when its answers count as done (a count of answers computed
 * showed 17 done after a close that had stored none).
 *
 * A failed write keeps its batch at the front of the queue and stops writing
 * until `retry()`; nothing answered is dropped.
 */
import { AppError, fromWire } from '../errors';
import type { RunStore } from './run-store';
import type { ResultRecord } from './types';

export class ResultWriter {
  private pending: ResultRecord[] = [];
  /** The batch being written now (its ids are not in the store yet). */
  private writing: readonly ResultRecord[] = [];
  private inFlight: Promise<void> | null = null;
  private failure: AppError | null = null;

  constructor(
    private readonly store: RunStore,
    private readonly onFailure: (error: AppError) => void,
    private readonly onStored: (batch: readonly ResultRecord[]) => void = () => undefined,
  ) {}

  get pendingCount(): number {
    return this.pending.length;
  }

  get error(): AppError | null {
    return this.failure;
  }

  /** Ids of results handed over but not stored yet, the batch in flight included (they count as answered). */
  pendingIds(): string[] {
    return [...this.writing, ...this.pending].map((result) => result.id);
  }

  add(result: ResultRecord): void {
    this.pending.push(result);
    this.kick();
  }

  /** Clears a failure and writes what is pending again. */
  retry(): void {
    this.failure = null;
    this.kick();
  }

  /** Resolves once everything added so far is stored; rejects with the write error otherwise. */
  async flush(): Promise<void> {
    for (;;) {
      if (this.inFlight) await this.inFlight;
      if (this.failure) throw this.failure;
      if (this.pending.length === 0) return;
      this.kick();
    }
  }

  private kick(): void {
    if (this.inFlight || this.failure || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.writing = batch;
    this.inFlight = this.store.saveResults(batch).then(
      () => {
        this.writing = [];
        this.inFlight = null;
        this.onStored(batch);
        this.kick();
      },
      (cause: unknown) => {
        this.pending = batch.concat(this.pending);
        this.writing = [];
        this.inFlight = null;
        this.failure = asStorageError(cause);
        this.onFailure(this.failure);
      },
    );
  }
}

/** A failure to store (answers or the run record) as an AppError; unknown ones become `storage-failed`. */
export function asStorageError(cause: unknown, doing = 'Saving answers'): AppError {
  const error = fromWire(cause);
  if (error.code !== 'unknown') return error;
  return new AppError('storage-failed', {
    message: `${doing} failed: ${error.message.replace(/\.$/, '')}.`,
    action: 'Resume the run to try again; answers already given are kept.',
    cause,
  });
}
