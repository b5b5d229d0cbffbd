/**
 * The elevation runner on Windows (DESIGN §3, code-anchors §2.4): a small non-elevated powershell.exe, started with
 * -EncodedCommand, calls Start-Process -Verb RunAs -Wait -PassThru on powershell.exe running Start-DadElevatedFix.ps1
 * from the per-machine install folder. The input travels as base64 (no quotes, no spaces), paths in double quotes in
 * one pre-quoted argument string (Start-Process joins an array without quoting). An elevated process's output cannot
 * be redirected, so the elevated script writes result.json into a new folder only administrators can write,
 * <CommonApplicationData>\DirectAccess Doctor\results\<result id>\ (DESIGN §4); the launcher, which waited for it, reads
 * that file (users may read there) and prints it as base64 on its stdout. The app never hands the elevated process
 * a path of a folder the user can write.
 */
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, win32 } from 'node:path';
import { psDir } from '../paths';
import { powershellEnv, powershellExecutable } from '../powershell/executable';
import { psLiteral, toB64Json } from '../powershell/psLiteral';
import { scriptResultSchema, type FixRunner, type RunnerOutcome } from './runner';

/** Win32 ERROR_CANCELLED: the person said no to UAC. */
export const ERROR_CANCELLED = 1223;
/** Windows' command line is at most 32767 characters; stay well below. */
const MAX_COMMAND_LINE = 30_000;

export interface WindowsRunnerOptions {
  scriptPath?: string;
  env?: NodeJS.ProcessEnv;
  spawn?: (cmd: string, args: string[], opts: Parameters<typeof nodeSpawn>[2]) => ChildProcess;
  /** UAC prompt plus the fix itself. */
  timeoutMs?: number;
  /** The result id (32 lower-case hex); random unless a test fixes it. */
  makeResultId?: () => string;
}

/**
 * Why a script may not be elevated from this path, or null when it may: it must be absolute, and not in a folder
 * the user can write (profile, %TEMP%, %APPDATA%, %LOCALAPPDATA%): a process of the user could swap the script and
 * ride the consent given to ours.
 */
