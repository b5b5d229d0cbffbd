// The Electron app's settings with the electron module replaced (Electron cannot run here): packaged or not.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ isPackaged: false, noDownloads: false }));
vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return electron.isPackaged;
    },
    getPath: (name: string) => {
      if (name === 'downloads' && electron.noDownloads) throw new Error('Failed to get downloads path');
      return `/home/user/.config/DirectAccess Doctor (${name})`;
    },
  },
}));

import { appSettings } from './appSettings';
import { testHooks } from './testHooks';

const userData = '/home/user/.config/DirectAccess Doctor (userData)';
const downloads = '/home/user/.config/DirectAccess Doctor (downloads)';
const hooks = { DAD_SCENARIO: 'healthy', DAD_DATA_DIR: '/tmp/dad-data', DAD_REPORTS_DIR: '/tmp/dad-reports', DAD_PWSH: '/tmp/evil-pwsh', VITEST: 'true' };

describe('appSettings', () => {
  beforeEach(() => {
    electron.isPackaged = false;
    electron.noDownloads = false;
  });

  it('a packaged app ignores DAD_DATA_DIR and DAD_SCENARIO: live checks on Windows, data in userData', () => {
    electron.isPackaged = true;
    expect(appSettings(hooks, 'win32')).toEqual({ scenario: null, dataDir: userData, reportsDir: downloads });
    // …and so do the modules deep inside it (the PowerShell executable, the probe timeouts).
    expect(testHooks(hooks)).toEqual({});
  });

  it('an unpackaged app (development, the Electron end-to-end tests) obeys them', () => {
    expect(appSettings(hooks, 'win32')).toEqual({ scenario: 'healthy', dataDir: '/tmp/dad-data', reportsDir: '/tmp/dad-reports' });
    expect(testHooks(hooks).pwsh).toBe('/tmp/evil-pwsh');
  });

  it('without hooks: live on Windows, the default scenario elsewhere', () => {
    expect(appSettings({}, 'win32')).toEqual({ scenario: null, dataDir: userData, reportsDir: downloads });
    expect(appSettings({}, 'linux')).toEqual({ scenario: 'untrusted-root', dataDir: userData, reportsDir: downloads });
  });

  it('saves reports in Documents when Windows has no Downloads folder for the user', () => {
    electron.noDownloads = true;
    expect(appSettings({}, 'win32').reportsDir).toBe('/home/user/.config/DirectAccess Doctor (documents)');
  });
});
