/** Which PowerShell the program runs, as an absolute path where it can be (DESIGN §3). */
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../paths';
import { testHooks, type TestHooks } from '../testHooks';

/**
 * Windows: the in-box Windows PowerShell 5.1 by absolute path (a bare name would be searched for, current folder
 * first). Elsewhere (development, the simulated host): DAD_PWSH where the test hooks count, else the PowerShell 7
 * that setup installed, else `pwsh` on the PATH.
 */
export function powershellExecutable(_env: NodeJS.ProcessEnv = process.env, platform = process.platform, hooks: TestHooks = testHooks()): string {
  // Never from the environment on Windows (trustedSystemRoot says why); the parameter stays for the callers' symmetry.
  if (platform === 'win32') return `${trustedSystemRoot()}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
  if (hooks.pwsh) return hooks.pwsh;
  // pwsh-exec, not the .NET tool's shim: the shim starts PowerShell as a child that survives a kill (scripts/setup.mjs).
  const local = join(appRoot(), '.tools', 'pwsh', 'pwsh-exec');
  return existsSync(local) ? local : 'pwsh';
}

/**
 * The Windows folder, from the kernel's `\SystemRoot` link (what GetSystemDirectory is built on), never from the
 * `SystemRoot` environment variable: a standard user can set that for their own session and point the app at a
 * powershell.exe of their own, whose consent prompt would then look like ours. Falls back to C:\Windows.
 */
export function trustedSystemRoot(resolve: (p: string) => string = (p) => realpathSync.native(p)): string {
  try {
    const m = /^(?:\\\\\?\\)?([A-Za-z]:\\[^\\/:*?"<>|\r\n]+)\\?$/.exec(resolve('\\\\?\\GLOBALROOT\\SystemRoot'));
    if (m?.[1]) return m[1];
  } catch {
    // Not resolvable here (or not Windows): the default location.
  }
  return 'C:\\Windows';
}

/** The environment for a PowerShell child: NODE_POWERSHELL removed (node-powershell would obey it over us). */
export function powershellEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { NODE_POWERSHELL: _ignored, ...rest } = env;
  // TERM=dumb: .NET otherwise writes keypad-mode escape codes into the redirected output on Linux.
  // TieredPGO off: its instrumentation slows the one-off script compilation that dominates a short session.
  // Tiered compilation off (PowerShell 7; Windows PowerShell's .NET Framework never tiers): the code PowerShell
  // compiles from our scripts is jitted once, optimised, instead of running unoptimised and being jitted again in the
  // background while the next checks run. Measured (docs/decisions.md 10): second and third checks of a session
  // 16-23 % faster, the one-shot CLI the same.
  return {
    ...rest,
    POWERSHELL_TELEMETRY_OPTOUT: '1',
    POWERSHELL_UPDATECHECK: 'Off',
    TERM: 'dumb',
    NO_COLOR: '1',
    DOTNET_TieredPGO: '0',
    DOTNET_TieredCompilation: '0',
  };
}
