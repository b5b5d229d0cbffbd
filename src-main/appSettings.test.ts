// The Electron app's settings with the electron module replaced (Electron cannot run here): packaged or not.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ isPackaged: false }));
vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return electron.isPackaged;
    },
    getPath: (name: string) => `/home/user/.config/DirectAccess Doctor (${name})`,
  },
}));

import { appSettings } from './appSettings';
import { testHooks } from './testHooks';

const userData = '/home/user/.config/DirectAccess Doctor (userData)';
const hooks = { DAD_SCENARIO: 'healthy', DAD_DATA_DIR: '/tmp/dad-data', DAD_PWSH: '/tmp/evil-pwsh', VITEST: 'true' };

describe('appSettings', () => {
  beforeEach(() => {
    electron.isPackaged = false;
  });

  it('a packaged app ignores DAD_DATA_DIR and DAD_SCENARIO: live checks on Windows, data in userData', () => {
    electron.isPackaged = true;
    expect(appSettings(hooks, 'win32')).toEqual({ scenario: null, dataDir: userData });
    // …and so do the modules deep inside it (the PowerShell executable, the probe timeouts).
    expect(testHooks(hooks)).toEqual({});
  });

  it('an unpackaged app (development, the Electron end-to-end tests) obeys them', () => {
    expect(appSettings(hooks, 'win32')).toEqual({ scenario: 'healthy', dataDir: '/tmp/dad-data' });
    expect(testHooks(hooks).pwsh).toBe('/tmp/evil-pwsh');
  });

  it('without hooks: live on Windows, the default scenario elsewhere', () => {
    expect(appSettings({}, 'win32')).toEqual({ scenario: null, dataDir: userData });
    expect(appSettings({}, 'linux')).toEqual({ scenario: 'untrusted-root', dataDir: userData });
  });
});
