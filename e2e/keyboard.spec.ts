/** One scenario done with the keyboard alone: captive-portal, from the start screen to the ticket summary. */
import { expect, test } from '@playwright/test';
import { openScenario, screenshot, tabTo } from './helpers';

test('captive-portal with the keyboard only', async ({ page }) => {
  await openScenario(page, 'captive-portal');

  // Choose "This laptop cannot reach work" with the arrow keys (it is preselected; move away and back).
  await tabTo(page, /^This laptop cannot reach work/);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'I am from the helpdesk, checking this computer' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Technical view' })).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('radio', { name: 'This laptop cannot reach work' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Technical view' })).not.toBeChecked();

  await tabTo(page, /^Run the checks$/);
  await page.keyboard.press('Enter');
  const question = page.getByRole('heading', { level: 1, name: 'Are you on a hotel or airport Wi-Fi with a sign-in page?' });
  await expect(question).toBeVisible({ timeout: 45_000 });
  await expect(question).toBeFocused();

  await tabTo(page, /^Yes, and I have not signed in yet/);
  await page.keyboard.press('ArrowDown'); // → "No, or I have already signed in"
  await expect(page.getByRole('radio', { name: 'No, or I have already signed in' })).toBeChecked();
  await tabTo(page, /^Continue$/);
  await page.keyboard.press('Enter');

  const outcome = page.getByRole('heading', { level: 1, name: 'The DirectAccess server cannot be reached from here' });
  await expect(outcome).toBeFocused();
  await tabTo(page, /^Copy the summary$/);
  const visibleFocus = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(visibleFocus).not.toBe('none');

  // The technical view by keyboard: the switch toggles with Space.
  await tabTo(page, /^Technical view/, 40, 'Shift+Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('switch', { name: 'Technical view' })).toBeChecked();
  await expect(page.getByRole('heading', { level: 2, name: 'Technical details' })).toBeVisible();
  await screenshot(page, 'keyboard-captive-portal-outcome');
});

test('ip-helper-stopped: a fix applied, verified and undone with the keyboard only', async ({ page }) => {
  test.setTimeout(120_000);
  await openScenario(page, 'ip-helper-stopped');
  await tabTo(page, /^Run the checks$/);
  await page.keyboard.press('Enter');
  const fix = page.getByRole('heading', { level: 1, name: 'Start the IP Helper service' });
  await expect(fix).toBeFocused({ timeout: 45_000 });
  await expect(page.getByRole('button', { name: 'Apply the fix' })).toBeEnabled();

  await tabTo(page, /^Apply the fix$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Make this change now?' }).getByRole('button', { name: 'Yes, make the change' })).toBeFocused();
  await page.keyboard.press('Enter');

  const verified = page.getByRole('heading', { level: 1, name: 'It worked' });
  await expect(verified).toBeFocused({ timeout: 90_000 });
  await tabTo(page, /^Continue$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Fixed' })).toBeFocused();

  await tabTo(page, /^Undo: /);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /^Undo “.*”\?/ }).getByRole('button', { name: 'Yes, undo it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Undone: the previous setting is back.')).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'keyboard-ip-helper-stopped-undone');
});
