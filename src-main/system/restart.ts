/**
 * "Restart now" after a fix Windows uses only at start-up (DisabledComponents, for one). Windows' own shutdown.exe
 * from the trusted system folder, with a minute's notice that Windows itself shows and `shutdown /a` cancels: a
 * restart needs no administrator on a workstation, changes nothing, and a page that asked for one by mistake (or
 * maliciously) costs the person at most a restart they can still stop.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { trustedSystemRoot } from '../powershell/executable';

/** Seconds between "Restart now" and the restart: time to save work, and to cancel. */
export const RESTART_DELAY_SECONDS = 60;

type Run = (file: string, args: string[], options: { windowsHide: boolean; timeout: number }) => Promise<unknown>;

/** Asks Windows to restart in RESTART_DELAY_SECONDS; rejects when shutdown.exe refuses. */
export async function restartWindows(run: Run = promisify(execFile) as unknown as Run, systemRoot: () => string = trustedSystemRoot): Promise<void> {
  await run(
    `${systemRoot()}\\System32\\shutdown.exe`,
    ['/r', '/t', String(RESTART_DELAY_SECONDS), '/c', 'DirectAccess Doctor: Windows restarts in one minute to finish a change. Save your work.'],
    { windowsHide: true, timeout: 10_000 },
  );
}
