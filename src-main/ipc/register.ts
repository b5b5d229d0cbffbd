/**
 * The one door in (DESIGN §6.2): the only module that touches ipcMain. Every channel of src-shared/ipc.ts is handled
 * here by the same Router as the harness's HTTP door; the sender is checked before anything is parsed.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels, type EventName } from '../../src-shared/ipc';
import { err, type Result } from '../../src-shared/result';
import type { Router } from '../services/handlers';
import { isTrustedSender } from './senderCheck';

/** Channels that change the machine: only through a router that asks the person in the main process first. */
const NEEDS_MAIN_CONFIRMATION: ReadonlySet<string> = new Set(['fix:run', 'fix:undo']);

/**
 * Registers a handler for every request channel. A router without a main-process confirmation gets no fix or undo
 * through this door: the renderer's `confirmed: true` alone never runs anything.
 */
export function registerIpc(router: Pick<Router, 'dispatch' | 'confirmsInMain'>): void {
  for (const channel of Object.keys(channels)) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> | Result<unknown> => {
      if (!isTrustedSender(event.senderFrame)) return err('forbidden', 'not our window');
      if (NEEDS_MAIN_CONFIRMATION.has(channel) && !router.confirmsInMain) return err('forbidden', 'fixes need a confirmation in the main process');
      const emit = <E extends EventName>(name: E, data: unknown) => sendTo(event.sender, name, data);
      return router.dispatch(channel, payload, emit);
    });
  }
}

function sendTo(target: WebContents, name: string, data: unknown): void {
  if (!target.isDestroyed()) target.send(name, data);
}
