// The real Electron app: locked window, the typed preload surface, the wizard end to end on the simulated host.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let app: ElectronApplication;
let page: Page;

test.beforeEach(async () => {
  app = await electron.launch({
    args: [join(root, 'out', 'main', 'main.js'), `--user-data-dir=${mkdtempSync(join(tmpdir(), 'dad-e2e-'))}`],
    cwd: root,
    env: { ...process.env, DAD_SCENARIO: 'untrusted-root', DAD_DATA_DIR: mkdtempSync(join(tmpdir(), 'dad-data-')) },
  });
  page = await app.firstWindow();
});
test.afterEach(async () => {
  await app.close();
});

test('the window is locked down', async () => {
  // The options themselves are asserted by src-main/window/createMainWindow.test.ts; here, their effect on the page.
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(page.url()).toBe('app://doctor/index.html');
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined' });
});

test('the preload exposes one verb per channel and nothing else', async () => {
  const verbs = await page.evaluate(() => Object.keys((window as unknown as { daDoctor: object }).daDoctor).sort());
  expect(verbs).toEqual(
    [
      'appInfo',
      'auditList',
      'certificateInspect',
      'collectRun',
      'fixPreview',
      'fixRun',
      'fixUndo',
      'onCollectProgress',
      'reportSave',
      'snapshotImport',
      'systemRestart',
    ].sort(),
  );
});

test('navigation away from our origin and new windows are refused', async () => {
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://doctor/index.html');
  await page.evaluate(() => window.open('https://example.com/'));
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
});

test('the wizard finds the untrusted root and offers the fix', async () => {
  await page.getByRole('button', { name: 'Run the checks' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What was checked' })).toBeVisible();
  await expect(page.getByText(/certificate/i).first()).toBeVisible();
  await page.screenshot({ path: join(root, 'e2e', 'artifacts', 'electron-guide.png'), fullPage: true });
});
