/**
 * The run form says, for each chosen model, what it will be sent: thinking
 * on, off or not applicable, and how the tool is offered. The simulated
 * models have no thinking switch, so the run's "thinking" setting does not
 * apply to them, and the form says so rather than pretending.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

describe('the run form, per model', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows thinking and tool mode for each chosen model', async () => {
    const { page, context, errors } = await openApp(browser, '?engine=simulated&view=runs');
    const form = page.getByTestId('run-config');
    await form.waitFor();
    await form.getByLabel('sim-honest-0.5B-q4f32_1').check();
    await form.getByLabel('sim-toolsmith-1.5B-q4f32_1').check();
    const list = form.getByTestId('model-requests');
    await expect.poll(() => list.locator('li').count()).toBe(2);
    const text = ((await list.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('sim-honest-0.5B-q4f32_1: thinking not applicable (no thinking switch)');
    expect(text).toMatch(/tool as (native function calling|plain-text <tool_call> protocol)/);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
