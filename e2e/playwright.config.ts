import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// The harness's API token (src-main/harness/httpBridge.ts), fixed for this run: the harness gets it from the
// environment, the specs open the page with it (helpers.ts). Workers inherit the runner's environment.
process.env.DAD_HARNESS_TOKEN ??= randomBytes(24).toString('base64url');
// Where the harness saves reports (report:save): a fresh folder per run, which report.spec.ts reads.
process.env.DAD_REPORTS_DIR ??= mkdtempSync(join(tmpdir(), 'dad-e2e-reports-'));

// The browser harness with the simulated host: one worker, because the simulated machine is shared state.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../test-results',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:5179/',
    browserName: 'chromium',
    // The smallest window the wizard promises to work in: every step's next action must be visible in it.
    viewport: { width: 800, height: 600 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node out/main/harness.js --port 5179',
    cwd: '..',
    url: 'http://127.0.0.1:5179/',
    env: { DAD_HARNESS_TOKEN: process.env.DAD_HARNESS_TOKEN, DAD_REPORTS_DIR: process.env.DAD_REPORTS_DIR },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
