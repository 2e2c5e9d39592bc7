/**
 * Reads the WebGPU adapter's facts where web-llm will run: inside the worker.
 * Takes `navigator.gpu` as a parameter so tests pass a fake. Missing WebGPU is
 * an answer (`webgpu: false` with a reason), not an error: the rest of the
 * app works without a GPU.
 */
import type { AdapterFacts } from './api';

const NO_GPU: Omit<AdapterFacts, 'unavailableReason'> = {
  webgpu: false,
  vendor: '',
  architecture: '',
  device: '',
  description: '',
  isFallbackAdapter: false,
  shaderF16: false,
  maxBufferSize: 0,
  maxStorageBufferBindingSize: 0,
  features: [],
};

/** The parts of `GPUAdapter` we read; older browsers put `isFallbackAdapter` on the adapter. */
interface AdapterLike {
  info?: Partial<Pick<GPUAdapterInfo, 'vendor' | 'architecture' | 'device' | 'description'>> & {
    isFallbackAdapter?: boolean;
  };
  isFallbackAdapter?: boolean;
  features: Iterable<string>;
  limits: Pick<GPUSupportedLimits, 'maxBufferSize' | 'maxStorageBufferBindingSize'>;
}

interface GpuLike {
  requestAdapter(options?: GPURequestAdapterOptions): Promise<AdapterLike | null>;
}

export async function readAdapterFacts(gpu: GpuLike | undefined): Promise<AdapterFacts> {
  if (!gpu) {
    return {
      ...NO_GPU,
      unavailableReason:
        'This browser does not expose WebGPU (navigator.gpu is missing). Use a recent Chrome or Edge ' +
        '(or Safari 26+), on a secure (https or localhost) page; on Linux, WebGPU may need a flag.',
    };
  }
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return { ...NO_GPU, unavailableReason: `Asking for a WebGPU adapter failed: ${String(error)}` };
  }
  if (!adapter) {
    return {
      ...NO_GPU,
      unavailableReason:
        'WebGPU is present but no adapter was offered: the GPU may be blocklisted, the driver too old, ' +
        'or WebGPU disabled by a flag or policy. Check chrome://gpu.',
    };
  }
  const features = [...adapter.features].sort();
  return {
    webgpu: true,
    vendor: adapter.info?.vendor ?? '',
    architecture: adapter.info?.architecture ?? '',
    device: adapter.info?.device ?? '',
    description: adapter.info?.description ?? '',
    isFallbackAdapter: adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false,
    shaderF16: features.includes('shader-f16'),
    maxBufferSize: adapter.limits.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    features,
  };
}
