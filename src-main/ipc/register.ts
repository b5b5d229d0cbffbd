/**
 * The one door in (DESIGN §6.2): the only module that touches ipcMain. Every channel of src-shared/ipc.ts is handled
 * here by the same Router as the harness's HTTP door; the sender is checked before anything is parsed.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels, type EventName } from '../../src-shared/ipc';
import { err, type Result } from '../../src-shared/result';
import type { Router } from '../services/handlers';
import { isTrustedSender } from './senderCheck';

/** Registers a handler for every request channel. */
export function registerIpc(router: Router): void {
  for (const channel of Object.keys(channels)) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> | Result<unknown> => {
      if (!isTrustedSender(event.senderFrame)) return err('forbidden', 'not our window');
      const emit = <E extends EventName>(name: E, data: unknown) => sendTo(event.sender, name, data);
      return router.dispatch(channel, payload, emit);
    });
  }
}

function sendTo(target: WebContents, name: string, data: unknown): void {
  if (!target.isDestroyed()) target.send(name, data);
}
