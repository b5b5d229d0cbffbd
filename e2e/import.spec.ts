/** A snapshot from another computer: the helpdesk sees its diagnosis and path, but its fixes cannot run here. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { API_HEADERS, expectNoAxeViolations, openScenario } from './helpers';

test('an imported snapshot shows the fix for its own computer, and does not offer to run it here', async ({ page }) => {
  // The user's computer: a snapshot of ip-helper-stopped, as the user would send it.
  const collected = await page.request.post('/api/collect:run', {
    data: { runId: 'import-spec', scenario: 'ip-helper-stopped' },
    headers: API_HEADERS,
  });
  const { value } = (await collected.json()) as { value: { snapshot: unknown } };
  const file = join(mkdtempSync(join(tmpdir(), 'dad-import-')), 'snapshot.json');
  writeFileSync(file, JSON.stringify(value.snapshot));

  const fixRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/fix:run')) fixRequests.push(r.url());
  });
  await openScenario(page, 'healthy');
  await page.getByText('For helpdesk staff: open results from another computer').click();
  await page.getByLabel('Results file from another computer').setInputFiles(file);

  await expect(page.getByRole('heading', { level: 2, name: 'What will change' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/These results come from a snapshot of CLIENT01/)).toBeVisible();
  await expect(page.getByText('These are CLIENT01’s results, opened from a file.')).toBeVisible();
  // Another computer's fix is never offered here: the way on is its report.
  await expect(page.getByRole('button', { name: 'Apply the fix' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Continue to the report' })).toBeInViewport({ ratio: 1 });
  await expectNoAxeViolations(page, 'fix screen of an imported snapshot');
  expect(fixRequests).toEqual([]);
});

test('a file that is not a snapshot is refused with one sentence', async ({ page }) => {
  const file = join(mkdtempSync(join(tmpdir(), 'dad-import-')), 'not-a-snapshot.json');
  writeFileSync(file, '{"schema":"da-doctor/snapshot@9"}');
  await openScenario(page, 'healthy');
  await page.getByText('For helpdesk staff: open results from another computer').click();
  await page.getByLabel('Results file from another computer').setInputFiles(file);
  await expect(page.getByText(/not supported by this version/)).toBeVisible({ timeout: 15_000 });
});
