/** What the browser tests read off the results grid. */
import type { Page } from 'playwright-core';

/** Header rows above the items (the column groups, then the columns). */
export const HEADER_ROWS = 2;

/** How many item rows the grid says it has (its aria-rowcount less the header rows). */
export async function gridRows(page: Page): Promise<number> {
  const count = await page.locator('[role="grid"]').getAttribute('aria-rowcount');
  return Number(count) - HEADER_ROWS;
}
