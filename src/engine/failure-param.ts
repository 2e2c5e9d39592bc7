/**
 * Reads simulated-engine failures from the URL, for trying failure paths by
 * hand and in browser tests: `?engine=simulated&sim-fail=device-lost` or
 * several, comma-separated: `sim-fail=out-of-memory@sim-honest-0.5B-q4f32_1,device-lost:5`.
 * Each item is `kind[@model][:afterTokens]`, fires once, and unknown kinds are
 * ignored (a typo must not break the page).
 */
import type { SimulatedFailure } from '../../workers/api';

const KINDS: readonly SimulatedFailure['kind'][] = ['device-lost', 'out-of-memory', 'load-error'];
const ITEM = /^([a-z-]+)(?:@([^:]+))?(?::(\d+))?$/;

export const FAIL_PARAM = 'sim-fail';

export function failuresFromUrl(search: string): SimulatedFailure[] {
  const raw = new URLSearchParams(search).get(FAIL_PARAM) ?? '';
  return raw
    .split(',')
    .map((item) => ITEM.exec(item.trim()))
    .flatMap((match): SimulatedFailure[] => {
      const kind = KINDS.find((k) => k === match?.[1]);
      if (!match || !kind) return [];
      const failure: SimulatedFailure = { kind, times: 1 };
      if (match[2]) failure.model = match[2];
      if (match[3]) failure.afterTokens = Number(match[3]);
      return [failure];
    });
}
