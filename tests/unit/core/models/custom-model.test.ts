import { describe, expect, it } from 'vitest';
import { validateCustomModel, type CustomModelInput } from '../../../../src/core/models/custom-model';

const good: CustomModelInput = {
  id: 'my-qwen-finetune-q4f32_1',
  modelUrl: 'https://huggingface.co/someone/my-qwen-finetune-q4f32_1-MLC',
  modelLibUrl: 'https://example.org/libs/Qwen2.5-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm',
};
const existing = ['Qwen2.5-0.5B-Instruct-q4f32_1-MLC'];

describe('validateCustomModel', () => {
  // Issue 13: a URL with a user name or token was accepted and kept in plain text in settings.
  it.each([
    [
      'weights URL with user and token',
      { modelUrl: 'https://user:hf_token@huggingface.co/me/x-MLC' },
      'Weights URL',
    ],
    [
      'weights URL with a token as user name',
      { modelUrl: 'https://hf_token@huggingface.co/me/x-MLC' },
      'Weights URL',
    ],
    [
      'library URL with credentials',
      { modelLibUrl: 'https://user:secret@example.org/libs/x-webgpu.wasm' },
      'Model library URL',
    ],
    [
      'credentials with an empty password',
      { modelUrl: 'https://user:@huggingface.co/me/x-MLC' },
      'Weights URL',
    ],
  ])('refuses a %s, saying why', (_why, patch, field) => {
    const result = validateCustomModel({ ...good, ...patch }, existing);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('custom-model-invalid');
    expect(result.error.message).toBe(`${field} must not contain a user name or password.`);
    expect(result.error.action).toContain('stored in plain text');
    expect(result.error.message).not.toContain('token');
  });

  it('accepts a Hugging Face MLC repo with a .wasm library, trimming the id', () => {
    const result = validateCustomModel(
      { ...good, id: `  ${good.id} `, vramMB: '1200', contextWindow: 2048 },
      existing,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        id: good.id,
        modelUrl: good.modelUrl,
        modelLibUrl: good.modelLibUrl,
        vramMB: 1200,
        contextWindow: 2048,
      },
    });
  });

  it('treats empty optional fields as not given', () => {
    const result = validateCustomModel({ ...good, vramMB: '', contextWindow: ' ' }, existing);
    expect(result.ok && result.value).toEqual({
      id: good.id,
      modelUrl: good.modelUrl,
      modelLibUrl: good.modelLibUrl,
    });
  });

  it.each([
    ['empty id', { id: ' ' }, /^Model id is empty/],
    ['id with spaces', { id: 'my model' }, /^Model id contains spaces/],
    ['id already in the catalog', { id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' }, /^Model id .* already taken/],
    ['weights over http', { modelUrl: 'http://huggingface.co/a/b-MLC' }, /^Weights URL must be an https/],
    ['weights URL not a URL', { modelUrl: 'my model' }, /^Weights URL must be an https/],
    [
      'weights URL on HF without a repo',
      { modelUrl: 'https://huggingface.co/someone' },
      /^Weights URL .*MLC weights/,
    ],
    [
      'weights URL elsewhere not naming an MLC build',
      { modelUrl: 'https://example.org/models/llama' },
      /^Weights URL .*MLC weights/,
    ],
    [
      'library not a .wasm',
      { modelLibUrl: 'https://example.org/lib.js' },
      /^Model library URL must point to a \.wasm/,
    ],
    [
      'library over http',
      { modelLibUrl: 'http://example.org/lib.wasm' },
      /^Model library URL must be an https/,
    ],
    ['VRAM not a number', { vramMB: 'lots' }, /^VRAM \(MB\) must be a positive number/],
    ['VRAM negative', { vramMB: -5 }, /^VRAM \(MB\) must be a positive number/],
    ['context not whole', { contextWindow: 1024.5 }, /^Context window must be a positive whole number/],
  ] as const)('rejects %s, naming the field', (_reason, change, message) => {
    const result = validateCustomModel({ ...good, ...change }, existing);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('custom-model-invalid');
      expect(result.error.message).toMatch(message);
      expect(result.error.action).toBeTruthy();
    }
  });

  it('accepts MLC weights hosted elsewhere when the path names the build', () => {
    expect(
      validateCustomModel({ ...good, modelUrl: 'https://cdn.example.org/w/Qwen-q4f16_1-MLC/' }, existing).ok,
    ).toBe(true);
  });
});
