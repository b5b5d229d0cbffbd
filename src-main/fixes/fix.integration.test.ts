// Fixes end to end on the simulated host with real pwsh: the CLI verb for every scenario that lists a fix, the trust
// rules with real certificate files, and hostile input refused with nothing executed (a canary file that a
// successful injection would create, and the simulated machine's state before and after).
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../paths';
import { listScenarios, scenarioExpect } from '../scenarios';
import { Doctor } from '../services/doctor';
import { createFixExecutor } from './forDoctor';
import { buildCli, runCli } from '../testing/runCli';
import { resultReasonText } from '../../src-shared/reasonWords';

const root = appRoot();
const dataDir = mkdtempSync(join(tmpdir(), 'dad-fix-it-'));
const certs = join(root, 'assets', 'scenarios', 'certs');

async function daDoctor(args: string[]): Promise<{ code: number; json: Record<string, unknown> | null; stderr: string }> {
  const { code, stdout, stderr } = await runCli(args, { DAD_DATA_DIR: dataDir });
  return { code, json: stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : null, stderr };
}

beforeAll(async () => {
  await buildCli();
});

/** Every fix a scenario file says verifies on its machine (expect.verified), with the organisation's defaults. */
const verified = listScenarios().flatMap((name) => (scenarioExpect(name).verified ?? []).map((fix) => [name, fix] as const));

describe.each(verified)('fix on %s', (name, fix) => {
  it(`${fix} is applied and verified (exit 0)`, async () => {
    const r = await daDoctor(['fix', fix, '--scenario', name, '--yes', '--json']);
    expect(r.json, r.stderr).toMatchObject({ fix, outcome: 'applied', verified: true, elevation: 'simulated' });
    expect(typeof r.json?.reason).toBe('string');
    expect(r.code).toBe(0);
  });
});

/** Every fix a scenario file says is applied but does not verify there (expect.notVerified). */
const notVerified = listScenarios().flatMap((name) => (scenarioExpect(name).notVerified ?? []).map((fix) => [name, fix] as const));

describe.each(notVerified)('fix on %s', (name, fix) => {
  it(`${fix} is applied but not verified (exit 1)`, async () => {
    const r = await daDoctor(['fix', fix, '--scenario', name, '--yes', '--json']);
    expect(r.json, r.stderr).toMatchObject({ fix, outcome: 'applied', verified: false });
    expect(r.code).toBe(1);
  });
});

