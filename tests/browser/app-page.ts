/**
 * Opens the app in a fresh browser context and collects what goes wrong in it:
 * uncaught page errors, and every Svelte runtime warning or error the page
 * logs. The build is a production one, where Svelte logs only the address of
 * the message (`https://svelte.dev/e/derived_inert`), so both that and the
 * development form (`[svelte] …`) count.
 *
 * Every test in a file that opens pages through here fails when any of them
 * logged a Svelte message, whether or not the test looks at `errors`: such a
 * warning (a derived read after its effect died, state changed inside a
 * derived) means the screen may show stale data, as issue 12's blocker did.
 */
import { afterEach, inject } from 'vitest';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Page errors and Svelte console messages, in the order they came. */
  errors: string[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

/** Svelte's runtime messages, in a production build (an address) or a development one (a prefix). */
export function isSvelteMessage(text: string): boolean {
  return text.includes('svelte.dev/e/') || text.startsWith('[svelte]') || text.includes('%c[svelte]');
}

const svelteMessages: string[] = [];

/** Listens on a whole context, so pages a test opens itself (a second tab) are checked too. */
export function watchContext(context: BrowserContext, errors: string[]): void {
  const onPage = (page: Page) => {
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'warning' && message.type() !== 'error') return;
      const text = message.text();
      if (!isSvelteMessage(text)) return;
      const entry = `Svelte ${message.type()} on ${page.url()}: ${text}`;
      errors.push(entry);
      svelteMessages.push(entry);
    });
  };
  context.pages().forEach(onPage);
  context.on('page', onPage);
}

afterEach(() => {
  const logged = svelteMessages.splice(0);
  if (logged.length > 0) {
    throw new Error(`The page logged ${logged.length} Svelte message(s):\n${logged.join('\n')}`);
  }
});

export async function openApp(browser: Browser, query = '', options: OpenOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme,
  });
  const errors: string[] = [];
  watchContext(context, errors);
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/${query}`);
  return { context, page, errors };
}
