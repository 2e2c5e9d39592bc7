import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../../src/core/errors';
import { mapWebLlmError } from '../../../workers/webllm-errors';

function named(name: string, message = ''): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('mapWebLlmError, by web-llm error name (0.2.86)', () => {
  const rows: [name: string, code: ErrorCode, action: RegExp][] = [
    ['WebGPUNotAvailableError', 'webgpu-unavailable', /WebGPU/],
    ['WebGPUNotFoundError', 'webgpu-unavailable', /driver|WebGPU/],
    ['ShaderF16SupportError', 'shader-f16-unsupported', /f32/],
    ['FeatureSupportError', 'shader-f16-unsupported', /f32/],
    ['DeviceLostError', 'device-lost', /smaller model or a -1k variant/],
    ['ModelNotFoundError', 'model-not-found', /custom model/],
    ['SpecifiedModelNotFoundError', 'model-not-found', /Load/],
    ['MissingModelError', 'custom-model-invalid', /\.wasm/],
    ['ModelNotLoadedError', 'model-not-loaded', /Load a model/],
    ['WorkerEngineModelNotLoadedError', 'model-not-loaded', /Load a model/],
    ['ContextWindowSizeExceededError', 'context-window-exceeded', /Shorten/],
    ['IntegrityError', 'integrity-failed', /download it again/],
    [
      'QuotaExceededError',
      'storage-quota-exceeded',
      /Private windows limit storage; use a normal window or free space/,
    ],
    ['NetworkError', 'download-failed', /connection/],
    ['AbortError', 'load-cancelled', /again/],
  ];
  it.each(rows)('%s → %s', (name, code, action) => {
    const mapped = mapWebLlmError(named(name, 'web-llm text'));
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.code).toBe(code);
    expect(mapped.action).toMatch(action);
    expect(mapped.cause).toBeInstanceOf(Error);
  });
});

describe('mapWebLlmError, by what the browser says', () => {
  const rows: [reason: string, error: unknown, code: ErrorCode][] = [
    ['GPU allocation failure', new Error('Out of memory while allocating buffer'), 'out-of-memory'],
    ['WebGPU OOM error text', named('GPUOutOfMemoryError', 'Failed to allocate'), 'out-of-memory'],
    ['device lost reported as text', new Error('GPUDevice was lost: destroyed'), 'device-lost'],
    [
      'Cache.add network failure',
      new TypeError("Failed to execute 'add' on 'Cache': Request failed"),
      'download-failed',
    ],
    ['fetch failure', new TypeError('Failed to fetch'), 'download-failed'],
    [
      'HTTP error from a model host',
      new Error('Cannot fetch https://hf.co/x: status 404'),
      'download-failed',
    ],
    [
      'quota as a DOMException name',
      named('QuotaExceededError', 'The quota has been exceeded.'),
      'storage-quota-exceeded',
    ],
    ['quota in a message only', new Error('Storage quota exceeded'), 'storage-quota-exceeded'],
    ['a bare string', 'something odd', 'unknown'],
    ['an unknown error', new Error('weird'), 'unknown'],
  ];
  it.each(rows)('%s → %s', (_reason, error, code) => {
    expect(mapWebLlmError(error).code).toBe(code);
  });

  it('keeps an AppError as it is', () => {
    const original = new AppError('engine-busy', { message: 'busy' });
    expect(mapWebLlmError(original)).toBe(original);
  });

  it('keeps the engine text for unknown errors so nothing is hidden', () => {
    expect(mapWebLlmError(new Error('weird')).message).toContain('weird');
  });
});
