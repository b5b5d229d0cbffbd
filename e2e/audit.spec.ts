/**
 * Undo from the audit log (issue 4, item 5): a fix applied in one session is listed, after Start over, in the start
 * screen's history of changes made on this computer, and undone from there after a confirmation; the record then
 * shows as undone. The harness keeps one audit log per run, shared by every spec: the record is found by its fix and
 * newest time, never by assuming the log is empty.
 */
import { expect, test } from '@playwright/test';
import { applyFix, expectFocusWithin, expectNoAxeViolations, newestAudit, openScenario, runChecks, screenshot } from './helpers';

const HISTORY = 'For helpdesk staff: changes made by DirectAccess Doctor on this computer';

test('ip-helper-stopped: a fix is undone from the history on the start screen after a confirmation', async ({ page }) => {
  test.setTimeout(150_000);
  await openScenario(page, 'ip-helper-stopped');
  await runChecks(page);
  await applyFix(page);
  await expect(page.getByRole('heading', { level: 1, name: 'It worked' })).toBeFocused();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.outcome .badge')).toHaveText('Fixed');

  const fix = await newestAudit(page, 'start-ip-helper');
  expect(fix, 'an audit record for start-ip-helper').toBeDefined();
  expect(fix!.undoneBy ?? null).toBeNull();

  // A new session: the fix of the last one is only in the log now.
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What is wrong?' })).toBeFocused();
  await page.getByRole('switch', { name: 'Technical view' }).check();
  const summary = page.locator('summary', { hasText: HISTORY });
  await summary.focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('list', { name: 'Changes, newest first' });
  await expect(list).toBeVisible();
  const row = list.getByRole('listitem').filter({ hasText: `fix, audit ${fix!.id}]` });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Verified: Start the IP Helper service');
  await expect(row).toContainText('Administrator rights simulated');
  await expect(row.locator('time').first()).toHaveAttribute('datetime', fix!.time);
  await expect(row).toContainText('Before:');
  await expectNoAxeViolations(page, 'history of changes (technical view)');
  await screenshot(page, 'audit-history');

  // Undo asks first, in a modal dialog; keeping the change puts the focus back on Undo, and so does Escape.
  const undo = row.getByRole('button', { name: /^Undo: Start the IP Helper service/ });
  await undo.click();
  const question = page.getByRole('dialog', { name: 'Undo “Start the IP Helper service”?' });
  await expectFocusWithin(question);
  await expectNoAxeViolations(page, 'history undo confirmation');
  await screenshot(page, 'audit-history-undo-confirm');
  await question.getByRole('button', { name: 'Keep the change' }).click();
  await expect(question).toBeHidden();
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expectFocusWithin(question);
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(undo).toBeFocused();

  // Keyboard only from here: Enter on Undo, the dialog takes the focus on its first button (Yes), Enter.
  await page.keyboard.press('Enter');
  await expect(question.getByRole('button', { name: 'Yes, undo it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row.getByText('Undone: the previous setting is back.')).toBeFocused({ timeout: 60_000 });
  // The list was read again: the record shows as undone, with no Undo any more, and the undo is listed first.
  await expect(row.locator('.undone')).toContainText('Undone on');
  await expect(undo).toHaveCount(0);
  const undoRecord = await newestAudit(page, 'start-ip-helper', 'undo');
  expect((await newestAudit(page, 'start-ip-helper'))?.undoneBy).toBe(undoRecord!.id);
  await expect(list.getByRole('listitem').first()).toContainText(`audit ${undoRecord!.id}, undoes ${fix!.id}`);
  await expect(list.getByRole('listitem').first()).toContainText('Undone: Undo of “Start the IP Helper service”');
  await expectNoAxeViolations(page, 'history after undo');
  await screenshot(page, 'audit-history-undone');
});
