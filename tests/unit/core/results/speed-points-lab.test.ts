/** The accuracy-against-speed chart takes the speed lab's figure of a model when there is one for the run's machine. */
import { describe, expect, it } from 'vitest';
import { speedPoints } from '../../../../src/core/results/chart-data';
import { buildGrid } from '../../../../src/core/results/grid-model';
import { runFigures } from '../../../../src/core/results/summary-rows';
import { measure } from '../../../../src/core/speed/measure';
import { speedLabFigures } from '../../../../src/core/speed/records';
import { buildMachine, buildRow, buildSpeedTest } from '../speed/builders';
import { CLOSED, CONTEXT_OK, item, promptSet, resultsFromTable, run } from './builders';

describe('speed points with speed-lab figures', () => {
  const theRun = run({ itemIds: ['q1', 'q2'] }, { modelIds: ['m1', 'm2'], conditions: [CLOSED, CONTEXT_OK] });
  const results = resultsFromTable({ q1: 'CICI', q2: 'CCCC' }, [
    ['m1', 'closed-book'],
    ['m1', 'context:ok'],
    ['m2', 'closed-book'],
    ['m2', 'context:ok'],
  ]);
  const { rows } = runFigures(
    buildGrid(theRun, results, promptSet([item('q1'), item('q2')])),
    theRun,
    results,
  );
  const lab = speedLabFigures([
    buildSpeedTest({ modelId: 'm1', rows: [buildRow({ decodeTokensPerSecond: measure([71.5]) })] }),
  ]);

  it('a model with a lab figure is placed at it, on every condition; the others keep the run’s own speed', () => {
    expect(
      speedPoints(rows, lab).map((p) => [p.modelId, p.condition, p.tokensPerSecond, p.speedSource]),
    ).toEqual([
      ['m1', 'Closed book', 71.5, 'speed-lab'],
      ['m1', 'Passages in context', 71.5, 'speed-lab'],
      ['m2', 'Closed book', 30, 'run'],
      ['m2', 'Passages in context', 30, 'run'],
    ]);
  });

  it('without lab figures every point is the run’s own', () => {
    expect(speedPoints(rows).every((p) => p.speedSource === 'run')).toBe(true);
  });

  it('only tests of the run’s engine on the run’s adapter count', () => {
    const tests = [buildSpeedTest({ modelId: 'm1' })];
    const swiftshader = { vendor: 'google', architecture: 'swiftshader', description: '' };
    expect(speedLabFigures(tests, { engine: 'simulated', adapter: swiftshader }).has('m1')).toBe(true);
    expect(speedLabFigures(tests, { engine: 'webllm', adapter: swiftshader }).has('m1')).toBe(false);
    expect(
      speedLabFigures(tests, {
        engine: 'simulated',
        adapter: { ...swiftshader, architecture: 'ampere' },
      }).has('m1'),
    ).toBe(false);
    expect(speedLabFigures(tests, { engine: 'simulated' }).has('m1')).toBe(false);
    const noGpu = [buildSpeedTest({ modelId: 'm1', machine: buildMachine({ webgpu: false }) })];
    expect(speedLabFigures(noGpu, { engine: 'simulated' }).has('m1')).toBe(true);
  });
});
