/**
 * The one list of engine kinds. The worker, the runner, storage, settings and
 * the comparison-file schema all read it, so adding a backend is one entry
 * here plus the backend itself (in `workers/`) and its settings UI.
 *
 * `needsWebGPU`: the engine runs models on this browser's GPU, so without
 * WebGPU its models cannot run. `simulated`: nothing real runs; shown as such
 * wherever the engine or its models appear.
 */

export const ENGINE_KINDS = ['webllm', 'simulated'] as const;

export type EngineKind = (typeof ENGINE_KINDS)[number];

export interface EngineKindInfo {
  /** Shown wherever the engine appears. */
  label: string;
  needsWebGPU: boolean;
  simulated: boolean;
}

export const ENGINE_KIND_INFO: Readonly<Record<EngineKind, EngineKindInfo>> = {
  webllm: { label: 'web-llm', needsWebGPU: true, simulated: false },
  simulated: { label: 'Simulated engine', needsWebGPU: false, simulated: true },
};

export function isEngineKind(value: unknown): value is EngineKind {
  return typeof value === 'string' && (ENGINE_KINDS as readonly string[]).includes(value);
}
