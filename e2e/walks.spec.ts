/**
 * Three walks as people take them, with a screenshot of every screen (e2e/artifacts/walk-*.png) and the wizard
 * frame's promises checked on each: the next step is in view without scrolling, confirmations are modal, steps are
 * marked by what happened. Then the same fix at 200 % scaling (an 800×600 window is 400×300 CSS pixels there).
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { applyFix, expectNoAxeViolations, openScenario, runChecks, screenshot } from './helpers';

/** The footer's main button is fully visible. */
async function primaryInView(page: Page, name: string): Promise<void> {
  await expect(page.locator('.wizard-footer').getByRole('button', { name })).toBeInViewport({ ratio: 1 });
}

/** No step claims to be done unless a change was made and verified. */
async function noFalseDone(page: Page): Promise<void> {
  await expect(page.locator('.step-word', { hasText: /^Done\b/ })).toHaveCount(0);
}

test('walk 1, end user: the IP Helper is started, verified, then undone', async ({ page }) => {
  test.setTimeout(180_000);
  await openScenario(page, 'ip-helper-stopped');
  await primaryInView(page, 'Run the checks');
  await screenshot(page, 'walk-1-1-start');
  await runChecks(page);
  await primaryInView(page, 'Apply the fix');
  await noFalseDone(page);
  await screenshot(page, 'walk-1-2-fix');
  await applyFix(page, { axe: 'walk-1-3' });
  await primaryInView(page, 'Continue');
  await screenshot(page, 'walk-1-4-verified');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.outcome .badge')).toHaveText('Fixed');
  await expect(page.locator('.step-fixed').first()).toContainText('Problem found, now fixed');
  await primaryInView(page, 'Finish');
  await screenshot(page, 'walk-1-5-fixed');
  // After an undo the screen no longer says "Fixed" about the change.
  await page.getByRole('button', { name: /^Undo: / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, undo it' }).click();
  await expect(page.getByText('Undone: the previous setting is back.')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.applied .result-word').first()).toHaveText('Undone:');
  await expect(page.locator('.step-fixed')).toHaveCount(0);
  await expectNoAxeViolations(page, 'walk 1 after undo');
  await screenshot(page, 'walk-1-6-undone');
});

test('walk 2, end user: the fix is declined, the helpdesk gets the report', async ({ page }) => {
  await openScenario(page, 'untrusted-root');
  await screenshot(page, 'walk-2-1-start');
  await runChecks(page);
  await screenshot(page, 'walk-2-2-fix');
  await page.getByRole('button', { name: 'Not now: show the report for my helpdesk' }).click();
  await expect(page.locator('.outcome .badge')).toHaveText('Needs your IT department');
  await noFalseDone(page);
  await expect(page.locator('.step-word', { hasText: /^Not run, nothing changed/ })).toHaveCount(1);
  await expect(page.locator('.helpdesk')).toContainText('Contoso IT Service Desk');
  // The end user's view has no thumbprints, registry paths, error codes or administrator instructions.
  expect(await page.locator('main').innerText()).not.toMatch(/0x[0-9a-f]{3,}|\b[0-9A-F]{40}\b|HKLM|Get-|netsh/);
  await primaryInView(page, 'Finish');
  await screenshot(page, 'walk-2-3-outcome');
  await page.getByRole('button', { name: 'Save the report' }).click();
  await expect(page.locator('.saved-path')).toBeVisible();
  await screenshot(page, 'walk-2-4-saved');
});

test('walk 3, helpdesk: a report from CLIENT01 is opened on another computer', async ({ page }) => {
  // The report the end user sent: saved through the wizard's own path on the practice computer.
  await openScenario(page, 'untrusted-root');
  await runChecks(page);
  await page.getByRole('button', { name: 'Not now: show the report for my helpdesk' }).click();
  await page.getByRole('button', { name: 'Save the report' }).click();
  const file = (await page.locator('.saved-path').textContent())!;
  expect(existsSync(file)).toBe(true);

  await openScenario(page, 'healthy');
  await page.getByRole('radio', { name: /helpdesk/i }).check();
  await screenshot(page, 'walk-3-1-start');
  await page.getByText('For helpdesk staff: open results from another computer').click();
  await page.getByLabel('Results file from another computer').setInputFiles(file);
  await expect(page.getByText('These are CLIENT01’s results, opened from a file.')).toBeVisible({ timeout: 30_000 });
  await primaryInView(page, 'Continue to the report');
  await screenshot(page, 'walk-3-2-imported-fix');
  await page.getByRole('button', { name: 'Continue to the report' }).click();
  await expect(page.locator('.outcome .badge')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/this computer/i);
  await expectNoAxeViolations(page, 'walk 3 outcome');
  await screenshot(page, 'walk-3-3-outcome');
});

test.describe('at 200 % scaling', () => {
  test.use({ viewport: { width: 400, height: 300 } });
  test('ip-helper-stopped: every step’s next action is in view', async ({ page }) => {
    test.setTimeout(120_000);
    await openScenario(page, 'ip-helper-stopped');
    await primaryInView(page, 'Run the checks');
    await runChecks(page);
    await primaryInView(page, 'Apply the fix');
    await screenshot(page, 'scaled-200-fix');
    await applyFix(page);
    await primaryInView(page, 'Continue');
    await page.getByRole('button', { name: 'Continue' }).click();
    await primaryInView(page, 'Finish');
    await screenshot(page, 'scaled-200-outcome');
  });
});
