/** Where a run runs: app and engine versions, browser, adapter; stored with the run, shown beside its figures. */
import { modelEnvironment } from '../core/runs/model-request';
import type { RunConfig, RunEnvironment } from '../core/runs/types';
import { version as packageVersion } from '../../package.json';
import type { EngineState } from './engine.svelte';

/** `config`: what each of its models is sent (thinking, tool mode, stop sequences, settings), as decided now. */
export function currentEnvironment(engine: EngineState, config?: RunConfig): RunEnvironment {
  const info = engine.info;
  const adapter = engine.adapter;
  const environment: RunEnvironment = {
    appVersion: packageVersion,
    engine: info?.kind ?? 'webllm',
    userAgent: navigator.userAgent,
  };
  if (config) {
    const capabilities = new Map(engine.records.map((r) => [r.id, r.capabilities]));
    environment.models = config.modelIds.map((id) =>
      modelEnvironment(id, capabilities.get(id), config.settings, info?.webllmVersion),
    );
  }
  if (info?.webllmVersion) environment.webllmVersion = info.webllmVersion;
  if (adapter?.webgpu) {
    environment.adapter = {
      vendor: adapter.vendor,
      architecture: adapter.architecture,
      description: adapter.description,
    };
  }
  return environment;
}
