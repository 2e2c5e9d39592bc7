/**
 * A small static server over the production build (dist/, made by
 * global-setup.ts), mounted under any path (`/floorcheck/`) as a project page
 * would be, so browser tests can check the build works away from `/`. Tests
 * can replace one file's bytes (a new service worker, as a new release
 * would bring) and see which paths were asked for.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT/floorcheck/`. */
  url: string;
  /** Serves `body` instead of the built file at `path` (relative to the mount). */
  override(path: string, body: string | Buffer): void;
  close(): Promise<void>;
}

export async function serveBuild(mount = '/floorcheck/'): Promise<StaticServer> {
  const overrides = new Map<string, string | Buffer>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === mount.replace(/\/$/, '')) {
      response.writeHead(301, { location: mount }).end();
      return;
    }
    if (!path.startsWith(mount)) {
      response.writeHead(404).end('not under the mount');
      return;
    }
    const relative = path.slice(mount.length) || 'index.html';
    const file = normalize(join(DIST, relative));
    if (!file.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    const replaced = overrides.get(relative);
    if (replaced !== undefined) {
      response.writeHead(200, headers).end(replaced);
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, headers).end(body),
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    override: (path, body) => overrides.set(path, body),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
