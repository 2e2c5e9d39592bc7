import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import {
  estimateMlcWeights,
  MLC_QUANTISATIONS,
  parametersFromName,
  quantisationOf,
} from '../../../../src/core/speed/weights';
import { toModelRecord } from '../../../../workers/webllm-catalog';

describe('weight bytes from an MLC model id', () => {
  it.each([
    // [id, parameters, quantisation code, bytes]
    ['Llama-3.2-1B-Instruct-q4f16_1-MLC', 1e9, 'q4f16_1', 1e9 * 0.5625],
    ['Qwen2.5-0.5B-Instruct-q4f32_1-MLC', 0.5e9, 'q4f32_1', 0.5e9 * 0.625],
    ['SmolLM2-135M-Instruct-q0f32-MLC', 135e6, 'q0f32', 135e6 * 4],
    ['SmolLM2-360M-Instruct-q0f16-MLC', 360e6, 'q0f16', 360e6 * 2],
    ['stablelm-2-zephyr-1_6b-q4f16_1-MLC-1k', 1.6e9, 'q4f16_1', 1.6e9 * 0.5625],
    ['Llama-3.1-70B-Instruct-q3f16_1-MLC', 70e9, 'q3f16_1', 70e9 * 0.45],
    ['DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC', 7e9, 'q4f16_1', 7e9 * 0.5625],
    ['WizardMath-7B-V1.1-q4f16_1-MLC', 7e9, 'q4f16_1', 7e9 * 0.5625],
  ])('%s', (id, parameters, code, bytes) => {
    expect(parametersFromName(id)?.count).toBeCloseTo(parameters);
    expect(quantisationOf(id)?.code).toBe(code);
    const weights = estimateMlcWeights(id);
    expect(weights?.bytes).toBeCloseTo(bytes, -3);
    expect(weights?.source).toMatch(
      /^estimate: .* parameters \(from the model name, nominal\) × .* bits per weight/,
    );
  });

  it.each([
    ['no size in the name', 'Phi-3.5-mini-instruct-q4f16_1-MLC'],
    ['a version is not a size ("phi-1_5")', 'phi-1_5-q4f16_1-MLC'],
    ['an "effective" size is not a parameter count', 'gemma-4-E2B-it-q4f16_1-MLC'],
    ['an unknown quantisation', 'Llama-3.2-1B-Instruct-q8f16_7-MLC'],
    ['no quantisation at all', 'my-model-1B'],
  ])('no estimate: %s', (_why, id) => {
    expect(estimateMlcWeights(id)).toBeUndefined();
  });

  it('bits per weight follow MLC group quantisation: packed uint32 words plus one scale per group', () => {
    // q4: 32 weights = 4 u32 (128 bits) + one scale; q3: 40 weights = 4 u32 (10 per word) + one scale.
    expect(MLC_QUANTISATIONS.q4f16_1?.bitsPerWeight).toBe((4 * 32 + 16) / 32);
    expect(MLC_QUANTISATIONS.q4f32_1?.bitsPerWeight).toBe((4 * 32 + 32) / 32);
    expect(MLC_QUANTISATIONS.q3f16_1?.bitsPerWeight).toBe((4 * 32 + 16) / 40);
  });

  it('every quantisation code in web-llm’s catalog is known, and most models get an estimate', () => {
    const llms = prebuiltAppConfig.model_list.filter((m) => (m.model_type ?? 0) === 0);
    expect(llms.filter((m) => !quantisationOf(m.model_id)).map((m) => m.model_id)).toEqual([]);
    const estimated = llms.filter((m) => estimateMlcWeights(m.model_id));
    expect(estimated.length / llms.length).toBeGreaterThan(0.8);
  });

  it('the web-llm catalog puts the estimate and the fixed-length capability in its records', () => {
    const record = prebuiltAppConfig.model_list.find(
      (m) => m.model_id === 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    );
    expect(record).toBeDefined();
    if (!record) return;
    const model = toModelRecord(record, []);
    expect(model.weights?.bytes).toBe(281_250_000);
    expect(model.capabilities.fixedLength).toBe(true);
    const nameless = prebuiltAppConfig.model_list.find(
      (m) => m.model_id === 'Phi-3.5-mini-instruct-q4f16_1-MLC',
    );
    if (nameless) expect(toModelRecord(nameless, []).weights).toBeUndefined();
  });
});
