/** Opens the app in a fresh browser context and collects page errors. */
import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface AppPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function openApp(browser: Browser, query = ''): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${inject('baseUrl')}/${query}`);
  return { context, page, errors };
}
