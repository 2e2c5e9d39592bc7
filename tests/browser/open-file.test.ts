/**
 * Opening a file from anywhere on the page: dropped on any screen, chosen with
 * "Open file…", or named by a `?open=` link to a loopback host the test runs,
 * once sending CORS headers and once not. Where a file goes is decided by its
 * content: a comparison file is imported on the Results screen, a prompt set
 * is previewed on the Prompt sets screen.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

const FIXTURE = fileURLToPath(new URL('../fixtures/exchange/browser-run.v1.json', import.meta.url));
const COMPARISON = readFileSync(FIXTURE, 'utf8');

/** Drops a file on the page's main area, as a person dragging it from their desktop would. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.locator('main').evaluate(
    (target, file) => {
      const data = new DataTransfer();
      data.items.add(new File([file.text], file.name));
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, text },
  );
}

/** A host for `?open=` links: `/cors/…` allows any origin to read, `/plain/…` sends no CORS header. */
async function fileHost(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const cors = path.startsWith('/cors/') ? { 'access-control-allow-origin': '*' } : {};
    if (path.endsWith('/browser-run.v1.json')) {
      response.writeHead(200, { 'content-type': 'application/json', ...cors }).end(COMPARISON);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain', ...cors }).end('no such file');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function imported(page: Page) {
  return page.getByRole('status').filter({ hasText: 'Imported 1 run with 16 answers' });
}

describe('opening a file from anywhere', () => {
  let browser: Browser;
  let host: Awaited<ReturnType<typeof fileHost>>;
  beforeAll(async () => {
    browser = await launchChromium({ webgpu: false });
    host = await fileHost();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('a comparison file dropped on the Models screen is imported on the Results screen', async () => {
    const { page, context, errors } = await openApp(browser, '?view=models');
    await page.getByRole('heading', { name: 'Floorcheck' }).waitFor();
    await dropFile(page, 'renamed.txt', COMPARISON);
    await imported(page).waitFor();
    expect(await imported(page).textContent()).toContain('from renamed.txt');
    expect(new URL(page.url()).searchParams.get('view')).toBe('results');
    expect(await page.getByRole('combobox', { name: 'Run' }).inputValue()).toBe('browser-run');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('a prompt set dropped on the Results screen is previewed on the Prompt sets screen', async () => {
    const { page, context, errors } = await openApp(browser, '?view=results');
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    await dropFile(
      page,
      'capitals.csv',
      'question,answer\nCapital of Peru?,Lima\nCapital of Chad?,"N\'Djamena"\n',
    );
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('preview-count').textContent()).toMatch(/Saving stores 2 items\b/);
    expect(new URL(page.url()).searchParams.get('view')).toBe('sets');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('"Open file…" takes either kind and routes it the same way', async () => {
    const { page, context } = await openApp(browser, '?view=runs');
    const picker = page.locator(
      'input[type="file"][aria-label="File to open (comparison file or prompt set)"]',
    );
    await picker.setInputFiles(FIXTURE);
    await imported(page).waitFor();
    await picker.setInputFiles({
      name: 'one.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('question,answer\nCapital of Peru?,Lima\n'),
    });
    await page.getByTestId('import-preview').waitFor();
    await context.close();
  });

  it('?open= a host that allows CORS: the file is fetched and imported, and the link leaves the address', async () => {
    const link = `${host.url}/cors/browser-run.v1.json`;
    const { page, context, errors } = await openApp(browser, `?open=${encodeURIComponent(link)}`);
    await imported(page).waitFor();
    expect(await imported(page).textContent()).toContain('from browser-run.v1.json');
    expect(new URL(page.url()).searchParams.has('open')).toBe(false);
    expect(host.requests).toContain('/cors/browser-run.v1.json');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('?open= a host without CORS headers: says what the host must allow, and imports nothing', async () => {
    const link = `${host.url}/plain/browser-run.v1.json`;
    const { page, context } = await openApp(browser, `?view=results&open=${encodeURIComponent(link)}`);
    const error = page.getByTestId('open-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    const origin = new URL(page.url()).origin;
    expect(text).toContain(`did not allow Floorcheck to read ${link}`);
    expect(text).toContain(`Access-Control-Allow-Origin: ${origin}`);
    expect(text).toContain('open-url-refused');
    expect(await page.getByRole('combobox', { name: 'Run' }).inputValue()).toBe('');
    await context.close();
  });

  it('?open= a file the host does not have: says what it answered', async () => {
    const link = `${host.url}/cors/missing.json`;
    const { page, context } = await openApp(browser, `?open=${encodeURIComponent(link)}`);
    const error = page.getByTestId('open-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('the host answered 404');
    await context.close();
  });
});
