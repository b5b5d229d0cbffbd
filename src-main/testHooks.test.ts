import { afterEach, describe, expect, it, vi } from 'vitest';
import { hooksHonoured, readTestHooks, withoutTestHooks, type Runner } from './testHooks';

const env = {
  DAD_SCENARIO: 'healthy',
  DAD_DATA_DIR: '/tmp/dad-data',
  DAD_REPORTS_DIR: '/tmp/dad-reports',
  DAD_PWSH: '/opt/pwsh',
  DAD_PROBE_TIMEOUT_SCALE: '3',
  PATH: '/bin',
};
const all = { scenario: 'healthy', dataDir: '/tmp/dad-data', reportsDir: '/tmp/dad-reports', pwsh: '/opt/pwsh', probeTimeoutScale: 3 };

describe('readTestHooks', () => {
  it.each<[string, Runner]>([
    ['the unpackaged Electron app', { kind: 'electron', packaged: false }],
    ['the browser harness', { kind: 'harness' }],
    ['the CLI on the simulated host', { kind: 'cli', scenario: true }],
    ['a test', { kind: 'test' }],
  ])('%s obeys every DAD_* variable', (_name, runner) => {
    expect(hooksHonoured(runner)).toBe(true);
    expect(readTestHooks(runner, env)).toEqual(all);
  });

  it.each<[string, Runner]>([
    ['a packaged Electron app', { kind: 'electron', packaged: true }],
    ['the CLI on the live machine', { kind: 'cli', scenario: false }],
  ])('%s ignores them all', (_name, runner) => {
    expect(hooksHonoured(runner)).toBe(false);
    expect(readTestHooks(runner, env)).toEqual({});
  });

  it('ignores empty values and a timeout scale that is not a positive number', () => {
    const test: Runner = { kind: 'test' };
    expect(readTestHooks(test, { DAD_DATA_DIR: '', DAD_PROBE_TIMEOUT_SCALE: 'abc' })).toEqual({});
    expect(readTestHooks(test, { DAD_PROBE_TIMEOUT_SCALE: '-2' })).toEqual({});
    expect(readTestHooks(test, { DAD_PROBE_TIMEOUT_SCALE: '0' })).toEqual({});
  });
});

describe('testHooks', () => {
  afterEach(() => vi.resetModules());

  it('outside vitest and before an entry point installs any, obeys nothing', async () => {
    const { testHooks } = await import('./testHooks');
    expect(testHooks({ DAD_DATA_DIR: '/tmp/x' })).toEqual({});
    expect(testHooks({ DAD_DATA_DIR: '/tmp/x', VITEST: 'true' })).toEqual({ dataDir: '/tmp/x' });
  });

  it('after a packaged app installed its hooks, obeys nothing, even under vitest', async () => {
    const { installTestHooks, testHooks } = await import('./testHooks');
    installTestHooks({ kind: 'electron', packaged: true }, { DAD_DATA_DIR: '/tmp/x' });
    expect(testHooks({ DAD_DATA_DIR: '/tmp/x', VITEST: 'true' })).toEqual({});
  });
});

describe('withoutTestHooks', () => {
  it('drops every DAD_* variable and keeps the rest', () => {
    expect(withoutTestHooks(env)).toEqual({ PATH: '/bin' });
  });
});
