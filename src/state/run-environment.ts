/** Where a run runs: app and engine versions, browser, adapter; stored with the run, shown beside its figures. */
import type { RunEnvironment } from '../core/runs/types';
import { version as packageVersion } from '../../package.json';
import type { EngineState } from './engine.svelte';

export function currentEnvironment(engine: EngineState): RunEnvironment {
  const info = engine.info;
  const adapter = engine.adapter;
  const environment: RunEnvironment = {
    appVersion: packageVersion,
    engine: info?.kind ?? 'webllm',
    userAgent: navigator.userAgent,
  };
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
