/** Who may call main: only our own main frame, loaded from our own origin (VS Code's validatedIpcMain rule). */
export const APP_ORIGIN = 'app://doctor';

/**
 * The exact start of every URL of ours. `new URL(u).origin` cannot be compared: it is "null" for app:, file:, data:,
 * ms-msdt: and every other non-special scheme, so an origin comparison lets all of them through.
 */
export const APP_PREFIX = `${APP_ORIGIN}/`;

/** The parts of Electron's WebFrameMain the check needs (kept small so the check is testable without Electron). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * True when `url` is one of our pages: protocol exactly `app:`, host exactly `doctor` (no port, no user name or
 * password: `app://doctor@evil/` has the host `evil`), and the raw text starting with `app://doctor/`.
 */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || !url.startsWith(APP_PREFIX)) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'doctor' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** True when the frame is a main frame on app://doctor; anything else (iframes, other origins, null) is refused. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
