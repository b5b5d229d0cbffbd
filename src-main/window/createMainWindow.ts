/**
 * The one window, locked (DESIGN §6.3): context isolation, sandbox, no Node, our own origin only, no new windows,
 * no navigation away, every permission denied, help links only from an allowlist.
 */
import { app, BrowserWindow, shell, session, type Session } from 'electron';
import { APP_ORIGIN, isAppUrl } from '../ipc/senderCheck';

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

/** Stops a navigation unless it goes to one of our pages; the URL is the second argument or the event's `url`. */
export function blockForeign(event: { preventDefault: () => void; url?: unknown }, url: unknown): void {
  if (!isAppUrl(typeof url === 'string' ? url : event.url)) event.preventDefault();
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
      // No DevTools in an installed build: with them anyone at the keyboard could call the bridge's fix verbs.
      devTools: !app.isPackaged,
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (HELP_LINKS.has(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // Every way a frame can go somewhere else: a link or script (will-navigate), a server redirect (will-redirect),
  // and subframes (will-frame-navigate). Only our exact prefix passes (see isAppUrl: an origin comparison would not).
  win.webContents.on('will-navigate', (event, url) => blockForeign(event, url));
  win.webContents.on('will-redirect', (event, url) => blockForeign(event, url));
  win.webContents.on('will-frame-navigate', (event) => blockForeign(event, (event as { url?: unknown }).url));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
