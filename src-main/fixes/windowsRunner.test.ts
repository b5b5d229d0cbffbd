// The Windows elevation runner with child_process replaced: the command line it builds and each outcome mapping.
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildLauncherScript, interpretLaunch, userWritableReason, WindowsRunner } from './windowsRunner';

const env = {
  SystemRoot: 'C:\\Windows',
  USERPROFILE: 'C:\\Users\\ann',
  TEMP: 'C:\\Users\\ann\\AppData\\Local\\Temp',
  LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local',
};
const script = 'C:\\Program Files\\DirectAccess Doctor\\resources\\ps\\fixes\\Start-DadElevatedFix.ps1';

/** A fake spawn: records the call, prints `stdout` with `result` as the launcher prints it, then closes. */
function fakeSpawn(stdout: string, result: string | null, opts: { hang?: boolean } = {}) {
  const calls: Array<{ cmd: string; args: string[] }> = [];
  const spawn = ((cmd: string, args: string[]) => {
    calls.push({ cmd, args });
    const child = new EventEmitter() as EventEmitter & { stdout: PassThrough; stderr: PassThrough; kill: () => void };
    child.stdout = new PassThrough();
    child.stderr = new PassThrough();
    child.kill = () => undefined;
    if (!opts.hang) {
      setTimeout(() => {
        child.stdout.end((result !== null ? `DAD-RESULT:${Buffer.from(result).toString('base64')} ` : '') + stdout);
        setTimeout(() => child.emit('close', 0), 5);
      }, 5);
    }
    return child;
  }) as never;
  return { spawn, calls };
}

function runner(stdout: string, result: string | null, opts: { hang?: boolean; scriptPath?: string } = {}) {
  const fake = fakeSpawn(stdout, result, opts);
  const r = new WindowsRunner({ env, scriptPath: opts.scriptPath ?? script, spawn: fake.spawn, makeResultId: () => resultId, timeoutMs: 200 });
  return { r, calls: fake.calls };
}

const resultId = '0123456789abcdef0123456789abcdef';
const okResult = JSON.stringify({ ok: true, fix: 'start-ip-helper', changed: ['started'], undoData: { startType: 'Manual' } });

