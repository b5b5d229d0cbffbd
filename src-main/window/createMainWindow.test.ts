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

  it('blocks navigation away from app://doctor', () => {
    const nav = recorded.handlers.get('will-navigate');
    const away = { preventDefault: vi.fn() };
    nav?.(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn() };
    nav?.(home, 'app://doctor/index.html#x');
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every permission', () => {
    const cb = vi.fn();
    recorded.permissionRequest?.({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheck?.()).toBe(false);
  });
});
