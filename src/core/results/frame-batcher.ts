/**
 * Coalesces streamed tokens into one update per animation frame. Tokens of a
 * running answer arrive far faster than the screen refreshes (1,000 a second
 * against 60 frames); applying each one re-renders the grid each time and
 * makes long main-thread tasks. Here they pile up per cell and are handed to
 * `flush` once per frame, as the accumulated text of every cell that changed.
 *
 * The frame scheduler comes in as a parameter (`requestAnimationFrame` in the
 * page, a manual one in tests), so this stays plain TypeScript.
 */

/** No cell in progress. */
export const NO_PARTIALS: ReadonlyMap<string, string> = new Map();

export type ScheduleFrame = (callback: () => void) => void;

export interface FrameBatcher {
  /** Adds streamed text to a cell's answer. */
  push(cellId: string, delta: string): void;
  /** The cell finished (its result arrived): drop its partial text. */
  finish(cellId: string): void;
  /** Text streamed so far for every cell still in progress. */
  snapshot(): ReadonlyMap<string, string>;
}

export function createFrameBatcher(
  schedule: ScheduleFrame,
  flush: (partials: ReadonlyMap<string, string>) => void,
): FrameBatcher {
  const texts = new Map<string, string>();
  const pending = new Map<string, string[]>();
  let scheduled = false;

  const run = (): void => {
    scheduled = false;
    for (const [cellId, parts] of pending) texts.set(cellId, (texts.get(cellId) ?? '') + parts.join(''));
    pending.clear();
    flush(new Map(texts));
  };
  const request = (): void => {
    if (scheduled) return;
    scheduled = true;
    schedule(run);
  };

  return {
    push(cellId, delta) {
      const parts = pending.get(cellId);
      if (parts) parts.push(delta);
      else pending.set(cellId, [delta]);
      request();
    },
    finish(cellId) {
      pending.delete(cellId);
      if (texts.delete(cellId)) request();
    },
    snapshot() {
      return new Map(texts);
    },
  };
}
