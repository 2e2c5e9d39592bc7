import { functionCallingModelIds, prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import type { AdapterFacts } from '../../../../src/core/engine/adapter';
import { catalogRecords } from '../../../../workers/webllm-catalog';
import {
  buildCatalog,
  catalogNotice,
  VRAM_CUTOFF_MB,
  type CatalogEntry,
} from '../../../../src/core/models/catalog';
import { DEFAULT_SCENARIO, toModelRecord as toSimulatedRecord } from '../../../../workers/simulated/scenario';
import { catalogFamilies, filterCatalog } from '../../../../src/core/models/filter-catalog';

const GiB = 1024 ** 3;

function adapter(overrides: Partial<AdapterFacts> = {}): AdapterFacts {
  return {
    webgpu: true,
    vendor: 'google',
    architecture: 'swiftshader',
    device: '',
    description: '',
    isFallbackAdapter: true,
    shaderF16: false,
    maxBufferSize: GiB,
    maxStorageBufferBindingSize: GiB,
    features: [],
    ...overrides,
  };
}

/** The real prebuilt list, as the worker maps it. */
const records = catalogRecords(prebuiltAppConfig, functionCallingModelIds, []);
const swiftshader = buildCatalog(records, [], adapter());
const withF16 = buildCatalog(records, [], adapter({ shaderF16: true, maxBufferSize: 4 * GiB }));
const byId = (entries: CatalogEntry[], id: string) => entries.find((e) => e.id === id);

describe('buildCatalog from the real prebuiltAppConfig', () => {
  it('keeps only chat models: embedding and vision models are left out', () => {
    expect(swiftshader.every((e) => e.type === 'llm')).toBe(true);
    expect(byId(swiftshader, 'snowflake-arctic-embed-m-q0f32-MLC-b32')).toBeUndefined();
    expect(byId(swiftshader, 'Phi-3.5-vision-instruct-q4f16_1-MLC')).toBeUndefined();
  });

  it(`leaves out models needing more than ${VRAM_CUTOFF_MB} MB and keeps the 8B -1k variants below it`, () => {
    expect(swiftshader.every((e) => (e.gpu?.memoryMB ?? 0) <= VRAM_CUTOFF_MB)).toBe(true);
    expect(byId(swiftshader, 'Llama-3.1-8B-Instruct-q4f16_1-MLC')).toBeUndefined();
    expect(byId(swiftshader, 'Llama-3.1-8B-Instruct-q4f16_1-MLC-1k')).toBeDefined();
    expect(swiftshader.length).toBeGreaterThan(50);
  });

  it.each([
    [
      'SmolLM2-360M-Instruct-q4f16_1-MLC',
      'SmolLM2-360M-Instruct-q4f32_1-MLC',
      'required_features names shader-f16',
    ],
    [
      'Llama-3.2-1B-Instruct-q4f16_1-MLC',
      'Llama-3.2-1B-Instruct-q4f32_1-MLC',
      'f16 quantisation without required_features',
    ],
    ['Qwen3-0.6B-q0f16-MLC', 'Qwen3-0.6B-q0f32-MLC', 'q0f16 weights'],
  ])('disables %s without shader-f16 and points to %s (%s)', (id, twin) => {
    const entry = byId(swiftshader, id);
    expect(entry?.unavailable?.reason).toMatch(/shader-f16/);
    expect(entry?.unavailable?.f32Twin).toBe(twin);
    expect(byId(swiftshader, twin)?.unavailable).toBeUndefined();
  });

  it('gives no twin when the catalog has none', () => {
    // Qwen3.5-0.8B-q0f16 has no q0f32 build in the list.
    const entry = byId(swiftshader, 'Qwen3.5-0.8B-q0f16-MLC');
    expect(entry?.unavailable?.reason).toMatch(/shader-f16/);
    expect(entry?.unavailable?.f32Twin).toBeUndefined();
  });

  it('enables f16 models when the adapter has shader-f16', () => {
    expect(byId(withF16, 'SmolLM2-360M-Instruct-q4f16_1-MLC')?.unavailable).toBeUndefined();
  });

  it.each([
    ['Qwen2.5-0.5B-Instruct-q4f32_1-MLC', 'Qwen', 0.5, 'q4f32_1', 4096, true],
    ['SmolLM2-360M-Instruct-q4f32_1-MLC', 'SmolLM', 0.36, 'q4f32_1', 4096, true],
    ['Phi-3.5-mini-instruct-q4f32_1-MLC-1k', 'Phi', 3.8, 'q4f32_1', 1024, true],
    ['gemma-2-2b-it-q4f32_1-MLC', 'Gemma', 2, 'q4f32_1', 4096, false],
  ])(
    'describes %s: family %s, %sB, %s, context %i, low-resource %s',
    (id, family, paramsB, quant, ctx, low) => {
      const entry = byId(withF16, id);
      expect(entry).toMatchObject({
        family,
        paramsB,
        quantization: quant,
        contextWindow: ctx,
        gpu: { lowResource: low },
      });
    },
  );

  it('marks Hermes models as native function callers', () => {
    const hermes = withF16.filter((e) => e.capabilities.nativeTools).map((e) => e.id);
    expect(hermes).toContain('Hermes-2-Pro-Mistral-7B-q4f16_1-MLC');
    expect(hermes.every((id) => id.startsWith('Hermes'))).toBe(true);
  });

  it('marks downloaded models as cached', () => {
    const entries = buildCatalog(records, ['Qwen2.5-0.5B-Instruct-q4f32_1-MLC'], adapter());
    expect(entries.filter((e) => e.cached).map((e) => e.id)).toEqual(['Qwen2.5-0.5B-Instruct-q4f32_1-MLC']);
  });
});

describe('buildCatalog against adapter limits', () => {
  const rows: [string, Partial<AdapterFacts>, string, RegExp | undefined][] = [
    [
      'no WebGPU disables every web-llm model, pointing to the one notice above the list',
      { webgpu: false, unavailableReason: 'No navigator.gpu here.' },
      'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      /Needs WebGPU/,
    ],
    [
      'gemma-2b needs 250 MiB buffers, more than a 128 MiB limit',
      { maxStorageBufferBindingSize: 128 * 1024 ** 2, maxBufferSize: 256 * 1024 ** 2 },
      'gemma-2b-it-q4f32_1-MLC-1k',
      /250 MiB buffers/,
    ],
    [
      'a model not low-resource needs 1 GiB bindings',
      { maxStorageBufferBindingSize: 128 * 1024 ** 2 },
      'gemma-2-2b-it-q4f32_1-MLC',
      /low-resource/,
    ],
    [
      'a 4.3 GB model is far beyond a 1 GiB max buffer (4 GiB ceiling)',
      {},
      'Qwen3-4B-q4f32_1-MLC',
      /GPU memory/,
    ],
    ['a 1 GB low-resource model fits SwiftShader', {}, 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', undefined],
  ];
  it.each(rows)('%s', (_reason, overrides, id, expected) => {
    const entry = byId(buildCatalog(records, [], adapter(overrides)), id);
    if (expected) expect(entry?.unavailable?.reason).toMatch(expected);
    else expect(entry?.unavailable).toBeUndefined();
  });

  it('says why there is no WebGPU once, for engines that need it', () => {
    const none = adapter({ webgpu: false, unavailableReason: 'No navigator.gpu here.' });
    expect(catalogNotice(none, true)).toBe('No navigator.gpu here.');
    expect(catalogNotice(none, false)).toBeNull();
    expect(catalogNotice(adapter(), true)).toBeNull();
    expect(catalogNotice(null, true)).toBeNull();
  });

  it('runs simulated models without WebGPU, and holds them to the adapter when there is one', () => {
    const simulated = DEFAULT_SCENARIO.models.map(toSimulatedRecord);
    const without = buildCatalog(simulated, [], adapter({ webgpu: false, unavailableReason: 'none' }));
    expect(without.filter((e) => e.unavailable)).toEqual([]);
    expect(without.every((e) => e.simulated)).toBe(true);
    const f16only = byId(buildCatalog(simulated, [], adapter()), 'sim-f16only-1B-q4f16_1');
    expect(f16only?.unavailable?.reason).toMatch(/shader-f16/);
  });

  it('disables nothing while the adapter is not yet known', () => {
    expect(buildCatalog(records, [], null).some((e) => e.unavailable)).toBe(false);
  });

  it('keeps custom models whatever their size, marked custom', () => {
    const custom = catalogRecords(prebuiltAppConfig, functionCallingModelIds, [
      {
        id: 'my-big-finetune-q4f32_1-MLC',
        modelUrl: 'https://huggingface.co/me/x-MLC',
        modelLibUrl: 'https://x/y.wasm',
        vramMB: 9000,
      },
    ]);
    const entry = byId(buildCatalog(custom, [], adapter()), 'my-big-finetune-q4f32_1-MLC');
    expect(entry).toMatchObject({ custom: true, gpu: { memoryMB: 9000 } });
  });
});

describe('filterCatalog', () => {
  const rows: [string, Parameters<typeof filterCatalog>[1], (e: CatalogEntry) => boolean][] = [
    [
      'text matches every word in id, family or quantisation',
      { text: 'qwen q4f32' },
      (e) => e.family === 'Qwen' && e.quantization === 'q4f32_1',
    ],
    ['family picks one family', { family: 'SmolLM' }, (e) => e.family === 'SmolLM'],
    ['size caps parameters', { maxParamsB: 1 }, (e) => (e.paramsB ?? 0) <= 1],
    ['only runnable leaves out what the adapter cannot run', { onlyRunnable: true }, (e) => !e.unavailable],
  ];
  it.each(rows)('%s', (_reason, filter, holds) => {
    const found = filterCatalog(swiftshader, filter);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every(holds)).toBe(true);
    expect(found.length).toBeLessThan(swiftshader.length);
  });

  it('only cached keeps downloaded models', () => {
    const entries = buildCatalog(records, ['SmolLM2-360M-Instruct-q4f32_1-MLC'], adapter());
    expect(filterCatalog(entries, { onlyCached: true }).map((e) => e.id)).toEqual([
      'SmolLM2-360M-Instruct-q4f32_1-MLC',
    ]);
  });

  it('lists families once each, sorted', () => {
    const families = catalogFamilies(swiftshader);
    expect(families).toEqual([...new Set(families)].sort((a, b) => a.localeCompare(b)));
    expect(families).toEqual(expect.arrayContaining(['Llama', 'Qwen', 'Phi', 'Gemma', 'SmolLM', 'Hermes']));
  });
});
