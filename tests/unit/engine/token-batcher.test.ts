import { describe, expect, it } from 'vitest';
import { createTokenBatcher } from '../../../src/engine/token-batcher';

/** A frame scheduler the test runs by hand. */
function frames() {
  const queue: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => queue.push(callback),
    run: () => queue.splice(0).forEach((callback) => callback()),
    get pending() {
      return queue.length;
    },
  };
}

describe('createTokenBatcher', () => {
  it('hands over all tokens of a frame at once, asking for one frame', () => {
    const frame = frames();
    const flushed: string[] = [];
    const batcher = createTokenBatcher((text) => flushed.push(text), frame.schedule);
    ['Pa', 'ri', 's.'].forEach((t) => batcher.push(t));
    expect(frame.pending).toBe(1);
    expect(flushed).toEqual([]);
    frame.run();
    expect(flushed).toEqual(['Paris.']);
  });

  it('asks for a new frame once the last one ran', () => {
    const frame = frames();
    const flushed: string[] = [];
    const batcher = createTokenBatcher((text) => flushed.push(text), frame.schedule);
    batcher.push('a');
    frame.run();
    batcher.push('b');
    expect(frame.pending).toBe(1);
    frame.run();
    expect(flushed).toEqual(['a', 'b']);
  });

  it('flush hands over what is pending now; the frame then has nothing to do', () => {
    const frame = frames();
    const flushed: string[] = [];
    const batcher = createTokenBatcher((text) => flushed.push(text), frame.schedule);
    batcher.push('end');
    batcher.flush();
    frame.run();
    expect(flushed).toEqual(['end']);
  });

  it('cancel drops pending text; empty tokens ask for no frame', () => {
    const frame = frames();
    const flushed: string[] = [];
    const batcher = createTokenBatcher((text) => flushed.push(text), frame.schedule);
    batcher.push('');
    expect(frame.pending).toBe(0);
    batcher.push('gone');
    batcher.cancel();
    frame.run();
    expect(flushed).toEqual([]);
  });
});
