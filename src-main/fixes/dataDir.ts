/** The data folder of the CLI and the harness (Electron passes app.getPath('userData') instead). */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** DAD_DATA_DIR, else %LOCALAPPDATA%\DirectAccess Doctor on Windows, else ~/.local/state/directaccess-doctor. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DAD_DATA_DIR) return env.DAD_DATA_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'DirectAccess Doctor');
  return join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'directaccess-doctor');
}
