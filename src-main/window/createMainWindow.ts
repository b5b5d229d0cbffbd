/**
 * The one window, locked (DESIGN §6.3): context isolation, sandbox, no Node, our own origin only, no new windows,
 * no navigation away, every permission denied, help links only from an allowlist.
 */
import { BrowserWindow, shell, session, type Session } from 'electron';
import { APP_ORIGIN } from '../ipc/senderCheck';

/** Help pages the wizard may open in the user's browser; nothing else leaves the app. */
export const HELP_LINKS: ReadonlySet<string> = new Set([
  'https://learn.microsoft.com/en-us/troubleshoot/windows-client/networking/directaccess-clients-connection-error-0x800b0109',
  'https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/directaccess-clients-not-connect-to-server',
]);

/** Denies every permission request and check for the session (Electron grants them by default). */
export function lockSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  lockSession(session.defaultSession);
  const win = new BrowserWindow({
    width: 1100,
    height: 780,
    minWidth: 720,
    minHeight: 560,
    title: 'DirectAccess Doctor',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (HELP_LINKS.has(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== new URL(APP_ORIGIN).origin) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
