// The PowerShell session against real pwsh: timeouts restart it, a dead process is reported and replaced,
// output is passed through byte for byte (hostile strings included), and a broken bootstrap fails loudly.
import { afterEach, describe, expect, it } from 'vitest';
import { PsSession, READY_MARK } from './psSession';
import { PsHost } from './psHost';
import { psLiteral, toB64Json } from './psLiteral';

const sessions: PsSession[] = [];
function session(bootstrap = `'${READY_MARK}'`): PsSession {
  const s = new PsSession({ bootstrap: () => bootstrap });
  sessions.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.dispose()));
});

describe('PsSession', () => {
  it("runs a PowerShell that logs only warnings to syslog on Linux (setup), and leaves Windows' settings alone", async () => {
    // On Linux every command's start and end would go to syslog, a cost Windows (ETW, nobody listening) does not have.
    const out = await session().call(
      "$f = [IO.Path]::Combine($PSHOME, 'powershell.config.json'); if ([IO.File]::Exists($f)) { [IO.File]::ReadAllText($f) } else { '{}' }",
      10_000,
    );
    const settings = out.kind === 'ok' ? (JSON.parse(out.stdout) as { LogLevel?: string }) : null;
    expect(settings?.LogLevel).toBe(process.platform === 'win32' ? undefined : 'Warning');
  });

  it('runs one line and returns its output', async () => {
    const s = session();
    const out = await s.call('1 + 2', 10_000);
    expect(out).toEqual({ kind: 'ok', stdout: '3', stderr: '' });
  });

  it('times out a hung call, restarts, and the next call gets only its own output', async () => {
    const s = session();
    await s.call("'warm'", 10_000);
    const hung = await s.call("Start-Sleep -Seconds 60; 'late output'", 1_500);
    expect(hung.kind).toBe('timedOut');
    const next = await s.call("'fresh'", 10_000);
    expect(next).toMatchObject({ kind: 'ok', stdout: 'fresh' });
    expect(s.starts).toBe(2);
  });

  it('cancels a hung call at once when its signal fires, restarts, and the next call gets only its own output', async () => {
    const s = session();
    await s.call("'warm'", 10_000);
    const run = new AbortController();
    setTimeout(() => run.abort(), 500);
    const started = performance.now();
    const hung = await s.call("Start-Sleep -Seconds 60; 'late output'", 30_000, run.signal);
    expect(hung.kind).toBe('cancelled');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await s.call("'fresh'", 10_000)).toMatchObject({ kind: 'ok', stdout: 'fresh' });
    expect(s.starts).toBe(2);
  });

  it('reports a process that dies, then starts a new one', async () => {
    const s = session();
    const died = await s.call('[Environment]::Exit(3)', 10_000);
    expect(died.kind).toBe('died');
    const next = await s.call("'alive'", 10_000);
    expect(next).toMatchObject({ kind: 'ok', stdout: 'alive' });
    expect(s.starts).toBe(2);
  });

  it('keeps stderr apart from stdout', async () => {
    const s = session();
    const out = await s.call("[Console]::Error.WriteLine('warned'); 'value'", 10_000);
    expect(out).toMatchObject({ kind: 'ok', stdout: 'value' });
    expect(out.kind === 'ok' && out.stderr).toContain('warned');
  });

  it('refuses multi-line input instead of letting PowerShell wait for the rest', async () => {
    await expect(session().call("'a'\n'b'", 1_000)).rejects.toThrow(/one line/);
  });

  it('fails to start with the reason when the bootstrap breaks', async () => {
    const s = session("Import-Module '/nonexistent/Nope.psm1'; 'DAD-READY'");
    await expect(s.start()).rejects.toThrow(/did not start/);
  });

  it('passes hostile strings through as data, never as code', async () => {
    const s = session();
    const hostile = 'a\'b\u2018c\u2019d $(Write-Output pwned) `n ; & | " \u201A\u201B end';
    const out = await s.call(`Write-Output ${psLiteral(hostile)}`, 10_000);
    expect(out).toMatchObject({ kind: 'ok', stdout: hostile });
    const viaB64 = await s.call(`[Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${toB64Json({ v: hostile })}'))`, 10_000);
    expect(viaB64.kind === 'ok' && JSON.parse(viaB64.stdout)).toEqual({ v: hostile });
  });
});

describe('PsHost.callJson', () => {
  it('calls only our own functions', async () => {
    const host = new PsHost('simulated');
    await expect(host.callJson('Remove-Item', {}, 1_000)).rejects.toThrow(/not one of our functions/);
    await host.dispose();
  });
});
