/**
 * Finds and launches the system Chromium. Nothing here downloads a browser:
 * Playwright's own browsers are not used (playwright-core only drives them).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Browser tests need Chromium, and none was found at ${path}. ` +
        'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return path;
}

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** `webgpu: false` launches without the flag, so `requestAdapter()` answers null. */
export function launchChromium(options: { webgpu?: boolean } = {}): Promise<Browser> {
  const args = options.webgpu === false ? BASE_ARGS : ['--enable-unsafe-webgpu', ...BASE_ARGS];
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args });
}
