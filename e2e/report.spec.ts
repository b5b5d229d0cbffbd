/** The report an escalation ends with: saved from the outcome screen, self-contained, redacted on request. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openScenario, runChecks } from './helpers';

test('nrpt-split-dns: the saved report tells the administrator the exact change, without this computer’s name', async ({ page }) => {
  await openScenario(page, 'nrpt-split-dns');
  await runChecks(page);
  await expect(page.getByText('Needs your IT department', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'outcome with report');
  await page.getByLabel(/Hide this computer/).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the report' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^directaccess-report-redacted-\d{4}-\d{2}-\d{2}\.html$/);
  const html = readFileSync(await download.path(), 'utf8');
  expect(html).toContain('Add an NRPT exemption for da.contoso.com');
  expect(html).toContain('nrpt-captures-public-name');
  expect(html).not.toContain('CLIENT01');
  expect(html).not.toMatch(/<script|\s(src|href)=/i);
});
