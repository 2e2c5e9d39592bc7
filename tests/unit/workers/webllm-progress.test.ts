import { describe, expect, it } from 'vitest';
import { toLoadProgress } from '../../../workers/webllm-progress';

describe('toLoadProgress', () => {
  it('reads shards and bytes from a fetch report; fetching fills the first 90%', () => {
    const progress = toLoadProgress({
      progress: 0.15,
      timeElapsed: 7,
      text: 'Fetching param cache[3/20]: 120MB fetched. 15% completed, 7 secs elapsed. It can take a while…',
    });
    expect(progress).toMatchObject({
      phase: 'download',
      shard: 3,
      shards: 20,
      elapsedMs: 7000,
      loadedBytes: 120 * 1024 * 1024,
    });
    expect(progress.fraction).toBeCloseTo(0.135);
    expect(progress.totalBytes).toBe(Math.round((120 * 1024 * 1024) / 0.15));
  });

  it.each([
    ['Start to fetch params', 0, 'download', 0],
    ['Loading model from cache[5/10]: 300MB loaded. 50% completed, 1 secs elapsed.', 0.5, 'cache', 0.45],
    ['Loading GPU shader modules[1/2]: 50% completed, 3 secs elapsed.', 0.5, 'compile', 0.95],
    ['Finish loading on WebGPU - google', 1, 'ready', 1],
  ] as const)('%s → %s', (text, stage, phase, fraction) => {
    const progress = toLoadProgress({ progress: stage, timeElapsed: 1, text });
    expect(progress.phase).toBe(phase);
    expect(progress.fraction).toBeCloseTo(fraction);
  });

  it('does not read shader counts as shards', () => {
    expect(
      toLoadProgress({ progress: 0.5, timeElapsed: 1, text: 'Loading GPU shader modules[1/2]: 50%' }).shards,
    ).toBeUndefined();
  });

  it('prefers the measured elapsed time when given', () => {
    expect(
      toLoadProgress({ progress: 0.1, timeElapsed: 1, text: 'Start to fetch params' }, 1234).elapsedMs,
    ).toBe(1234);
  });
});
