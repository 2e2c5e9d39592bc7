/** What the browser's WebGPU adapter offers, as read where the engine runs (the worker). */
export interface AdapterFacts {
  webgpu: boolean;
  /** Why WebGPU is unusable, when it is (no `navigator.gpu`, no adapter, …). */
  unavailableReason?: string;
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
  shaderF16: boolean;
  /** Bytes. */
  maxBufferSize: number;
  /** Bytes. */
  maxStorageBufferBindingSize: number;
  features: string[];
}
