/**
 * Opening a file from a link, `?open=<url>`: which URL the link names, and
 * fetching it with messages that say what went wrong and what the host must
 * do. `fetch` comes in as a parameter (the browser's, or a fake in tests).
 *
 * A browser does not tell a page why a cross-origin fetch failed: a host that
 * refuses CORS and a host that cannot be reached both give a bare TypeError.
 * So a failed fetch is followed by one `no-cors` probe of the same URL: when
 * that answers (with an opaque response), the host is there but did not allow
 * this page to read the file, and the message names the header it must send;
 * when it fails too, the host could not be reached. Rejected: always blaming
 * CORS, which sends people to fix a header when their network is down.
 */
import { AppError, err, ok, type Result } from '../errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchedFile {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  url: string;
}

/** Largest file a link may open, so a link cannot fill the memory of the page. */
export const MAX_OPEN_URL_BYTES = 512 * 1024 * 1024;

function invalid(raw: string, why: string): Result<URL> {
  return err(
    new AppError('open-url-invalid', {
      message: `The link asks to open "${raw}", which ${why}.`,
      action: 'Use a link of the form ?open=https://example.org/run.floorcheck.json.',
    }),
  );
}

/** The URL in `?open=`, resolved against the page; undefined when the page has none. */
export function openParam(search: string, pageUrl: string): Result<URL> | undefined {
  const raw = new URLSearchParams(search).get('open');
  if (raw === null) return undefined;
  if (raw.trim() === '') return invalid(raw, 'is empty');
  let url: URL;
  try {
    url = new URL(raw.trim(), pageUrl);
  } catch {
    return invalid(raw, 'is not a web address');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return invalid(raw, `uses ${url.protocol} (only http and https addresses can be opened)`);
  return ok(url);
}

/** The last path segment, decoded ("run.floorcheck.json"), or the host when the path has none. */
export function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop();
  if (!last) return url.hostname;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function failed(url: URL, message: string, action: string): Result<FetchedFile> {
  return err(
    new AppError('open-url-failed', { message: `${url.href} could not be opened: ${message}`, action }),
  );
}

async function probeReachable(url: URL, fetchFn: FetchLike): Promise<boolean> {
  try {
    await fetchFn(url.href, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

/** Fetches the file a link names; `pageOrigin` is named in the CORS message. */
export async function fetchOpenUrl(
  url: URL,
  fetchFn: FetchLike,
  pageOrigin: string,
): Promise<Result<FetchedFile>> {
  let response: Response;
  try {
    response = await fetchFn(url.href, { mode: 'cors', credentials: 'omit' });
  } catch {
    if (await probeReachable(url, fetchFn)) {
      return err(
        new AppError('open-url-refused', {
          message: `${url.host} did not allow Floorcheck to read ${url.href}: the browser blocked it (CORS).`,
          action:
            `The host must answer with the header "Access-Control-Allow-Origin: ${pageOrigin}" (or "*"). ` +
            'Otherwise download the file and open it from disk.',
        }),
      );
    }
    return failed(
      url,
      `${url.host} could not be reached.`,
      'Check the address and your connection, or download the file and open it from disk.',
    );
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return failed(url, `the host answered ${status}.`, 'Check that the link points at the file itself.');
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_OPEN_URL_BYTES) {
    return failed(
      url,
      `it is ${Math.round(declared / 1024 / 1024)} MB, above the ${MAX_OPEN_URL_BYTES / 1024 / 1024} MB a link may open.`,
      'Download it and open it from disk.',
    );
  }
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return ok({ bytes, fileName: fileNameOf(url), url: url.href });
  } catch {
    return failed(url, 'the download broke off.', 'Try the link again.');
  }
}