describe('the command line', () => {
  it('runs powershell.exe by absolute path with -EncodedCommand only: no paths or data on the outer command line', async () => {
    const { r, calls } = runner('DAD-EXIT:0', okResult);
    await r.run('fix', { fix: 'start-ip-helper', params: { router: `'; $(New-Item x) "` } });
    expect(calls[0]?.cmd).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    const args = calls[0]?.args ?? [];
    expect(args.slice(0, -1)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(args.at(-1)).toMatch(/^[A-Za-z0-9+/=]+$/);
    const inner = Buffer.from(args.at(-1) ?? '', 'base64').toString('utf16le');
    expect(inner).toContain('Start-Process -FilePath');
    expect(inner).toContain('-Verb RunAs -Wait -PassThru');
    expect(inner).toContain(`-File "${script}"`);
    expect(inner).not.toContain('New-Item');
  });
  it("checks where the elevated script lives before asking for consent, and elevates the system directory's powershell.exe", () => {
    const s = buildLauncherScript(script, 'eA==', resultId, 'fix', '# the check');
    const check = s.indexOf(`Test-DadElevationSource -ScriptPath '${script}'`);
    const start = s.indexOf('Start-Process');
    expect(s.startsWith('# the check')).toBe(true);
    expect(check).toBeGreaterThan(0);
    expect(start).toBeGreaterThan(check);
    expect(s).toContain("if ($null -ne $why) { [Console]::Out.Write('DAD-ERROR:0:refused: ' + $why); return }");
    expect(s).toContain('Start-Process -FilePath (Get-DadSystemPowerShell) -Verb RunAs');
    // The real check is the install's own ElevationSource.ps1, embedded whole.
    expect(buildLauncherScript(script, 'eA==', resultId, 'fix')).toContain('function Test-DadElevationSource');
    expect(interpretLaunch('DAD-ERROR:0:refused: C:\\Program Files\\x can be changed by S-1-5-32-545')).toMatchObject({ elevation: 'failed', result: null });
  });
  it('quotes every path and passes the input as base64', () => {
    const s = buildLauncherScript(script, 'eyJhIjoxfQ==', resultId, 'undo');
    expect(s).toMatch(/-File "C:\\Program Files\\[^"]+\.ps1" -InputB64 eyJhIjoxfQ== -ResultId 0123456789abcdef0123456789abcdef -Kind undo/);
    expect(() => buildLauncherScript('C:\\a"b.ps1', 'eA==', resultId, 'fix')).toThrow(/quote/);
    expect(() => buildLauncherScript(script, "x' ; y", resultId, 'fix')).toThrow(/base64/);
  });
  it('never hands the elevated script a path: only a result id, read back from the administrators-only results folder', () => {
    // The launcher's own lines (the embedded check is tested by ElevationSource.Tests.ps1).
    const s = buildLauncherScript(script, 'eA==', resultId, 'fix', '');
    expect(s).not.toContain('-ResultPath');
    expect(s).toContain("GetFolderPath('CommonApplicationData'), 'DirectAccess Doctor', 'results', '0123456789abcdef0123456789abcdef', 'result.json'");
    expect(s).not.toMatch(/ProgramData|\bTEMP\b|\btmp\b/i);
    for (const bad of ['..\\..\\x', 'C:\\Users\\ann\\AppData\\Local\\Temp\\r', '0123456789ABCDEF0123456789ABCDEF', ''])
      expect(() => buildLauncherScript(script, 'eA==', bad, 'fix')).toThrow(/result id/);
  });
  it('refuses to elevate a script from a user-writable folder', async () => {
    expect(userWritableReason('C:\\Users\\ann\\AppData\\Local\\Temp\\x\\Start-DadElevatedFix.ps1', env)).toMatch(/folder you can write/);
    expect(userWritableReason('C:\\Users\\ann\\src\\assets\\ps\\fixes\\Start-DadElevatedFix.ps1', env)).toMatch(/can write/);
    expect(userWritableReason('relative\\x.ps1', env)).toMatch(/absolute/);
    expect(userWritableReason(script, env)).toBeNull();
    const { r, calls } = runner('DAD-EXIT:0', okResult, { scriptPath: 'C:\\Users\\ann\\Downloads\\Start-DadElevatedFix.ps1' });
    expect(await r.run('fix', {})).toMatchObject({ elevation: 'failed', result: null });
    expect(calls).toHaveLength(0);
  });
});

describe('outcomes', () => {
  it('granted with the result file', async () => {
    const { r } = runner('DAD-EXIT:0', okResult);
    expect(await r.run('fix', {})).toMatchObject({ elevation: 'granted', result: { ok: true, undoData: { startType: 'Manual' } } });
  });
  it('UAC declined (1223 or the message) → declined', () => {
    expect(interpretLaunch('DAD-ERROR:1223:This command cannot be run due to the error: The operation was canceled by the user.', null).elevation).toBe(
      'declined',
    );
    expect(interpretLaunch('DAD-ERROR:0:The operation was canceled by the user.', null).elevation).toBe('declined');
  });
  it('no result within the timeout → timedOut', async () => {
    const { r } = runner('', null, { hang: true });
    expect(await r.run('fix', {})).toMatchObject({ elevation: 'timedOut' });
  });
  it('non-zero exit without a result, an invalid result, or another start error → failed', () => {
    expect(interpretLaunch('DAD-EXIT:1', null)).toMatchObject({ elevation: 'failed' });
    expect(interpretLaunch('DAD-EXIT:0', 'not json')).toMatchObject({ elevation: 'failed' });
    expect(interpretLaunch('DAD-EXIT:0', '{"ok":"yes"}')).toMatchObject({ elevation: 'failed' });
    expect(interpretLaunch('DAD-ERROR:2:file not found', null)).toMatchObject({ elevation: 'failed' });
    expect(interpretLaunch('', null)).toMatchObject({ elevation: 'failed' });
  });
  it('a fix that failed inside the elevated process is granted with ok:false', () => {
    const r = interpretLaunch('DAD-EXIT:1', JSON.stringify({ ok: false, fix: 'x', changed: [], undoData: null, error: 'boom' }));
    expect(r).toMatchObject({ elevation: 'granted', result: { ok: false, error: 'boom' } });
  });
});
