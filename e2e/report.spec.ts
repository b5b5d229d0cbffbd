/** The report an escalation ends with: saved from the outcome screen, self-contained, redacted on request. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openScenario, runChecks } from './helpers';

test('nrpt-split-dns: the saved report tells the administrator the exact change, without this computer’s name', async ({ page }) => {
  await openScenario(page, 'nrpt-split-dns');
  await runChecks(page);
  await expect(page.getByText('Needs your IT department', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'outcome with report');
  await page.getByLabel(/Hide this computer/).check();
  // Main saves it (report:save) in the folder the harness was given (playwright.config.ts), under its own name.
  const dir = process.env.DAD_REPORTS_DIR!;
  const saved = () => readdirSync(dir).filter((n) => /^directaccess-report-redacted-\d{4}-\d{2}-\d{2}( \(\d+\))?\.html$/.test(n));
  const before = saved().length;
  await page.getByRole('button', { name: 'Save the report' }).click();
  await expect.poll(() => saved().length).toBe(before + 1);
  const html = readFileSync(join(dir, saved().sort().at(-1)!), 'utf8');
  expect(html).toContain('Add an NRPT exemption for da.contoso.com');
  expect(html).toContain('nrpt-captures-public-name');
  expect(html).not.toContain('CLIENT01');
  // No script but the one JSON data block (which does not run), no external resource.
  expect(html.replace(/<script type="application\/json" id="da-doctor-report">[^<]*<\/script>/, '')).not.toMatch(/<script|\s(src|href)=/i);
});
