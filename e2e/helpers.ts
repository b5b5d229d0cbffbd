/** Shared steps of the wizard specs: open a scenario, run the checks, scan with axe, keep screenshots. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

/** The harness's API token (set in playwright.config.ts) as the page and direct API calls present it. */
export const HARNESS_TOKEN = process.env.DAD_HARNESS_TOKEN ?? '';
export const API_HEADERS = { 'X-DAD-Token': HARNESS_TOKEN };

/** Opens the wizard on a simulated machine. */
export async function openScenario(page: Page, scenario: string): Promise<void> {
  await page.goto(`/?scenario=${encodeURIComponent(scenario)}#token=${HARNESS_TOKEN}`);
  await expect(page.getByRole('heading', { level: 1, name: 'What is wrong?' })).toBeVisible();
  // The scenario picker shows the address's scenario once app info has arrived.
  await expect(page.getByLabel('Practice machine (simulated)')).toHaveValue(scenario);
}

/** Runs the checks and waits for the guide (the checks screen's heading goes away). */
export async function runChecks(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run the checks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checking this computer' })).toBeHidden({ timeout: 45_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'What was checked' })).toBeVisible();
}

/** Confirms and applies the fix on screen; resolves on the verify screen (`axe`: scan and keep the confirmation). */
export async function applyFix(page: Page, opts: { axe?: string } = {}): Promise<void> {
  const apply = page.getByRole('button', { name: 'Apply the fix' });
  await expect(apply).toBeEnabled();
  await apply.click();
  const confirm = page.getByRole('heading', { level: 2, name: 'Make this change now?' });
  await expect(confirm).toBeFocused();
  if (opts.axe) {
    await expectNoAxeViolations(page, `${opts.axe} confirmation`);
    await screenshot(page, `${opts.axe}-fix-confirm`);
  }
  await page.getByRole('button', { name: 'Yes, make the change' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What happens next' })).toBeVisible({ timeout: 90_000 });
}

/** One record of the harness's audit log, as `audit:list` answers (the log is shared by every test of a run). */
export interface AuditEntry {
  id: string;
  time: string;
  fix: string;
  kind: 'fix' | 'undo';
  outcome: string;
  undoneBy?: string | null;
}

/** The harness's audit log, read straight from main (newest first). */
export async function auditLog(page: Page): Promise<AuditEntry[]> {
  const res = await page.request.post('/api/audit:list', { data: {}, headers: API_HEADERS });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { value: AuditEntry[] }).value;
}

/** The newest record of this fix (by time, not by position: other tests of the run write to the same log). */
export async function newestAudit(page: Page, fix: string, kind: 'fix' | 'undo' = 'fix'): Promise<AuditEntry | undefined> {
  return (await auditLog(page)).filter((r) => r.fix === fix && r.kind === kind).sort((a, b) => b.time.localeCompare(a.time))[0];
}

/** No axe violations on the current screen (WCAG 2.1 A/AA and best practices). */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe on ${label}`).toEqual([]);
}

/** Saves a full-page screenshot as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Presses Tab (or Shift+Tab) until the focused element's accessible text matches; fails after `max` presses. */
export async function tabTo(page: Page, name: RegExp, max = 40, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return '';
      const label = (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '') || el.closest('label')?.textContent;
      return `${el.getAttribute('aria-label') ?? ''} ${label ?? ''} ${el.innerText ?? ''}`.trim();
    });
    if (name.test(text)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}
