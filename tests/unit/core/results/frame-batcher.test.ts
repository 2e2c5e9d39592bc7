import { describe, expect, it } from 'vitest';
import { createFrameBatcher } from '../../../../src/core/results/frame-batcher';

function manualFrames(): { schedule: (cb: () => void) => void; tick: () => void; waiting: () => number } {
  let queue: (() => void)[] = [];
  return {
    schedule: (cb) => queue.push(cb),
    tick: () => {
      const now = queue;
      queue = [];
      for (const cb of now) cb();
    },
    waiting: () => queue.length,
  };
}

describe('createFrameBatcher', () => {
  it('asks for one frame however many tokens arrive, and flushes them together', () => {
    const frames = manualFrames();
    const flushes: ReadonlyMap<string, string>[] = [];
    const batcher = createFrameBatcher(frames.schedule, (p) => flushes.push(p));
    for (const token of ['The', ' capital', ' is']) batcher.push('a', token);
    batcher.push('b', 'No');
    expect(frames.waiting()).toBe(1);
    expect(flushes).toHaveLength(0);
    frames.tick();
    expect(flushes).toEqual([
      new Map([
        ['a', 'The capital is'],
        ['b', 'No'],
      ]),
    ]);
  });

  it('keeps accumulating across frames until the cell finishes', () => {
    const frames = manualFrames();
    const batcher = createFrameBatcher(frames.schedule, () => undefined);
    batcher.push('a', 'Par');
    frames.tick();
    batcher.push('a', 'is');
    frames.tick();
    expect(batcher.snapshot().get('a')).toBe('Paris');
    batcher.finish('a');
    expect(frames.waiting()).toBe(1);
    frames.tick();
    expect(batcher.snapshot().has('a')).toBe(false);
  });

  it('drops tokens still pending for a cell that finished', () => {
    const frames = manualFrames();
    const flushes: ReadonlyMap<string, string>[] = [];
    const batcher = createFrameBatcher(frames.schedule, (p) => flushes.push(p));
    batcher.push('a', 'late');
    batcher.finish('a');
    frames.tick();
    expect(flushes.at(-1)?.has('a')).toBe(false);
  });
});
