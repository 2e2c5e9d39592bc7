import { describe, expect, it } from 'vitest';
import { failuresFromUrl } from '../../../src/engine/failure-param';

describe('failuresFromUrl', () => {
  it.each([
    ['no parameter, no failures', '?engine=simulated', []],
    ['one kind fires once for every model', '?sim-fail=device-lost', [{ kind: 'device-lost', times: 1 }]],
    [
      'a model after @',
      '?sim-fail=out-of-memory@sim-honest-0.5B-q4f32_1',
      [{ kind: 'out-of-memory', model: 'sim-honest-0.5B-q4f32_1', times: 1 }],
    ],
    ['a token count after :', '?sim-fail=device-lost:5', [{ kind: 'device-lost', afterTokens: 5, times: 1 }]],
    [
      'several, comma-separated',
      '?sim-fail=load-error,device-lost',
      [
        { kind: 'load-error', times: 1 },
        { kind: 'device-lost', times: 1 },
      ],
    ],
    ['unknown kinds are ignored', '?sim-fail=explode,device-lost', [{ kind: 'device-lost', times: 1 }]],
  ])('%s', (_reason, search, expected) => {
    expect(failuresFromUrl(search)).toEqual(expected);
  });
});
