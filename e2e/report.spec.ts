/** The report an escalation ends with: saved from the outcome screen, self-contained, redacted on request. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openScenario, runChecks, screenshot } from './helpers';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

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

test('untrusted-root: "Send to my helpdesk" saves one file that the wizard and `diagnose --snapshot` both open', async ({ page }) => {
  await openScenario(page, 'untrusted-root');
  await runChecks(page);
  // The person does not apply the fix: the outcome sends them to IT, with the organisation's helpdesk named.
  await page.getByRole('button', { name: 'Not now: show the report for my helpdesk' }).click();
  const contact = page.getByRole('group', { name: 'Who to contact' }).or(page.locator('.helpdesk'));
  await expect(contact).toContainText('Contoso IT Service Desk');
  await expect(contact).toContainText('servicedesk@contoso.com');
  await expect(page.getByLabel('Copy this into your helpdesk ticket')).toHaveValue(/Contoso IT Service Desk/);
  await expect(page.getByRole('button', { name: 'Finish' })).toBeInViewport({ ratio: 1 });
  await page.getByRole('button', { name: 'Save the report' }).click();
  // The screen says where the file is; that file is what the helpdesk receives.
  const where = page.locator('.saved-path');
  await expect(where).toContainText(/directaccess-report-CLIENT01-\d{4}-\d{2}-\d{2}( \(\d+\))?\.html$/);
  const file = (await where.textContent())!;
  expect(existsSync(file)).toBe(true);
  await screenshot(page, 'handoff-saved');

  // The wizard opens it as another computer's results: named, never "this computer", its fix not runnable here.
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByText('For helpdesk staff: open results from another computer').click();
  await page.getByLabel('Results file from another computer').setInputFiles(file);
  await expect(page.getByText('These are CLIENT01’s results, opened from a file.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Apply the fix' })).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText(/this computer/i);
  await expectNoAxeViolations(page, 'imported report');
  await screenshot(page, 'handoff-opened');

  // And the command line reads the same file.
  const cli = spawnSync(process.execPath, ['out/main/cli.js', 'diagnose', '--snapshot', file, '--json'], { cwd: ROOT, encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(1);
  expect(JSON.parse(cli.stdout).findings.map((f: { id: string }) => f.id)).toContain('iphttps-untrusted-root');
});
