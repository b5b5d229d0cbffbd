// The window's security settings, with the electron module replaced by a recorder (Electron cannot run here).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const recorded = vi.hoisted(() => ({
  options: null as null | Record<string, unknown>,
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  openHandler: null as null | ((d: { url: string }) => { action: string }),
  loaded: '' as string,
  openExternal: [] as string[],
  permissionRequest: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  isPackaged: false,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (h: typeof recorded.openHandler) => {
        recorded.openHandler = h;
      },
      on: (name: string, h: (...args: unknown[]) => unknown) => recorded.handlers.set(name, h),
    };
    constructor(options: Record<string, unknown>) {
      recorded.options = options;
    }
    once() {}
    loadURL(url: string) {
      recorded.loaded = url;
      return Promise.resolve();
    }
  }
  return {
    app: {
      get isPackaged() {
        return recorded.isPackaged;
      },
    },
    BrowserWindow,
    shell: { openExternal: (u: string) => recorded.openExternal.push(u) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof recorded.permissionRequest) => {
          recorded.permissionRequest = h;
        },
        setPermissionCheckHandler: (h: typeof recorded.permissionCheck) => {
          recorded.permissionCheck = h;
        },
      },
    },
  };
});

const { createMainWindow, HELP_LINKS } = await import('./createMainWindow');

describe('createMainWindow', () => {
  beforeEach(() => {
    recorded.handlers.clear();
    recorded.openExternal.length = 0;
    createMainWindow('/app/out/main/preload.cjs');
  });

  it('locks webPreferences', () => {
    expect(recorded.options?.webPreferences).toMatchObject({
      preload: '/app/out/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads our own origin, not file://', () => {
    expect(recorded.loaded).toBe('app://doctor/index.html');
  });

  it('denies every new window and opens only allowlisted help links outside', () => {
    const [allowed] = [...HELP_LINKS];
    expect(recorded.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(recorded.openHandler?.({ url: allowed as string })).toEqual({ action: 'deny' });
    expect(recorded.openExternal).toEqual([allowed]);
  });

  // new URL(u).origin is "null" for every non-special scheme, so an origin comparison let all of these through.
  const FOREIGN = [
    'https://evil.example/',
    'ms-msdt:/id PCWDiagnostic /skip force /param "IT_RebrowseForFile=?"',
    'file:///C:/Windows/System32/calc.exe',
    'data:text/html,<script>alert(1)</script>',
    'app://doctor.evil/index.html',
    'app://doctor@evil/index.html',
    'app://doctor:8080/index.html',
    'https://doctor/index.html',
    'APP://DOCTOR/index.html',
    'app://doctor',
  ];
  for (const name of ['will-navigate', 'will-redirect'] as const) {
    it.each(FOREIGN)(`${name} blocks %s`, (url) => {
      const away = { preventDefault: vi.fn() };
      recorded.handlers.get(name)?.(away, url);
      expect(away.preventDefault).toHaveBeenCalled();
    });
    it(`${name} lets our own pages through`, () => {
      const home = { preventDefault: vi.fn() };
      recorded.handlers.get(name)?.(home, 'app://doctor/index.html#x');
      expect(home.preventDefault).not.toHaveBeenCalled();
    });
  }
  it.each(FOREIGN)('will-frame-navigate (the URL on the event) blocks %s', (url) => {
    const away = { preventDefault: vi.fn(), url, isMainFrame: false };
    recorded.handlers.get('will-frame-navigate')?.(away);
    expect(away.preventDefault).toHaveBeenCalled();
  });
  it('will-frame-navigate lets our own pages through', () => {
    const home = { preventDefault: vi.fn(), url: 'app://doctor/index.html', isMainFrame: true };
    recorded.handlers.get('will-frame-navigate')?.(home);
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('DevTools only in an unpackaged build', () => {
    expect(recorded.options?.webPreferences).toMatchObject({ devTools: true });
    recorded.isPackaged = true;
    createMainWindow('/app/out/main/preload.cjs');
    recorded.isPackaged = false;
    expect(recorded.options?.webPreferences).toMatchObject({ devTools: false });
  });

  it('denies every permission', () => {
    const cb = vi.fn();
    recorded.permissionRequest?.({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheck?.()).toBe(false);
  });
});
