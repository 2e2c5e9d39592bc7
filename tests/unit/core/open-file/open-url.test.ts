import { describe, expect, it } from 'vitest';
import { fetchOpenUrl, fileNameOf, openParam, type FetchLike } from '../../../../src/core/open-file/open-url';

const PAGE = 'https://floorcheck.example/app/?view=results';

describe('the ?open= link', () => {
  it.each([
    ['no open parameter: nothing to do', '?view=results', undefined],
    [
      'an https address',
      '?open=https%3A%2F%2Fdata.example%2Fruns%2Fa.floorcheck.json',
      'https://data.example/runs/a.floorcheck.json',
    ],
    ['an unencoded address', '?open=http://127.0.0.1:8080/a.json', 'http://127.0.0.1:8080/a.json'],
    [
      'a relative address, resolved against the page',
      '?open=files/a.json',
      'https://floorcheck.example/app/files/a.json',
    ],
  ])('%s', (_why, search, href) => {
    const url = openParam(search, PAGE);
    if (href === undefined) expect(url).toBeUndefined();
    else expect(url?.ok && url.value.href).toBe(href);
  });

  it.each([
    ['an empty value', '?open=', 'is empty'],
    ['a javascript: address', '?open=javascript:alert(1)', 'uses javascript: (only http and https'],
    ['a file: address', '?open=file:///etc/passwd', 'uses file:'],
    ['a data: address', '?open=data:text/plain,hi', 'uses data:'],
    ['a malformed address', '?open=http://[::1', 'is not a web address'],
  ])('refuses %s, saying why', (_why, search, problem) => {
    const url = openParam(search, PAGE);
    expect(url?.ok).toBe(false);
    if (url && !url.ok) {
      expect(url.error.code).toBe('open-url-invalid');
      expect(url.error.message).toContain(problem);
      expect(url.error.action).toContain('?open=https://');
    }
  });

  it.each([
    ['https://h.example/a/run%20one.floorcheck.json', 'run one.floorcheck.json'],
    ['https://h.example/a/b/', 'b'],
    ['https://h.example/', 'h.example'],
    ['https://h.example/%E0%A4%A', '%E0%A4%A'],
  ])('names the file from %s', (href, name) => {
    expect(fileNameOf(new URL(href))).toBe(name);
  });
});

/** A fetch that answers by mode: what a browser does for a host with or without CORS. */
function fakeFetch(behaviour: {
  cors: 'ok' | 'blocked' | 'down';
  status?: number;
  body?: string;
  length?: string;
}) {
  const calls: RequestMode[] = [];
  const fetchFn: FetchLike = async (_url, init) => {
    const mode = init?.mode ?? 'cors';
    calls.push(mode);
    if (behaviour.cors === 'down') throw new TypeError('Failed to fetch');
    if (mode === 'cors' && behaviour.cors === 'blocked') throw new TypeError('Failed to fetch');
    if (mode === 'no-cors') return new Response(null, { status: 200 });
    const headers = behaviour.length ? { 'content-length': behaviour.length } : undefined;
    return new Response(behaviour.body ?? '{}', { status: behaviour.status ?? 200, headers });
  };
  return { fetchFn, calls };
}

describe('fetching the file a link names', () => {
  const url = new URL('https://data.example/runs/a.floorcheck.json');

  it('returns the bytes and the file name when the host allows it', async () => {
    const { fetchFn, calls } = fakeFetch({ cors: 'ok', body: '{"format":"floorcheck-comparison"}' });
    const fetched = await fetchOpenUrl(url, fetchFn, 'https://floorcheck.example');
    expect(fetched.ok && new TextDecoder().decode(fetched.value.bytes)).toBe(
      '{"format":"floorcheck-comparison"}',
    );
    expect(fetched.ok && fetched.value.fileName).toBe('a.floorcheck.json');
    expect(calls).toEqual(['cors']);
  });

  it('a host that answers but refuses CORS: names the header it must send, for this page', async () => {
    const { fetchFn, calls } = fakeFetch({ cors: 'blocked' });
    const fetched = await fetchOpenUrl(url, fetchFn, 'https://floorcheck.example');
    expect(calls).toEqual(['cors', 'no-cors']);
    expect(fetched.ok).toBe(false);
    if (!fetched.ok) {
      expect(fetched.error.code).toBe('open-url-refused');
      expect(fetched.error.message).toContain('data.example did not allow Floorcheck to read');
      expect(fetched.error.action).toContain('"Access-Control-Allow-Origin: https://floorcheck.example"');
    }
  });

  it('a host that cannot be reached: says so, not CORS', async () => {
    const { fetchFn } = fakeFetch({ cors: 'down' });
    const fetched = await fetchOpenUrl(url, fetchFn, 'https://floorcheck.example');
    expect(!fetched.ok && fetched.error.code).toBe('open-url-failed');
    expect(!fetched.ok && fetched.error.message).toContain('data.example could not be reached');
  });

  it.each([
    ['a 404', { status: 404 }, 'the host answered 404'],
    ['a declared size above the limit', { length: String(2 ** 40) }, 'above the 512 MB a link may open'],
  ])('refuses %s with the reason', async (_why, behaviour, problem) => {
    const { fetchFn } = fakeFetch({ cors: 'ok', ...behaviour });
    const fetched = await fetchOpenUrl(url, fetchFn, 'https://floorcheck.example');
    expect(!fetched.ok && fetched.error.code).toBe('open-url-failed');
    expect(!fetched.ok && fetched.error.message).toContain(problem);
  });
});
