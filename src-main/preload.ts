/**
 * The preload: one named verb per channel on `window.daDoctor` (never a generic invoke), the only code that
 * touches ipcRenderer. Bundled to one CommonJS file because the renderer is sandboxed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DaDoctorApi } from '../src-shared/bridgeApi';
import type { ChannelName, ChannelRequest, CollectProgress } from '../src-shared/ipc';

const call = (channel: ChannelName, req: unknown) => ipcRenderer.invoke(channel, req);

const api = {
  appInfo: () => call('app:info', {}),
  collectRun: (req: ChannelRequest<'collect:run'>) => call('collect:run', req),
  collectCancel: (req: ChannelRequest<'collect:cancel'>) => call('collect:cancel', req),
  snapshotImport: (req: ChannelRequest<'snapshot:import'>) => call('snapshot:import', req),
  reportSave: (req: ChannelRequest<'report:save'>) => call('report:save', req),
  systemRestart: () => call('system:restart', {}),
  fixPreview: (req: ChannelRequest<'fix:preview'>) => call('fix:preview', req),
  fixRun: (req: ChannelRequest<'fix:run'>) => call('fix:run', req),
  fixUndo: (req: ChannelRequest<'fix:undo'>) => call('fix:undo', req),
  certificateInspect: (req: ChannelRequest<'certificate:inspect'>) => call('certificate:inspect', req),
  auditList: () => call('audit:list', {}),
  /** Subscribes to probe progress; returns the unsubscribe. The event object never reaches the page. */
  onCollectProgress: (cb: (p: CollectProgress) => void) => {
    const listener = (_e: IpcRendererEvent, p: CollectProgress) => cb(p);
    ipcRenderer.on('collect:progress', listener);
    return () => {
      ipcRenderer.removeListener('collect:progress', listener);
    };
  },
} satisfies DaDoctorApi;

/** The verbs the page sees, for the renderer's bridge type. */
export type PreloadApi = typeof api;

contextBridge.exposeInMainWorld('daDoctor', api);
