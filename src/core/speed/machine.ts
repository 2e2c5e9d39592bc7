/**
 * The machine a speed figure was measured on, as stored with it and carried
 * in comparison files: the WebGPU adapter's words, the browser, and whether
 * the adapter is software (SwiftShader, llvmpipe, WARP: the CPU pretending to
 * be a GPU), so nobody mistakes a software figure for a GPU's.
 */
import type { AdapterFacts } from '../engine/adapter';

export interface MachineFacts {
  /** False when the browser offered no WebGPU adapter. */
  webgpu: boolean;
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
  /** A software rasteriser, not a GPU: its figures describe the CPU. */
  software: boolean;
  userAgent: string;
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|\bwarp\b/i;

/** Whether an adapter is the CPU in disguise (the fallback adapter, or a known software rasteriser). */
export function isSoftwareAdapter(
  adapter: Pick<AdapterFacts, 'vendor' | 'architecture' | 'device' | 'description' | 'isFallbackAdapter'>,
): boolean {
  if (adapter.isFallbackAdapter) return true;
  return SOFTWARE.test([adapter.vendor, adapter.architecture, adapter.device, adapter.description].join(' '));
}

export function machineFacts(adapter: AdapterFacts, userAgent: string): MachineFacts {
  return {
    webgpu: adapter.webgpu,
    vendor: adapter.vendor,
    architecture: adapter.architecture,
    device: adapter.device,
    description: adapter.description,
    isFallbackAdapter: adapter.isFallbackAdapter,
    software: adapter.webgpu && isSoftwareAdapter(adapter),
    userAgent,
  };
}

/** One line naming the adapter, e.g. "nvidia ampere (NVIDIA GeForce RTX 3060)" or "google swiftshader (software)". */
export function adapterName(machine: MachineFacts): string {
  if (!machine.webgpu) return 'no WebGPU adapter';
  const base = [machine.vendor, machine.architecture].filter(Boolean).join(' ') || 'unnamed adapter';
  const detail = machine.description || machine.device;
  const named = detail && detail !== base ? `${base} (${detail})` : base;
  return machine.software ? `${named}, software` : named;
}
