/**
 * The engine seam inside the worker: what each backend (web-llm, simulated,
 * later a remote one) implements. It is `EngineApi` without `init`,
 * `capabilities` and the speed lab's `probeBandwidth` and `generateDirect`,
 * which the worker shell owns. Backends throw AppErrors; the
 * shell turns them into wire errors.
 */
import type { EngineApi, EngineInfo } from './api';

export interface EngineBackend extends Omit<
  EngineApi,
  'init' | 'capabilities' | 'probeBandwidth' | 'generateDirect'
> {
  readonly info: EngineInfo;
}
