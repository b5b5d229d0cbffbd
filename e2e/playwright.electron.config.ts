import { defineConfig } from '@playwright/test';

// The Electron window itself (Playwright `_electron`): run by the Windows workflow, where Electron's binary exists.
// Not part of the local `npm test`, which cannot start Electron on this kind of machine.
export default defineConfig({
  testDir: './electron',
  testMatch: '*.electron.ts',
  outputDir: '../test-results/electron',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
});
