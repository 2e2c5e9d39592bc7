import { describe, expect, it } from 'vitest';
import { adapterName, isSoftwareAdapter, machineFacts } from '../../../../src/core/speed/machine';
import { measure } from '../../../../src/core/speed/measure';
import { speedLabFigures } from '../../../../src/core/speed/records';
import { buildMachine, buildRow, buildSpeedTest } from './builders';

describe('speed-lab figures for the accuracy-against-speed chart', () => {
  it('takes each model’s newest test, at its shortest input', () => {
    const figures = speedLabFigures([
      buildSpeedTest({
        id: 'old',
        measuredAt: 1,
        rows: [buildRow({ decodeTokensPerSecond: measure([10]) })],
      }),
      buildSpeedTest({
        id: 'new',
        measuredAt: 5,
        rows: [
          buildRow({ targetTokens: 512, decodeTokensPerSecond: measure([40]) }),
          buildRow({ targetTokens: 128, promptTokens: 130, decodeTokensPerSecond: measure([44]) }),
        ],
      }),
      buildSpeedTest({
        id: 'other',
        modelId: 'm2',
        rows: [buildRow({ decodeTokensPerSecond: measure([7]) })],
      }),
    ]);
    expect(figures.get('sim-honest-0.5B-q4f32_1')).toMatchObject({
      decodeTokensPerSecond: 44,
      promptTokens: 130,
      measuredAt: 5,
    });
    expect(figures.get('m2')?.decodeTokensPerSecond).toBe(7);
  });

  it('a test without a decode figure gives none', () => {
    const figures = speedLabFigures([
      buildSpeedTest({ rows: [] }),
      buildSpeedTest({ id: 'b', modelId: 'm3', rows: [buildRow({ decodeTokensPerSecond: measure([]) })] }),
    ]);
    expect(figures.size).toBe(0);
  });
});

describe('the machine a figure was measured on', () => {
  it.each([
    ['SwiftShader', { vendor: 'google', architecture: 'swiftshader' }, true],
    ['the fallback adapter', { vendor: 'x', isFallbackAdapter: true }, true],
    ['llvmpipe', { description: 'llvmpipe (LLVM 15.0.7, 256 bits)' }, true],
    ['Windows WARP', { description: 'Microsoft Basic Render Driver' }, true],
    ['an NVIDIA GPU', { vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H200' }, false],
    ['an Apple GPU', { vendor: 'apple', architecture: 'metal-3' }, false],
  ])('%s is software: %s', (_why, facts, software) => {
    const adapter = {
      vendor: '',
      architecture: '',
      device: '',
      description: '',
      isFallbackAdapter: false,
      ...facts,
    };
    expect(isSoftwareAdapter(adapter)).toBe(software);
  });

  it('names the adapter, marking software ones', () => {
    expect(adapterName(buildMachine())).toBe('google swiftshader, software');
    expect(
      adapterName(
        buildMachine({
          vendor: 'nvidia',
          architecture: 'hopper',
          description: 'NVIDIA H200',
          software: false,
        }),
      ),
    ).toBe('nvidia hopper (NVIDIA H200)');
    expect(adapterName(buildMachine({ webgpu: false }))).toBe('no WebGPU adapter');
  });

  it('machine facts from the adapter the worker read', () => {
    const facts = machineFacts(
      {
        webgpu: true,
        vendor: 'google',
        architecture: 'swiftshader',
        device: '',
        description: '',
        isFallbackAdapter: false,
        shaderF16: true,
        maxBufferSize: 1,
        maxStorageBufferBindingSize: 1,
        features: [],
      },
      'UA',
    );
    expect(facts).toEqual(buildMachine({ userAgent: 'UA' }));
  });
});

describe('the ceiling chart’s groups', () => {
  it('one group per model from its newest test, bars by input length, with the ceiling when there is one', async () => {
    const { ceilingGroups, ceilingChartMax } = await import('../../../../src/core/speed/ceiling-chart');
    const ceiling = {
      gbPerSecond: 100,
      probeId: 'p',
      probeMeasuredAt: 1,
      weights: { bytes: 1e9, source: 's' },
      tokensPerSecond: 100,
    };
    const groups = ceilingGroups([
      buildSpeedTest({ id: 'old', measuredAt: 1 }),
      buildSpeedTest({
        id: 'new',
        measuredAt: 9,
        ceiling,
        rows: [
          buildRow({ percentOfCeiling: 60 }),
          buildRow({ targetTokens: 512, promptTokens: 515, decodeTokensPerSecond: measure([55]) }),
        ],
      }),
      buildSpeedTest({ id: 'none', modelId: 'm2', rows: [buildRow({ decodeTokensPerSecond: measure([]) })] }),
    ]);
    expect(groups).toEqual([
      {
        modelId: 'sim-honest-0.5B-q4f32_1',
        testId: 'new',
        simulated: true,
        ceiling: 100,
        bars: [
          { inputTokens: 131, decodeTokensPerSecond: 60, percentOfCeiling: 60 },
          { inputTokens: 515, decodeTokensPerSecond: 55 },
        ],
      },
    ]);
    expect(ceilingChartMax(groups)).toBe(100);
    expect(ceilingChartMax([])).toBe(0);
  });
});
