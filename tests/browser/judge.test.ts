/**
 * The model judge (issue 5) in real Chromium: after a simulated run, a loaded
 * model grades the run's answers; its verdicts are stored beside the
 * grader's and the screen shows how often the two agree. The simulated
 * engine's scenario answers every judge prompt with "A" (correct), so the
 * judge disagrees with the grader on every "I don't know".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

describe('the model judge', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('grades a run with the loaded model and shows its agreement with the grader', async () => {
    const { page, context, errors } = await openApp(
      browser,
      '?engine=simulated&view=runs&sim-rate=500&sim-download-ms=100',
    );
    const form = page.getByTestId('run-config');
    await form.waitFor();
    await form.getByTestId('run-set').selectOption('builtin-invented-entities');
    await form.getByTestId('run-sample').fill('3');
    await form.getByLabel('sim-honest-0.5B-q4f32_1').check();
    for (const label of ['Passages in context', 'With tool'])
      await form.getByLabel(label, { exact: true }).uncheck();
    await expect.poll(() => form.getByTestId('run-summary').textContent()).toContain('3 answers');
    await form.getByTestId('start-run').click();
    const history = page.getByTestId('run-history');
    await expect
      .poll(() => history.getByTestId('history-status').first().textContent())
      .toContain('completed');

    await page.getByRole('tab', { name: 'Models' }).click();
    await page
      .locator('tr[data-model="sim-honest-0.5B-q4f32_1"]')
      .getByRole('button', { name: 'Load' })
      .click();
    await page.locator('tr[data-model="sim-honest-0.5B-q4f32_1"]').getByText('loaded').waitFor();

    await page.getByRole('tab', { name: 'Results' }).click();
    const judge = page.getByTestId('judge');
    await judge.getByRole('button', { name: /Judge 3 answers/ }).click();
    const agreement = judge.getByTestId('judge-agreement');
    await agreement.waitFor();
    // Closed-book the honest model declines (not attempted); the scripted judge says "A" (correct).
    expect(await agreement.textContent()).toMatch(/on\s+0 of 3\s+answers/);
    expect(await judge.getByRole('button', { name: /Judge 0 answers/ }).isDisabled()).toBe(true);
    // The judge outranks the grader (a person's override would outrank both), and the grid says who decided.
    await expect.poll(() => page.getByRole('gridcell').first().textContent()).toContain('Correct (judge)');

    // The judge's verdicts survive a reload (stored beside the grader's).
    await page.reload();
    await expect.poll(() => page.getByTestId('judge-agreement').textContent()).toMatch(/0 of 3/);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
