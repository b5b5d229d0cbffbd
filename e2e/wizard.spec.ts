/**
 * Every scenario file walked from the start screen to where its "expect" says the path ends, with the answers it
 * names; axe on every screen it passes; screenshots of each main screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, openScenario, runChecks, screenshot } from './helpers';
import { scenarioWalks, type End } from './scenarioWalks';

const IT = 'Needs your IT department' as const;

/** Which end the page shows now. */
async function currentEnd(page: Page): Promise<'fix' | 'outcome'> {
  const fix = page.getByRole('heading', { level: 2, name: 'What will change' });
  const outcome = page.locator('.outcome .badge');
  await expect(fix.or(outcome)).toBeVisible();
  return (await fix.isVisible()) ? 'fix' : 'outcome';
}

async function matches(page: Page, end: End): Promise<boolean> {
  const kind = await currentEnd(page);
  if ('fix' in end) return kind === 'fix' && (await page.getByText(`[${end.fix}]`, { exact: false }).count()) > 0;
  return kind === 'outcome' && (await page.locator('.outcome .badge').innerText()) === end.outcome;
}

for (const w of scenarioWalks()) {
  test(`${w.scenario}: ends at ${'fix' in w.end ? `fix ${w.end.fix}` : w.end.outcome}`, async ({ page }) => {
    await openScenario(page, w.scenario);
    if (w.audience) await page.getByRole('radio', { name: w.audience }).check();
    await runChecks(page);

    for (const label of w.answers) {
      await expect(page.getByRole('group', { name: 'Your answer' })).toBeVisible();
      await expectNoAxeViolations(page, `${w.scenario} question`);
      await screenshot(page, `${w.scenario}-question`);
      await page.getByRole('radio', { name: label }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
    }

    // The technical view shows fix ids and evidence; check the end with it on.
    await page.getByRole('switch', { name: 'Technical view' }).check();
    expect(await matches(page, w.end), `${w.scenario} should end at ${JSON.stringify(w.end)}`).toBe(true);

    if ((await currentEnd(page)) === 'fix') {
      // The fix itself is applied in fixes.spec.ts; here the screen offers it.
      await expect(page.getByRole('button', { name: 'Apply the fix' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Why Windows will ask for an administrator' })).toBeVisible();
    } else if ((await page.locator('.outcome .badge').innerText()) === IT) {
      await expect(page.getByRole('heading', { level: 2, name: 'What your administrator must change' })).toBeVisible();
      await expect(page.getByLabel('Copy this into your helpdesk ticket')).toHaveValue(/Root cause: /);
    }
    // Wherever the person is sent to IT, the screen says who that is, and the way on is in view.
    if ((await currentEnd(page)) === 'outcome') {
      const result = await page.locator('.outcome .badge').innerText();
      if (!/^Working|^Fixed/.test(result)) await expect(page.locator('.helpdesk')).toBeVisible();
      await expect(page.locator('.wizard-footer').getByRole('button').last()).toBeInViewport({ ratio: 1 });
    } else {
      await expect(page.locator('.wizard-footer').getByRole('button', { name: 'Apply the fix' })).toBeInViewport({ ratio: 1 });
    }
    await expectNoAxeViolations(page, `${w.scenario} end (technical view)`);
    await screenshot(page, `${w.scenario}-end-technical`);
    await page.getByRole('switch', { name: 'Technical view' }).uncheck();
    await expectNoAxeViolations(page, `${w.scenario} end`);
    await screenshot(page, `${w.scenario}-end`);
  });
}

test('untrusted-root: a fix not applied now ends with the report for the helpdesk', async ({ page }) => {
  await openScenario(page, 'untrusted-root');
  await runChecks(page);
  await page.getByRole('button', { name: 'Not now: show the report for my helpdesk' }).click();
  await expect(page.locator('.outcome .badge')).toHaveText(IT);
  await expect(page.getByLabel('Copy this into your helpdesk ticket')).toHaveValue(/iphttps-untrusted-root/);
  await page.getByRole('button', { name: 'Back' }).waitFor({ state: 'detached' });
});

test('start and checks screens: no axe violations, progress per probe, no request off our origin, nothing the CSP refuses', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1:5179/')) foreign.push(r.url());
  });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  // What the content security policy refused, as the page saw it (zod probing for eval was one, on every launch).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspRefused: string[] }).__cspRefused = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await openScenario(page, 'probe-hangs');
  await expectNoAxeViolations(page, 'start');
  await screenshot(page, 'start');
  await page.getByRole('switch', { name: 'Technical view' }).check();
  await expectNoAxeViolations(page, 'start (technical view)');
  await page.getByRole('switch', { name: 'Technical view' }).uncheck();
  await page.getByRole('button', { name: 'Run the checks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checking this computer' })).toBeVisible();
  // probe-hangs keeps the name-lookup probe busy until its timeout: the checks screen stays up long enough to scan.
  await expect(page.locator('.probe-ok').first()).toBeVisible();
  // The bar jumps to each value: an eased width is a layout per frame for as long as the checks run (issue 12).
  expect(await page.locator('.fui-ProgressBar__bar').evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
  // The other probes answer at once in the pool; the screen stays until the hung one's 5 s run out: look first.
  await screenshot(page, 'checks');
  await expectNoAxeViolations(page, 'checks running');
  await expect(page.getByRole('heading', { level: 2, name: 'What was checked' })).toBeVisible({ timeout: 45_000 });
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __cspRefused: string[] }).__cspRefused)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('probe-hangs: long checks say how long they can take; Stop checking shows what was learned, naming what was stopped', async ({ page }) => {
  await openScenario(page, 'probe-hangs');
  await page.getByRole('button', { name: 'Run the checks' }).click();
  await expect(page.getByText(/on a network that does not answer it can take up to \d+ (seconds|minutes?) more/)).toBeVisible();
  const stop = page.locator('.wizard-footer').getByRole('button', { name: 'Stop checking' });
  await expect(stop).toBeInViewport({ ratio: 1 });
  // The name-lookup probe hangs: stop while it runs, once the checks before it have answered.
  await expect(page.locator('.probe-ok').first()).toBeVisible();
  await stop.click();
  await expect(page.getByRole('heading', { level: 2, name: 'What was checked' })).toBeVisible();
  await expect(page.getByText(/This diagnosis is incomplete: .*the checks were stopped before .*Name lookup rules.* answered\./)).toBeVisible();
  await screenshot(page, 'checks-stopped');
  // The stopped run left PowerShell ready: the next run finishes.
  await openScenario(page, 'healthy');
  await runChecks(page);
  await expect(page.locator('.outcome .badge')).toHaveText('Working');
});
