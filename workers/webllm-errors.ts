/**
 * web-llm's failures as AppErrors a person can act on. web-llm exports only
 * `IntegrityError`, so errors are matched by `name` (names as set in
 * web-llm 0.2.86's constructors) and, for what the browser throws (GPU
 * out-of-memory, fetch and storage failures), by name and message.
 * Rejected: `instanceof` against web-llm's classes — they are not exported,
 * and errors rebuilt across a realm boundary would fail it anyway.
 */
import { AppError, type ErrorCode } from '../src/core/errors';

interface Mapping {
  code: ErrorCode;
  message: string;
  action: string;
}

const SMALLER_MODEL = 'Try a smaller model or a -1k variant (shorter context, less memory).';

const BY_NAME: Record<string, Mapping> = {
  WebGPUNotAvailableError: {
    code: 'webgpu-unavailable',
    message: 'This browser does not offer WebGPU, which running a model needs.',
    action: 'Use a recent Chrome, Edge or Safari with WebGPU enabled, or check chrome://gpu.',
  },
  WebGPUNotFoundError: {
    code: 'webgpu-unavailable',
    message: 'No WebGPU adapter was found.',
    action: 'Update the GPU driver or enable WebGPU in the browser settings or flags.',
  },
  ShaderF16SupportError: {
    code: 'shader-f16-unsupported',
    message: 'This model needs the WebGPU feature shader-f16, which this GPU or browser lacks.',
    action: 'Pick the same model with q4f32 quantisation (its f32 twin).',
  },
  FeatureSupportError: {
    code: 'shader-f16-unsupported',
    message: 'This model needs a WebGPU feature this browser does not offer.',
    action: 'Pick an f32 variant of the model, or update the browser.',
  },
  DeviceLostError: {
    code: 'device-lost',
    message: 'The GPU device was lost, most often because it ran out of memory.',
    action: SMALLER_MODEL,
  },
  ModelNotFoundError: {
    code: 'model-not-found',
    message: 'This model is not in the catalog.',
    action: 'Check the model id, or add it as a custom model.',
  },
  SpecifiedModelNotFoundError: {
    code: 'model-not-found',
    message: 'The requested model is not the one loaded.',
    action: 'Load the model first.',
  },
  MissingModelError: {
    code: 'custom-model-invalid',
    message: 'This model has no WebGPU library (model_lib).',
    action: 'Give the model library URL (a .wasm file).',
  },
  ModelNotLoadedError: {
    code: 'model-not-loaded',
    message: 'No model is loaded.',
    action: 'Load a model first.',
  },
  WorkerEngineModelNotLoadedError: {
    code: 'model-not-loaded',
    message: 'No model is loaded.',
    action: 'Load a model first.',
  },
  ContextWindowSizeExceededError: {
    code: 'context-window-exceeded',
    message: "The prompt is longer than this model's context window.",
    action: 'Shorten the prompt, use fewer passages, or pick a model with a longer context.',
  },
  IntegrityError: {
    code: 'integrity-failed',
    message: 'A downloaded model file did not match its checksum.',
    action: 'Delete the model from storage and download it again.',
  },
  QuotaExceededError: {
    code: 'storage-quota-exceeded',
    message: 'The browser refused to store the model: the storage quota is full.',
    action: 'Private windows limit storage; use a normal window or free space by deleting models.',
  },
  NetworkError: {
    code: 'download-failed',
    message: 'Downloading the model failed.',
    action: 'Check the connection and try again; the download resumes from the files already cached.',
  },
  AbortError: {
    code: 'load-cancelled',
    message: 'Loading was cancelled.',
    action: 'Load the model again when you are ready.',
  },
};

const BY_MESSAGE: readonly [RegExp, Mapping][] = [
  [
    /out of memory|OutOfMemory|allocation failed|Failed to allocate|exceeds the max buffer/i,
    {
      code: 'out-of-memory',
      message: 'The GPU ran out of memory for this model.',
      action: SMALLER_MODEL,
    },
  ],
  [/device (?:was |is )?lost|GPUDevice.*lost|lost device/i, BY_NAME.DeviceLostError as Mapping],
  [/quota/i, BY_NAME.QuotaExceededError as Mapping],
  [
    /Failed to fetch|NetworkError|Cache\.add|on 'Cache'|network|fetch.*failed|status(?: code)? [45]\d\d/i,
    BY_NAME.NetworkError as Mapping,
  ],
  [/shader-f16/i, BY_NAME.ShaderF16SupportError as Mapping],
  [/WebGPU is not supported|navigator\.gpu/i, BY_NAME.WebGPUNotAvailableError as Mapping],
];

/** After a lost device the model was reloaded: the answer is gone, the next prompt works. */
export function deviceLostRecovered(): AppError {
  return new AppError('device-lost', {
    message:
      'The GPU device was lost during the answer, most often from running out of memory. The model was reloaded.',
    action: `Send the prompt again. If it keeps happening: ${SMALLER_MODEL.toLowerCase()}`,
  });
}

/** After a lost device, reloading the model failed too. */
export function deviceLostUnrecovered(cause: unknown): AppError {
  return new AppError('device-lost', {
    message: 'The GPU device was lost and the model could not be reloaded.',
    action: `${SMALLER_MODEL} Reloading the page also resets the GPU.`,
    cause,
  });
}

/** Maps anything web-llm (or the browser under it) throws to an AppError; AppErrors pass through. */
export function mapWebLlmError(value: unknown): AppError {
  if (value instanceof AppError) return value;
  const name = value instanceof Error || isNamed(value) ? value.name : '';
  const text = value instanceof Error ? value.message : typeof value === 'string' ? value : '';
  const mapping = BY_NAME[name] ?? BY_MESSAGE.find(([pattern]) => pattern.test(`${name} ${text}`))?.[1];
  if (mapping) {
    return new AppError(mapping.code, { message: mapping.message, action: mapping.action, cause: value });
  }
  return new AppError('unknown', {
    message: text ? `The engine failed: ${text}` : 'The engine failed for an unknown reason.',
    action: 'Reload the model; if it happens again, try another model.',
    cause: value,
  });
}

function isNamed(value: unknown): value is { name: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
  );
}
