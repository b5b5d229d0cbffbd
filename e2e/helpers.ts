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
  // The next step is always in view at 800×600: the wizard's footer holds it.
  await expect(apply).toBeInViewport({ ratio: 1 });
  await apply.click();
  const confirm = page.getByRole('dialog', { name: 'Make this change now?' });
  await expectFocusWithin(confirm);
  // Escape closes the confirmation and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(apply).toBeFocused();
  await apply.click();
  await expectFocusWithin(confirm);
  if (opts.axe) {
    await expectNoAxeViolations(page, `${opts.axe} confirmation`);
    await screenshot(page, `${opts.axe}-fix-confirm`);
  }
  await page.getByRole('button', { name: 'Yes, make the change' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What happens next' })).toBeVisible({ timeout: 90_000 });
}

/** The focus is inside this element (a modal dialog moves it to its first control). */
export async function expectFocusWithin(el: import('@playwright/test').Locator): Promise<void> {
  await expect(el).toBeVisible();
  await expect.poll(() => el.evaluate((node) => node.contains(document.activeElement))).toBe(true);
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

/** The colour schemes every screen is scanned in: Windows' light and dark, and forced colors (high contrast). */
const SCHEMES = [
  { name: 'light', colorScheme: 'light', forcedColors: 'none' },
  { name: 'dark', colorScheme: 'dark', forcedColors: 'none' },
  { name: 'forced colors', colorScheme: 'light', forcedColors: 'active' },
] as const;

/**
 * No axe violations on the current screen (WCAG 2.1 A/AA and best practices), in light, dark and forced colors: all
 * rules in light; in dark and forced colors the rules a colour scheme can change (a full scan takes seconds, and
 * the structure it checks is the same in every scheme).
 * Fluent's focus manager (tabster) keeps zero-size `<i data-tabster-dummy tabindex=0 aria-hidden>` sentinels at
 * the edges of focus traps; focus never rests on them (tabster moves it on at once), so they are left out of the scan.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme.colorScheme, forcedColors: scheme.forcedColors });
    const axe = new AxeBuilder({ page }).exclude('[data-tabster-dummy]');
    const results = await (
      scheme.name === 'light'
        ? axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        : axe.withRules(['color-contrast', 'link-in-text-block'])
    ).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(summary, `axe on ${label} (${scheme.name})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
}

/**
 * Saves a screenshot of the whole screen as a test artefact. The wizard scrolls inside its frame (the footer stays
 * put), so the window is made as tall as the screen's content for the picture, then given its size back.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const size = page.viewportSize();
  // A modal dialog is pictured as the person sees it: over the window at its own size.
  const extra = await page.evaluate(() => {
    const c = document.querySelector('.content');
    return c && !document.querySelector('[role="dialog"], [role="alertdialog"]') ? c.scrollHeight - c.clientHeight : 0;
  });
  if (size && extra > 0) await page.setViewportSize({ width: size.width, height: size.height + extra });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  if (size && extra > 0) await page.setViewportSize(size);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's accessible text matches; fails after `max` presses. The
 * scrolling screen itself takes focus too, and its text holds every label on it: anchor the pattern (`^…`).
 */
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
