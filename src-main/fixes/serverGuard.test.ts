// The main process's guard rails of the DirectAccess server fixes (knowledge D.5): refused before anything runs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildSnapshot, daServer, patch, type Mutator } from '../../test-support/snapshotBuilder';
import { auditRecord } from '../../test-support/auditRecord';
import { FixExecutor } from './executor';
import type { FixRunner } from './runner';

function executor(...machine: Mutator[]) {
  const run = vi.fn<FixRunner['run']>(async () => ({
    elevation: 'simulated',
    result: { ok: true, fix: 'enable-iphttps-preauth', changed: [], undoData: null },
  }));
  const snap = buildSnapshot(...machine);
  const ex = new FixExecutor({
    runner: { run },
    dataDir: mkdtempSync(join(tmpdir(), 'dad-srv-')),
    org: () => null,
    collect: async () => snap,
    simulated: true,
  });
  ex.noteSnapshot(snap);
  return { ex, run };
}
const otp = (otpStatus: string | null): Mutator => patch('server', (d) => (d.otpStatus = otpStatus));

describe('server fixes: refused in the main process before anything runs', () => {
  it('enable-iphttps-preauth is refused while OTP is in use, and when OTP cannot be read', async () => {
    for (const [m, code] of [
      [otp('Enabled'), 'refused.otpInUse'],
      [otp(null), 'refused.otpUnknown'],
      [otp('SomethingNew'), 'refused.otpUnknown'],
    ] as const) {
      const { ex, run } = executor(daServer, m);
      const r = await ex.run('enable-iphttps-preauth', {});
      expect(r.outcome).toBe('refused');
      expect(r.reason.code).toBe(code);
      expect(run).not.toHaveBeenCalled();
    }
  });
  it('runs with OTP known off; disable-iphttps-preauth is not held back by OTP', async () => {
    const { ex, run } = executor(daServer, otp('Disabled'));
    await ex.run('enable-iphttps-preauth', {});
    expect(run).toHaveBeenCalledTimes(1);
    const other = executor(daServer, otp('Enabled'));
    await other.ex.run('disable-iphttps-preauth', {});
    expect(other.run).toHaveBeenCalledTimes(1);
  });
  it('a server fix on a client is refused', async () => {
    for (const id of ['enable-iphttps-preauth', 'disable-iphttps-preauth', 'reset-isatap-router']) {
      const { ex, run } = executor();
      const r = await ex.run(id, {});
      expect(r.reason.code).toBe('refused.notServer');
      expect(run).not.toHaveBeenCalled();
    }
  });
  it('hostile parameters (a thumbprint, a port, an application id) are refused: these fixes take none', async () => {
    const hostile: Record<string, string>[] = [{ thumbprint: 'ZZ' }, { port: '443; calc' }, { appid: '{5d8e2743-ef20-4d38-8751-7e400f200e65}' }];
    for (const p of hostile) {
      const { ex, run } = executor(daServer, otp('Disabled'));
      const r = await ex.run('enable-iphttps-preauth', p);
      expect(r.outcome).toBe('refused');
      expect(r.reason.code).toBe('refused.badParameter');
      expect(run).not.toHaveBeenCalled();
    }
  });
});

describe('server fixes: the saved binding from undo data is checked before an undo runs (hostile values)', () => {
  const good = {
    ipPort: '0.0.0.0:443',
    certHash: '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D',
    appId: '{5d8e2743-ef20-4d38-8751-7e400f200e65}',
    dsMapper: true,
    negotiate: false,
  };
  /** An applied enable-iphttps-preauth whose protected undo data is `undoData`. */
  function recorded(undoData: Record<string, unknown>) {
    const { ex, run } = executor(daServer, otp('Disabled'));
    ex.audit.append(auditRecord('fix-srv', { time: '2026-03-10T09:00:00.000Z', machine: 'DA-01', fix: 'enable-iphttps-preauth', undoData }));
    ex.undoStore.save('fix-srv', { fix: 'enable-iphttps-preauth', undoData });
    return { ex, run };
  }
  it.each([
    ['a hash of 39 hex digits', { certHash: 'A'.repeat(39) }],
    ['a hash with a second argument', { certHash: `${good.certHash} appid={x}` }],
    ['a port out of range', { ipPort: '0.0.0.0:99999' }],
    ['port 0', { ipPort: '0.0.0.0:0' }],
    ['another address', { ipPort: '10.0.0.5:443' }],
    ['an ipport with a second argument', { ipPort: '0.0.0.0:443 certhash=00' }],
    ['another application id', { appId: '{00112233-4455-6677-8899-aabbccddeeff}' }],
    ['the application id without braces', { appId: '5d8e2743-ef20-4d38-8751-7e400f200e65' }],
    ['an application id that closes a script block', { appId: '{5d8e2743-ef20-4d38-8751-7e400f200e65}; Remove-Item C:\\ }' }],
    ['an extra value', { extra: 'x' }],
  ])('refuses %s: nothing runs', async (_name, change) => {
    const { ex, run } = recorded({ ...good, ...change });
    const r = await ex.undo('fix-srv');
    expect(r.outcome).toBe('refused');
    expect(r.reason.code).toBe('refused.badUndoData');
    expect(run).not.toHaveBeenCalled();
  });
  it('accepts the saved binding itself (the same path runs for real values)', async () => {
    const { ex, run } = recorded(good);
    await ex.undo('fix-srv');
    expect(run).toHaveBeenCalledWith('undo', { fix: 'enable-iphttps-preauth', undoData: good, undoKey: 'fix-srv' });
  });
});