export function userWritableReason(scriptPath: string, env: NodeJS.ProcessEnv): string | null {
  if (!win32.isAbsolute(scriptPath) || scriptPath.startsWith('\\\\')) return `the fix script path is not an absolute local path: ${scriptPath}`;
  if (/["\r\n%]/.test(scriptPath)) return 'the fix script path has characters a command line cannot carry';
  const norm = (p: string) => win32.normalize(p).replace(/\\+$/, '').toLowerCase();
  const target = norm(scriptPath);
  const roots = [
    env.USERPROFILE,
    env.TEMP,
    env.TMP,
    env.APPDATA,
    env.LOCALAPPDATA,
    env.HOMEDRIVE && env.HOMEPATH ? env.HOMEDRIVE + env.HOMEPATH : undefined,
  ].filter((r): r is string => !!r && win32.isAbsolute(r));
  for (const r of roots)
    if (target === norm(r) || target.startsWith(`${norm(r)}\\`))
      return `refusing to elevate a script from a folder you can write (${r}); install DirectAccess Doctor per machine`;
  if (/\\users\\[^\\]+\\/.test(target) || /\\windows\\temp\\/.test(target))
    return 'refusing to elevate a script from a user profile or temp folder; install DirectAccess Doctor per machine';
  return null;
}

/** assets/ps/fixes/ElevationSource.ps1: where the elevated script may live, and which powershell.exe elevates it. */
export function elevationSourceCheck(): string {
  return readFileSync(join(psDir(), 'fixes', 'ElevationSource.ps1'), 'utf8');
}

/**
 * The non-elevated script: checks where the elevated script lives (ElevationSource.ps1: inside Program Files by the
 * known-folder API, the file and its folders owned by administrators and not writable by users), then
 * Start-Process -Verb RunAs on the system directory's powershell.exe, then reports the exit code or the error on
 * stdout. The elevated executable is computed there, never passed in from an environment the user controls.
 */
export function buildLauncherScript(
  scriptPath: string,
  inputB64: string,
  resultId: string,
  kind: 'fix' | 'undo',
  sourceCheck: string = elevationSourceCheck(),
): string {
  if (!/^[A-Za-z0-9+/=]+$/.test(inputB64)) throw new Error('the fix input must be base64');
  if (!/^[0-9a-f]{32}$/.test(resultId)) throw new Error('the result id must be 32 lower-case hex digits');
  if (/["\r\n]/.test(scriptPath)) throw new Error(`a path with a quote or newline cannot be passed: ${scriptPath}`);
  const argumentString = `-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "${scriptPath}" -InputB64 ${inputB64} -ResultId ${resultId} -Kind ${kind}`;
  return [
    sourceCheck,
    "$ErrorActionPreference = 'Stop'",
    'try {',
    `  $why = Test-DadElevationSource -ScriptPath ${psLiteral(scriptPath)}`,
    "  if ($null -ne $why) { [Console]::Out.Write('DAD-ERROR:0:refused: ' + $why); return }",
    `  $p = Start-Process -FilePath (Get-DadSystemPowerShell) -Verb RunAs -Wait -PassThru -WindowStyle Hidden -ArgumentList ${psLiteral(argumentString)}`,
    // The known-folder API, not %ProgramData%: the folder the elevated script wrote to.
    `  $f = [IO.Path]::Combine([Environment]::GetFolderPath('CommonApplicationData'), 'DirectAccess Doctor', 'results', '${resultId}', 'result.json')`,
    "  if ([IO.File]::Exists($f)) { [Console]::Out.Write('DAD-RESULT:' + [Convert]::ToBase64String([IO.File]::ReadAllBytes($f)) + ' ') }",
    "  [Console]::Out.Write('DAD-EXIT:' + $p.ExitCode)",
    '} catch {',
    '  $e = $_.Exception; $code = 0',
    "  while ($null -ne $e) { if ($e.PSObject.Properties['NativeErrorCode'] -and $e.NativeErrorCode) { $code = $e.NativeErrorCode; break }; $e = $e.InnerException }",
    "  [Console]::Out.Write('DAD-ERROR:' + $code + ':' + $_.Exception.Message)",
    '}',
  ].join('\n');
}

/** -EncodedCommand takes base64 of UTF-16LE. */
export function encodeCommand(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

/** The result the launcher printed (base64 of result.json), or null. */
export function resultFromStdout(stdout: string): string | null {
  const m = /DAD-RESULT:([A-Za-z0-9+/=]*) /.exec(stdout);
  return m ? Buffer.from(m[1] ?? '', 'base64').toString('utf8') : null;
}

/** Turns the launcher's stdout and the result it printed into the typed outcome. */
export function interpretLaunch(stdout: string, resultText: string | null = resultFromStdout(stdout)): RunnerOutcome {
  const error = /DAD-ERROR:(-?\d+):([\s\S]*)/.exec(stdout);
  if (error) {
    const message = (error[2] ?? '').trim();
    if (Number(error[1]) === ERROR_CANCELLED || /canceled by the user|cancelled by the user/i.test(message)) {
      return { elevation: 'declined', result: null, message: 'administrator permission was not given' };
    }
    return { elevation: 'failed', result: null, message: `could not start the elevated fix: ${message.slice(0, 300)}` };
  }
  const exit = /DAD-EXIT:(-?\d+)/.exec(stdout);
  if (!exit) return { elevation: 'failed', result: null, message: `the launcher gave no outcome${stdout ? `: ${stdout.slice(0, 200)}` : ''}` };
  if (resultText === null) return { elevation: 'failed', result: null, message: `the elevated fix ended with exit code ${exit[1]} and wrote no result` };
  let value: unknown;
  try {
    value = JSON.parse(resultText.replace(/^\uFEFF/, ''));
  } catch {
    return { elevation: 'failed', result: null, message: 'the elevated fix wrote a result that is not JSON' };
  }
  const parsed = scriptResultSchema.safeParse(value);
  if (!parsed.success) return { elevation: 'failed', result: null, message: `the elevated fix wrote an invalid result: ${parsed.error.issues[0]?.message}` };
  return { elevation: 'granted', result: parsed.data };
}

/** Runs each fix as its own elevated powershell.exe. */
export class WindowsRunner implements FixRunner {
  constructor(private readonly opts: WindowsRunnerOptions = {}) {}

  run(kind: 'fix' | 'undo', input: unknown): Promise<RunnerOutcome> {
    const env = this.opts.env ?? process.env;
    const scriptPath = this.opts.scriptPath ?? win32.join(psDir(), 'fixes', 'Start-DadElevatedFix.ps1');
    const refused = userWritableReason(scriptPath, env);
    if (refused) return Promise.resolve({ elevation: 'failed', result: null, message: refused });
    const exe = powershellExecutable(env, 'win32');
    const resultId = (this.opts.makeResultId ?? (() => randomBytes(16).toString('hex')))();
    let encoded: string;
    try {
      encoded = encodeCommand(buildLauncherScript(scriptPath, toB64Json(input), resultId, kind));
    } catch (e) {
      return Promise.resolve({ elevation: 'failed', result: null, message: (e as Error).message });
    }
    if (encoded.length > MAX_COMMAND_LINE)
      return Promise.resolve({ elevation: 'failed', result: null, message: 'the fix input is too large for a command line' });
    const spawn = this.opts.spawn ?? nodeSpawn;
    const timeoutMs = this.opts.timeoutMs ?? 5 * 60_000;
    return new Promise<RunnerOutcome>((resolve) => {
      let stdout = '';
      let settled = false;
      const done = (o: RunnerOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(o);
      };
      const child = spawn(exe, ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded], {
        windowsHide: true,
        env: powershellEnv(env),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // The elevated process itself cannot be stopped from here (it runs as another token); the launcher can.
      const timer = setTimeout(() => {
        child.kill();
        done({ elevation: 'timedOut', result: null, message: `no result within ${Math.round(timeoutMs / 1000)} s` });
      }, timeoutMs);
      child.stdout?.on('data', (b: Buffer) => {
        stdout += b.toString('utf8');
      });
      child.on('error', (e) => done({ elevation: 'failed', result: null, message: `could not start PowerShell: ${e.message}` }));
      child.on('close', () => done(interpretLaunch(stdout)));
    });
  }
}
