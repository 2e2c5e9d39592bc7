/** Time for the simulated engine, as a seam: real timers in the worker, the same in tests (at high rates). */
export interface SimClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: SimClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
