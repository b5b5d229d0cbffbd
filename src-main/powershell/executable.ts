/** Which PowerShell the program runs, as an absolute path where it can be (DESIGN §3). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../paths';
import { testHooks, type TestHooks } from '../testHooks';

/**
 * Windows: the in-box Windows PowerShell 5.1 by absolute path (a bare name would be searched for, current folder
 * first). Elsewhere (development, the simulated host): DAD_PWSH where the test hooks count, else the PowerShell 7
 * that setup installed, else `pwsh` on the PATH.
 */
export function powershellExecutable(env: NodeJS.ProcessEnv = process.env, platform = process.platform, hooks: TestHooks = testHooks()): string {
  if (platform === 'win32') {
    const systemRoot = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
    return `${systemRoot}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
  }
  if (hooks.pwsh) return hooks.pwsh;
  // pwsh-exec, not the .NET tool's shim: the shim starts PowerShell as a child that survives a kill (scripts/setup.mjs).
  const local = join(appRoot(), '.tools', 'pwsh', 'pwsh-exec');
  return existsSync(local) ? local : 'pwsh';
}

/** The environment for a PowerShell child: NODE_POWERSHELL removed (node-powershell would obey it over us). */
export function powershellEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { NODE_POWERSHELL: _ignored, ...rest } = env;
  // TERM=dumb: .NET otherwise writes keypad-mode escape codes into the redirected output on Linux.
  // TieredPGO off: its instrumentation slows the one-off script compilation that dominates a short session.
  return { ...rest, POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off', TERM: 'dumb', NO_COLOR: '1', DOTNET_TieredPGO: '0' };
}
