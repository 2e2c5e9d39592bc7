import { describe, expect, it } from 'vitest';
import { bitsPerWeight, estimateDownloadBytes } from '../../../../src/core/models/download-size';

describe('bitsPerWeight', () => {
  it.each<[string, number | undefined, string]>([
    ['q4f16_1', 4.5, '4-bit weights, one f16 scale per 32'],
    ['q4f32_1', 5, '4-bit weights, one f32 scale per 32'],
    ['q3f16_1', 3.5, '3-bit weights'],
    ['q0f16', 16, 'unquantised f16'],
    ['q0f32', 32, 'unquantised f32'],
    ['', undefined, 'no quantisation named'],
    ['int8', undefined, 'not an MLC name'],
  ])('%s → %s (%s)', (quantization, bits) => {
    expect(bitsPerWeight(quantization)).toBe(bits);
  });
});

describe('estimateDownloadBytes', () => {
  it('comes close to published MLC weights', () => {
    // Llama-3.2-1B has 1.24B parameters; its q4f16_1 weights are about 0.70 GB.
    expect(estimateDownloadBytes(1.24, 'q4f16_1')).toBe(697_500_000);
  });

  it('says nothing when the size or the quantisation is unknown', () => {
    expect(estimateDownloadBytes(undefined, 'q4f16_1')).toBeUndefined();
    expect(estimateDownloadBytes(1, '')).toBeUndefined();
  });
});
