import { describe, expect, it } from 'vitest';
import { readAdapterFacts } from '../../../workers/adapter-facts';

const limits = { maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 27 };

describe('readAdapterFacts', () => {
  it('reads a SwiftShader-like adapter: fallback, no shader-f16, its limits', async () => {
    const facts = await readAdapterFacts({
      requestAdapter: async () => ({
        info: {
          vendor: 'google',
          architecture: 'swiftshader',
          device: '',
          description: '',
          isFallbackAdapter: true,
        },
        features: new Set(['timestamp-query', 'float32-filterable']),
        limits,
      }),
    });
    expect(facts).toEqual({
      webgpu: true,
      vendor: 'google',
      architecture: 'swiftshader',
      device: '',
      description: '',
      isFallbackAdapter: true,
      shaderF16: false,
      maxBufferSize: 2 ** 30,
      maxStorageBufferBindingSize: 2 ** 27,
      features: ['float32-filterable', 'timestamp-query'],
    });
  });

  it('sees shader-f16, and the fallback flag where older browsers put it', async () => {
    const facts = await readAdapterFacts({
      requestAdapter: async () => ({
        info: { vendor: 'nvidia' },
        isFallbackAdapter: false,
        features: ['shader-f16'],
        limits,
      }),
    });
    expect(facts).toMatchObject({
      webgpu: true,
      shaderF16: true,
      isFallbackAdapter: false,
      vendor: 'nvidia',
    });
  });

  it.each([
    ['no navigator.gpu', undefined, /navigator\.gpu is missing/],
    ['a null adapter', { requestAdapter: async () => null }, /no adapter/],
    ['a throwing request', { requestAdapter: async () => Promise.reject(new Error('denied')) }, /denied/],
  ])('answers webgpu: false with a reason for %s', async (_reason, gpu, reason) => {
    const facts = await readAdapterFacts(gpu);
    expect(facts.webgpu).toBe(false);
    expect(facts.unavailableReason).toMatch(reason);
  });
});
