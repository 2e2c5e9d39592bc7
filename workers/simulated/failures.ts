/**
 * Keeps count of injected failures: each fires while its `times` lasts (every
 * time when absent). One book per backend instance, so a fresh worker starts
 * with every failure armed again.
 */
import type { SimulatedFailure } from '../api';

export const DEFAULT_DEVICE_LOST_AFTER_TOKENS = 3;

export class FailureBook {
  readonly #failures: readonly SimulatedFailure[];
  readonly #fired: number[];

  constructor(failures: readonly SimulatedFailure[]) {
    this.#failures = failures;
    this.#fired = failures.map(() => 0);
  }

  /** Takes the first armed failure of these kinds for this model (and prompt), counting it as fired. */
  take(
    kinds: readonly SimulatedFailure['kind'][],
    modelId: string,
    prompt?: string,
  ): SimulatedFailure | undefined {
    const index = this.#failures.findIndex(
      (f, i) =>
        kinds.includes(f.kind) &&
        (f.model === undefined || f.model === modelId) &&
        (f.prompt === undefined || (prompt ?? '').toLowerCase().includes(f.prompt.toLowerCase())) &&
        (f.times === undefined || (this.#fired[i] ?? 0) < f.times),
    );
    if (index < 0) return undefined;
    this.#fired[index] = (this.#fired[index] ?? 0) + 1;
    return this.#failures[index];
  }
}
