/**
 * What the catalog declares each web-llm model can do, against web-llm
 * 0.2.86's real prebuilt list: thinking per family, the tool mode each model
 * gets, and what a custom model needs of the GPU. The counts are the
 * documented ones (docs/benchmarks.md, "web-llm catalog"); a new web-llm
 * list that changes them fails here first.
 */
import { functionCallingModelIds, prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import type { AdapterFacts } from '../../../src/core/engine/adapter';
import { buildCatalog } from '../../../src/core/models/catalog';
import { chooseToolMode } from '../../../src/core/retrieval/tool-protocol';
import { catalogRecords } from '../../../workers/webllm-catalog';
import { webllmFamily } from '../../../workers/webllm-families';

const records = catalogRecords(prebuiltAppConfig, functionCallingModelIds, []);
const chat = records.filter((r) => r.type === 'llm');
const catalog = buildCatalog(records, [], null);

function tally<T extends string>(values: readonly T[]): Partial<Record<T, number>> {
  const counts: Partial<Record<T, number>> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const NO_F16: AdapterFacts = {
  webgpu: true,
  vendor: 'nvidia',
  architecture: 'ampere',
  device: '',
  description: '',
  isFallbackAdapter: false,
  shaderF16: false,
  maxBufferSize: 2 * 1024 ** 3,
  maxStorageBufferBindingSize: 2 * 1024 ** 3,
  features: [],
};

describe('thinking per web-llm model', () => {
  it('counts: 115 catalog models, 14 with a switch, 2 that always reason, 99 without', () => {
    expect(catalog).toHaveLength(115);
    expect(tally(catalog.map((e) => e.capabilities.thinking))).toEqual({ switch: 14, always: 2, none: 99 });
    // Over web-llm's whole chat list (the 7B-9B models and vision models included):
    expect(tally(chat.map((r) => r.capabilities.thinking))).toEqual({ switch: 19, always: 6, none: 134 });
  });

  it.each([
    { id: 'Qwen3-0.6B-q4f16_1-MLC', thinking: 'switch', why: 'Qwen3: the empty block is its own "off"' },
    { id: 'Qwen3.5-0.8B-q4f32_1-MLC', thinking: 'switch', why: "Qwen3.5: qwen3_5_nothink's header" },
    { id: 'DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC', thinking: 'always', why: 'R1 distills always reason' },
    {
      id: 'Ministral-3-3B-Reasoning-2512-q4f16_1-MLC',
      thinking: 'always',
      why: 'asked to [THINK] every time',
    },
    { id: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', thinking: 'none', why: 'Qwen2.5 does not think' },
    { id: 'Llama-3.2-1B-Instruct-q4f16_1-MLC', thinking: 'none', why: 'Llama 3.2 does not think' },
    { id: 'SmolLM2-360M-Instruct-q4f32_1-MLC', thinking: 'none', why: 'SmolLM2 does not think' },
  ])('$id: $thinking ($why)', ({ id, thinking }) => {
    expect(records.find((r) => r.id === id)?.capabilities.thinking).toBe(thinking);
  });
});

describe('tool mode per web-llm model', () => {
  it("native for web-llm's function-calling models, a constrained tag for every other chat model", () => {
    for (const record of chat) {
      const expected = functionCallingModelIds.includes(record.id) ? 'native' : 'structural-tag';
      expect([record.id, chooseToolMode(record.capabilities)]).toEqual([record.id, expected]);
      expect(record.capabilities.stopSequences).toBe(true);
    }
    expect(tally(catalog.map((e) => chooseToolMode(e.capabilities)))).toEqual({
      native: 1,
      'structural-tag': 114,
    });
  });

  it('embedding models get no tool and no grammar', () => {
    const embedding = records.filter((r) => r.type === 'embedding');
    expect(embedding.length).toBeGreaterThan(0);
    expect(embedding.every((r) => !r.capabilities.constrainedToolCalls)).toBe(true);
  });
});

describe('custom models', () => {
  const custom = (id: string, modelUrl: string) =>
    catalogRecords(prebuiltAppConfig, functionCallingModelIds, [
      { id, modelUrl, modelLibUrl: 'https://example.org/lib/model-webgpu.wasm' },
    ]).find((r) => r.id === id);

  it('an f16 build named only by its URL needs shader-f16, and is not offered on an adapter without it', () => {
    const record = custom('my-finetune', 'https://huggingface.co/me/my-finetune-q4f16_1-MLC');
    expect(record?.gpu?.features).toEqual(['shader-f16']);
    const entry = buildCatalog(record ? [record] : [], [], NO_F16)[0];
    expect(entry?.unavailable?.reason).toMatch(/shader-f16/);
  });

  it('a build needing any other WebGPU feature the adapter lacks is not offered either', () => {
    const record = custom('mine-subgroups', 'https://huggingface.co/me/mine-q4f32_1-MLC');
    const needy = record && { ...record, gpu: { memoryMB: 500, lowResource: true, features: ['subgroups'] } };
    const entry = buildCatalog(needy ? [needy] : [], [], NO_F16)[0];
    expect(entry?.unavailable?.reason).toMatch(/subgroups/);
    expect(
      buildCatalog(needy ? [needy] : [], [], { ...NO_F16, features: ['subgroups'] })[0]?.unavailable,
    ).toBeUndefined();
  });

  it('an f32 build needs no shader-f16', () => {
    expect(custom('mine', 'https://huggingface.co/me/mine-q4f32_1-MLC')?.gpu?.features).toBeUndefined();
  });

  it('takes its family (and thinking switch) from the weights URL when its id does not say', () => {
    const record = custom('my-qwen', 'https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f32_1-MLC/resolve/main/');
    expect(record?.capabilities.thinking).toBe('switch');
  });
});

describe('webllmFamily', () => {
  it('folds the system text into the first user turn for Gemma only', () => {
    const folded = chat.filter((r) => !webllmFamily(r.id).systemTurn).map((r) => r.id);
    expect(folded.length).toBeGreaterThan(0);
    expect(folded.every((id) => id.toLowerCase().startsWith('gemma'))).toBe(true);
  });
});
