/**
 * Batches one stream of tokens into one update per animation frame: tokens
 * arrive faster than the screen refreshes, and appending each one to the page
 * re-renders each time. The scheduler is a parameter (`requestAnimationFrame`
 * in the page, a manual one in tests). For many streams at once (the results
 * grid) see `src/core/results/frame-batcher.ts`.
 */
export type Schedule = (callback: () => void) => unknown;

export interface TokenBatcher {
  push(delta: string): void;
  /** Hands over what is pending now (call when the stream ends). */
  flush(): void;
  /** Drops what is pending; a scheduled frame then does nothing. */
  cancel(): void;
}

export function createTokenBatcher(
  onFlush: (text: string) => void,
  schedule: Schedule = (callback) => requestAnimationFrame(callback),
): TokenBatcher {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    onFlush(text);
  };
  return {
    push(delta) {
      if (!delta) return;
      pending.push(delta);
      if (scheduled) return;
      scheduled = true;
      schedule(flush);
    },
    flush,
    cancel() {
      pending = [];
    },
  };
}
