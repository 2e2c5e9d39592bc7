/**
 * A grid query and the chosen run as URL query parameters, so a view can be
 * bookmarked and shared: `?run=…&filter=halluc,tool&tag=…&q=…&sort=-col&group=condition`.
 *
 * Unknown or malformed parameters are dropped, not reported: a shared link
 * from a newer or older app still opens, showing as much as it can. Defaults
 * are left out, so the plain results page has a plain URL.
 */
import { DEFAULT_QUERY, FILTERS, type GridFilter, type GridQuery } from './grid-query';

export interface ResultsLocation {
  runId?: string;
  /** Second run, for the compare panel. */
  compareRunId?: string;
  query: GridQuery;
}

function isFilter(value: string): value is GridFilter {
  return (FILTERS as readonly string[]).includes(value);
}

export function locationToParams(location: ResultsLocation): URLSearchParams {
  const params = new URLSearchParams();
  const { query } = location;
  if (location.runId) params.set('run', location.runId);
  if (location.compareRunId) params.set('compare', location.compareRunId);
  if (query.filters.length > 0) params.set('filter', query.filters.join(','));
  if (query.tag) params.set('tag', query.tag);
  if (query.text) params.set('q', query.text);
  if (query.sort) params.set('sort', `${query.sort.descending ? '-' : ''}${query.sort.key}`);
  if (query.group !== DEFAULT_QUERY.group) params.set('group', query.group);
  return params;
}

export function locationFromParams(search: URLSearchParams | string): ResultsLocation {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const query: GridQuery = { ...DEFAULT_QUERY, filters: [] };
  const filters = (params.get('filter') ?? '').split(',').filter(isFilter);
  query.filters = [...new Set(filters)];
  const tag = params.get('tag');
  if (tag) query.tag = tag;
  const text = params.get('q');
  if (text) query.text = text;
  const sort = params.get('sort');
  if (sort && sort !== '-') {
    query.sort = sort.startsWith('-')
      ? { key: sort.slice(1), descending: true }
      : { key: sort, descending: false };
  }
  if (params.get('group') === 'condition') query.group = 'condition';
  const location: ResultsLocation = { query };
  const runId = params.get('run');
  if (runId) location.runId = runId;
  const compareRunId = params.get('compare');
  if (compareRunId) location.compareRunId = compareRunId;
  return location;
}
