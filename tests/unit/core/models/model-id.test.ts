import { describe, expect, it } from 'vitest';
import { f32TwinId, parseModelId } from '../../../../src/core/models/model-id';

describe('parseModelId', () => {
  it.each([
    ['Qwen2.5-1.5B-Instruct-q4f32_1-MLC', 'Qwen', 1.5, 'q4f32_1', 'plain size and quantisation'],
    ['SmolLM2-360M-Instruct-q4f16_1-MLC', 'SmolLM', 0.36, 'q4f16_1', 'millions become billions'],
    ['Llama-3.2-1B-Instruct-q0f16-MLC', 'Llama', 1, 'q0f16', 'unquantised weights, version before size'],
    ['Phi-3.5-mini-instruct-q4f16_1-MLC-1k', 'Phi', 3.8, 'q4f16_1', '"mini" is 3.8B; -1k is not a size'],
    ['phi-1_5-q4f32_1-MLC', 'Phi', 1.3, 'q4f32_1', '"1_5" is a version here, not 1.5B'],
    ['stablelm-2-zephyr-1_6b-q4f32_1-MLC', 'StableLM', 1.6, 'q4f32_1', 'size spelled with an underscore'],
    ['gemma-4-E2B-it-q4f16_1-MLC', 'Gemma', 2, 'q4f16_1', "Gemma's effective size"],
    ['Hermes-2-Pro-Mistral-7B-q4f16_1-MLC', 'Hermes', 7, 'q4f16_1', 'Hermes before Mistral'],
    ['DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC', 'DeepSeek', 7, 'q4f16_1', 'DeepSeek before Qwen'],
    ['TinyLlama-1.1B-Chat-v1.0-q4f32_1-MLC', 'TinyLlama', 1.1, 'q4f32_1', 'TinyLlama before Llama'],
    ['Llama-3.1-70B-Instruct-q3f16_1-MLC', 'Llama', 70, 'q3f16_1', '3-bit quantisation'],
    ['sim-toolsmith-1.5B-q4f32_1', 'Simulated', 1.5, 'q4f32_1', 'simulated models form their own family'],
  ])('%s → %s, %sB, %s (%s)', (id, family, paramsB, quantization) => {
    expect(parseModelId(id)).toMatchObject({ family, paramsB, quantization });
  });

  it('leaves the size unknown when the id names none', () => {
    expect(parseModelId('WizardMath-q4f16_1-MLC').paramsB).toBeUndefined();
  });
});

describe('f32TwinId', () => {
  it.each([
    ['SmolLM2-360M-Instruct-q4f16_1-MLC', 'SmolLM2-360M-Instruct-q4f32_1-MLC'],
    ['Qwen3-0.6B-q0f16-MLC', 'Qwen3-0.6B-q0f32-MLC'],
    ['gemma-2-2b-it-q4f16_1-MLC-1k', 'gemma-2-2b-it-q4f32_1-MLC-1k'],
    ['Qwen3-0.6B-q4f32_1-MLC', undefined],
  ])('%s → %s', (id, twin) => {
    expect(f32TwinId(id)).toBe(twin);
  });
});
