/**
 * Whether the browser's WebGPU adapter is real hardware. A smoke run on
 * SwiftShader (Chromium's CPU fallback) or with no adapter at all would
 * measure nothing a user meets, so the script says so and stops, without
 * pretending. Pure: the facts are read in the page (`readPageAdapter`).
 */
import type { Page } from 'playwright-core';

/** Flags that let Chromium use a hardware GPU for WebGPU (Linux: Vulkan through ANGLE). No SwiftShader flag. */
export const GPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-angle=vulkan',
  '--ignore-gpu-blocklist',
  '--enable-gpu-rasterization',
];

export interface PageAdapter {
  webgpu: boolean;
  /** Why there is no adapter, when there is none. */
  reason?: string;
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
  features?: string[];
}

/** Null when the adapter is hardware; otherwise what is wrong, in words. */
export function hardwareAdapterProblem(adapter: PageAdapter): string | null {
  if (!adapter.webgpu) return `No WebGPU adapter: ${adapter.reason ?? 'none was offered'}.`;
  const name = [adapter.vendor, adapter.architecture, adapter.description].filter(Boolean).join(' ');
  if (/swiftshader/i.test(name))
    return `The only WebGPU adapter is SwiftShader, a software renderer (${name}).`;
  if (adapter.isFallbackAdapter)
    return `The only WebGPU adapter is a fallback (software) adapter (${name || 'unnamed'}).`;
  return null;
}

export function describeAdapter(adapter: PageAdapter): string {
  const name = [adapter.vendor, adapter.architecture, adapter.description].filter(Boolean).join(' / ');
  const f16 = adapter.features?.includes('shader-f16') ? 'shader-f16' : 'no shader-f16';
  return `${name || 'unnamed adapter'} (${f16})`;
}

/** Reads the adapter in a page on a secure origin (loopback), as the engine worker will see it. */
export function readPageAdapter(page: Page): Promise<PageAdapter> {
  return page.evaluate(async (): Promise<PageAdapter> => {
    const gpu = (navigator as { gpu?: GPU }).gpu;
    if (!gpu) return { webgpu: false, reason: 'navigator.gpu is missing (WebGPU is off in this browser)' };
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter)
      return { webgpu: false, reason: 'requestAdapter() returned null (no usable GPU or driver)' };
    const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
    return {
      webgpu: true,
      vendor: info.vendor,
      architecture: info.architecture,
      description: info.description,
      isFallbackAdapter:
        info.isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false,
      features: [...adapter.features],
    };
  });
}