describe('fixes that do not verify or are refused', () => {
  it('revocation-offline: clear-crl-cache is applied, not verified (exit 1), and the reason names the CDP URL', async () => {
    const r = await daDoctor(['fix', 'clear-crl-cache', '--scenario', 'revocation-offline', '--yes', '--json']);
    expect(r.json).toMatchObject({ outcome: 'applied', verified: false });
    expect(String(r.json?.reason)).toMatch(/http:\/\/pki\.contoso\.com\/crl\//);
    expect(r.code).toBe(1);
  });

  it('untrusted-root-no-pin: the picked file that matches the chain root is imported and verified', async () => {
    const r = await daDoctor([
      'fix',
      'import-root-ca',
      '--param',
      `file=${join(certs, 'contoso-root-ca.cer')}`,
      '--scenario',
      'untrusted-root-no-pin',
      '--yes',
      '--json',
    ]);
    expect(r.json).toMatchObject({ outcome: 'applied', verified: true });
    expect(r.code).toBe(0);
  });

  it.each(['fabrikam-root-ca.cer', 'contoso-root-ca-2016.cer', 'contoso-issuing-ca.cer'])(
    'untrusted-root-no-pin: %s matches no chain root → refused (exit 2)',
    async (file) => {
      const r = await daDoctor(['fix', 'import-root-ca', '--param', `file=${join(certs, file)}`, '--scenario', 'untrusted-root-no-pin', '--yes', '--json']);
      expect(r.json).toMatchObject({ outcome: 'refused', verified: false });
      expect(String(r.json?.reason)).toMatch(/Matches no chain/);
      expect(r.code).toBe(2);
    },
  );

  it.each([
    ['file', 'guest-wifi-inspection-ca.cer'],
    ['default', null],
  ] as const)('tls-intercepted: import-root-ca (%s) is refused as intercepted (exit 2), nothing imported', async (_how, file) => {
    const params = file ? ['--param', `file=${join(certs, file)}`] : [];
    const r = await daDoctor(['fix', 'import-root-ca', ...params, '--scenario', 'tls-intercepted', '--yes', '--json']);
    expect(r.json).toMatchObject({ outcome: 'refused', verified: false });
    expect(String(r.json?.reason)).toMatch(/Intercepted: .*Guest WiFi Inspection CA/);
    expect(r.code).toBe(2);
  });

  it('untrusted-root-no-pin without a file: refused, not pinned', async () => {
    const r = await daDoctor(['fix', 'import-root-ca', '--scenario', 'untrusted-root-no-pin', '--yes', '--json']);
    expect(r.json).toMatchObject({ outcome: 'refused' });
    expect(String(r.json?.reason)).toMatch(/Not pinned/);
    expect(r.code).toBe(2);
  });

  it('an unknown fix id is refused (exit 2)', async () => {
    const r = await daDoctor(['fix', 'format-c-drive', '--scenario', 'healthy', '--yes', '--json']);
    expect(r.json).toMatchObject({ fix: 'format-c-drive', outcome: 'refused' });
    expect(r.code).toBe(2);
  });

  it('without --yes and without a terminal the fix is cancelled and nothing runs (exit 2)', async () => {
    const r = await daDoctor(['fix', 'start-ip-helper', '--scenario', 'ip-helper-stopped', '--json']);
    expect(r.json).toMatchObject({ outcome: 'cancelled', verified: false });
    expect(r.code).toBe(2);
  });
});

describe('hostile input is refused and nothing executes', () => {
  const canaryDir = mkdtempSync(join(tmpdir(), 'dad-canary-'));
  const canary = join(canaryDir, 'canary');
  const payloads = [
    `$(New-Item ${canary})`,
    `'; New-Item ${canary}; '`,
    `"; New-Item ${canary}; "`,
    `\`$(New-Item ${canary})`,
    `x; New-Item ${canary}`,
    `\u2018; New-Item ${canary}; \u2019`,
    `\u201A; New-Item ${canary}; \u201B`,
    `isatap-da.corp.contoso.com\nNew-Item ${canary}`,
    `isatap-da.corp.contoso.com\n`,
    'a'.repeat(10 * 1024 * 1024),
  ];
  let doctor: Doctor;
  const stateOf = async () => {
    const out = await doctor.host.callJson('Get-DadSimState', {}, 30_000);
    expect(out.kind).toBe('ok');
    return JSON.stringify((out as { value: unknown }).value);
  };

  beforeAll(async () => {
    doctor = Doctor.simulated('isatap-blocked-name');
    await doctor.warmUp();
  });
  afterAll(async () => {
    await doctor.dispose();
  });

  it.each(payloads.map((p, i) => [i, p] as const))('router payload %i is refused by zod; state unchanged, no canary', async (_i, payload) => {
    const fixes = createFixExecutor(doctor, dataDir);
    fixes.noteSnapshot((await doctor.collect()).snapshot);
    const before = await stateOf();
    for (const id of ['set-isatap-router', 'enable-isatap']) {
      const r = await fixes.run(id, { router: payload });
      expect(r.outcome).toBe('refused');
      expect(resultReasonText(r.reason)).toMatch(/router/);
      expect(r.reason.code).toBe('refused.badParameter');
    }
    expect(await stateOf()).toBe(before);
    expect(existsSync(canary)).toBe(false);
  });

  it.each(payloads.slice(0, 9).map((p, i) => [i, p] as const))('file path payload %i is refused; state unchanged, no canary', async (_i, payload) => {
    await doctor.useScenario('untrusted-root-no-pin');
    const fixes = createFixExecutor(doctor, dataDir);
    fixes.noteSnapshot((await doctor.collect()).snapshot);
    const before = await stateOf();
    for (const file of [payload, `${payload}.cer`, join(canaryDir, `${payload}.cer`)]) {
      const r = await fixes.run('import-root-ca', { file });
      expect(r.outcome).toBe('refused');
    }
    expect(await stateOf()).toBe(before);
    expect(existsSync(canary)).toBe(false);
    await doctor.useScenario('isatap-blocked-name');
  });

  it('a file that is not a certificate, and one that matches no chain, are refused', async () => {
    await doctor.useScenario('untrusted-root-no-pin');
    const fixes = createFixExecutor(doctor, dataDir);
    fixes.noteSnapshot((await doctor.collect()).snapshot);
    const before = await stateOf();
    const notCert = join(canaryDir, 'not-a-cert.cer');
    writeFileSync(notCert, `-----BEGIN CERTIFICATE-----\n$(New-Item ${canary})\n-----END CERTIFICATE-----\n`);
    const a = await fixes.run('import-root-ca', { file: notCert });
    expect(a).toMatchObject({ outcome: 'refused' });
    expect(resultReasonText(a.reason)).toMatch(/Not a certificate/);
    expect(a.reason.code).toBe('refused.notACertificate');
    const b = await fixes.run('import-root-ca', { file: join(certs, 'fabrikam-root-ca.cer') });
    expect(resultReasonText(b.reason)).toMatch(/Matches no chain/);
    expect(b.reason.code).toBe('refused.matchesNoChain');
    expect(await stateOf()).toBe(before);
    expect(existsSync(canary)).toBe(false);
    await doctor.useScenario('isatap-blocked-name');
  });

  it('the second wall: Invoke-DadFix itself rejects a hostile router that bypassed zod', async () => {
    await doctor.useScenario('isatap-blocked-name');
    await doctor.collect();
    const fixes = createFixExecutor(doctor, dataDir);
    fixes.noteSnapshot((await doctor.collect()).snapshot);
    await fixes.run('set-isatap-router', { router: 'isatap-da.corp.contoso.com' }).then((r) => expect(r.outcome).toBe('applied'));
    await doctor.useScenario('isatap-blocked-name');
    const before = await stateOf();
    for (const router of payloads.slice(0, 9)) {
      for (const fix of ['set-isatap-router', 'enable-isatap']) {
        const out = await doctor.host.callJson('Invoke-DadFix', { fix, params: { router } }, 30_000);
        expect(out.kind).toBe('ok');
        expect((out as { value: { ok: boolean; changed: string[] } }).value).toMatchObject({ ok: false, changed: [] });
      }
    }
    const wrongThumb = await doctor.host.callJson(
      'Invoke-DadFix',
      { fix: 'import-root-ca', params: { certificate: 'AAAA', thumbprint: `$(New-Item ${canary})` } },
      30_000,
    );
    expect((wrongThumb as { value: { ok: boolean } }).value.ok).toBe(false);
    const unknown = await doctor.host.callJson('Invoke-DadFix', { fix: `$(New-Item ${canary})`, params: {} }, 30_000);
    expect((unknown as { value: { ok: boolean } }).value.ok).toBe(false);
    expect(await stateOf()).toBe(before);
    expect(existsSync(canary)).toBe(false);
  });
});

describe('audit and undo', () => {
  it('an applied fix is logged and can be undone once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dad-undo-'));
    mkdirSync(dir, { recursive: true });
    const doctor = Doctor.simulated('ip-helper-stopped');
    try {
      const fixes = createFixExecutor(doctor, dir);
      const r = await fixes.run('start-ip-helper', {});
      expect(r).toMatchObject({ outcome: 'applied', verified: true });
      const rec = fixes.audit.find(r.auditId!);
      expect(rec?.undoData).toEqual({ service: 'iphlpsvc', startType: 'Manual' });
      const u = await fixes.undo(r.auditId!);
      expect(u).toMatchObject({ outcome: 'applied' });
      expect(fixes.audit.find(r.auditId!)?.undoneBy).toBe(u.auditId);
      const again = await fixes.undo(r.auditId!);
      expect(again.outcome).toBe('refused');
      const state = await doctor.host.callJson('Get-DadSimState', {}, 30_000);
      expect(JSON.stringify((state as { value: unknown }).value)).toMatch(/"StartType":"Manual"/);
    } finally {
      await doctor.dispose();
    }
  });
});
