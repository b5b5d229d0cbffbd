/** Who may call main: only our own main frame, loaded from our own origin (VS Code's validatedIpcMain rule). */
export const APP_ORIGIN = 'app://doctor';

/** The parts of Electron's WebFrameMain the check needs (kept small so the check is testable without Electron). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** True when the frame is a main frame on app://doctor; anything else (iframes, other origins, null) is refused. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN || new URL(frame.url).href.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}
