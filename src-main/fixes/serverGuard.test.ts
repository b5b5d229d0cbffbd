// The main process's guard rails of the DirectAccess server fixes (knowledge D.5): refused before anything runs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildSnapshot, daServer, patch, type Mutator } from '../../test-support/snapshotBuilder';
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
