import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../../../../src/core/results/grid-query';
import {
  locationFromParams,
  locationToParams,
  type ResultsLocation,
} from '../../../../src/core/results/url-query';

describe('results location in the URL', () => {
  it.each<[string, ResultsLocation, string]>([
    ['the plain page has a plain URL', { query: DEFAULT_QUERY }, ''],
    ['a run alone', { runId: 'r1', query: DEFAULT_QUERY }, 'run=r1'],
    [
      'everything at once',
      {
        runId: 'r 1',
        compareRunId: 'r2',
        query: {
          filters: ['halluc', 'tool'],
          tag: 'geo',
          text: 'capital & co',
          sort: { key: 'm1|context:ok', descending: true },
          group: 'condition',
        },
      },
      'run=r+1&compare=r2&filter=halluc%2Ctool&tag=geo&q=capital+%26+co&sort=-m1%7Ccontext%3Aok&group=condition',
    ],
    [
      'ascending sort has no sign',
      { query: { ...DEFAULT_QUERY, sort: { key: 'prompt', descending: false } } },
      'sort=prompt',
    ],
  ])('%s', (_reason, location, expected) => {
    const params = locationToParams(location);
    expect(params.toString()).toBe(expected);
    expect(locationFromParams(new URLSearchParams(params.toString()))).toEqual(location);
  });

  it.each<[string, string, ResultsLocation]>([
    [
      'unknown filters are dropped',
      'filter=halluc,bogus',
      { query: { ...DEFAULT_QUERY, filters: ['halluc'] } },
    ],
    ['repeated filters count once', 'filter=tool,tool', { query: { ...DEFAULT_QUERY, filters: ['tool'] } }],
    ['an unknown grouping falls back to model', 'group=colour', { query: DEFAULT_QUERY }],
    ['a lone minus is no sort', 'sort=-', { query: DEFAULT_QUERY }],
    ['unknown parameters are ignored', 'utm=x&run=a', { runId: 'a', query: DEFAULT_QUERY }],
  ])('reading a hand-edited link: %s', (_reason, search, expected) => {
    expect(locationFromParams(new URLSearchParams(search))).toEqual(expected);
  });
});
