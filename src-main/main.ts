/**
 * The Electron main process: one locked window, single instance, the renderer on app://doctor, IPC through the
 * typed contract, and the PowerShell session started at launch so the first check does not wait for it.
 */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { appSettings } from './appSettings';
import { registerIpc } from './ipc/register';
import { loadOrgConfig } from './org/loadOrg';
import { appRoot } from './paths';
import { Doctor } from './services/doctor';
import { Router } from './services/handlers';
import { registerSchemePrivileges, serveRenderer } from './window/appProtocol';
import { confirmInDialog } from './window/confirmDialog';
import { createMainWindow } from './window/createMainWindow';

app.enableSandbox();
registerSchemePrivileges();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // On Windows the checks run live; elsewhere (and in the Electron end-to-end tests) on the simulated host.
  // A malformed organisation file is reported and ignored: everything works without it.
  const settings = appSettings();
  const org = loadOrgConfig();
  for (const e of org.errors) console.error(e);
  const doctor = settings.scenario === null ? Doctor.windows(org.config) : Doctor.simulated(settings.scenario);
  void doctor.warmUp().catch(() => undefined); // a failed start shows up on the first check, with its reason

  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => {
    void doctor.dispose().finally(() => app.quit());
  });
  void app.whenReady().then(() => {
    const root = app.isPackaged ? app.getAppPath() : appRoot();
    serveRenderer(join(root, 'out', 'renderer'));
    // The audit log and saved snapshots live with the user's app data (an unpackaged app's tests isolate them).
    // Every fix and undo is confirmed in a native dialog first: the page's `confirmed: true` is not enough.
    registerIpc(new Router(doctor, { dataDir: settings.dataDir, reportsDir: settings.reportsDir, confirm: confirmInDialog }));
    createMainWindow(join(root, 'out', 'main', 'preload.cjs'));
  });
}
