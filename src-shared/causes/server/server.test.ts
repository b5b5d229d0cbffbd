import { describe, expect, it } from 'vitest';
import { get, run } from '../../../test-support/assertions';
import { daServer, failed, patch, type Mutator } from '../../../test-support/snapshotBuilder';
import { TREE, walk } from '../../tree';
import type { Diagnosis } from '../../finding';

const ids = (d: Diagnosis) => d.findings.map((f) => f.id);
const at = (d: Diagnosis, answers: Record<string, string> = {}) => walk(TREE, { diagnosis: d, answers, fixResults: {} }).current.id;
const flags = (defaultFlags: number): Mutator =>
  patch('server', (d) => {
    d.bindings = d.bindings.map((b) => ({ ...b, defaultFlags, dsMapper: (defaultFlags & 1) !== 0, negotiateClientCertificate: (defaultFlags & 2) !== 0 }));
  });
const otp = (otpStatus: string | null): Mutator => patch('server', (d) => (d.otpStatus = otpStatus));
const clock = (utcNow: string): Mutator => patch('clock', (d) => (d.utcNow = utcNow));
const isatapIf = (forwarding: string, advertising: string, publish: string): Mutator =>
  patch('server', (d) => {
    d.isatap = {
      interfaces: [{ alias: 'isatap.{6C3E1B2A-0000-4000-8000-000000000002}', index: 14, forwarding, advertising }],
      routes: [{ destinationPrefix: 'fd00:1234:5678:1::/64', index: 14, publish }],
    };
  });

describe('the DirectAccess server: a healthy one', () => {
  it('with preauthentication on and OTP off nothing is found and the path ends working', () => {
    const d = run(daServer, flags(3));
    expect(d.role).toBe('server');
    expect(d.findings).toEqual([]);
    expect(d.status).toBe('healthy');
    expect(at(d)).toBe('working');
  });
  it('a failed server probe is never called working: unknown, "not fully checked"', () => {
    const d = run(daServer, failed('server'));
    expect(d.status).toBe('unknown');
    expect(at(d)).toBe('server-not-checked');
  });
});

describe('server-preauth-otp-conflict', () => {
  it('client-certificate negotiation on while OTP is Enabled: error, disable-iphttps-preauth, evidence named', () => {
    const f = get(run(daServer, flags(3), otp('Enabled')), 'server-preauth-otp-conflict');
    expect(f.severity).toBe('error');
    expect(f.fixes).toEqual(['disable-iphttps-preauth']);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'server', field: 'bindings[0.0.0.0:443].negotiateClientCertificate', observed: true }));
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'server', field: 'otpStatus', observed: 'Enabled' }));
    expect(at(run(daServer, flags(3), otp('Enabled')))).toBe('fix-disable-preauth');
  });
  it('not given with OTP off or unknown, or with negotiation off', () => {
    expect(ids(run(daServer, flags(3), otp('Disabled')))).not.toContain('server-preauth-otp-conflict');
    expect(ids(run(daServer, flags(3), otp(null)))).not.toContain('server-preauth-otp-conflict');
    expect(ids(run(daServer, flags(1), otp('Enabled')))).not.toContain('server-preauth-otp-conflict');
  });
});

describe('server-preauth-disabled', () => {
  it('negotiation off, OTP off: info, the fix offered, the side effects said before the question is answered', () => {
    const d = run(daServer);
    const f = get(d, 'server-preauth-disabled');
    expect(f.severity).toBe('info');
    expect(f.fixes).toEqual(['enable-iphttps-preauth']);
    expect(d.status).toBe('healthy');
    expect(at(d)).toBe('server-preauth-question');
    const q = TREE.nodes['server-preauth-question'];
    expect(q?.plain).toMatch(/without a computer certificate whose name matches its computer account is cut off/);
    expect(q?.plain).toMatch(/encryption-free mode newer Windows versions use is switched off/);
    expect(q?.plain).toMatch(/Microsoft does not formally support/);
    expect(q?.plain).toMatch(/each of them/);
    expect(at(d, { enablePreauth: 'no' })).toBe('working');
    expect(at(d, { enablePreauth: 'yes' })).toBe('fix-enable-preauth');
  });
  it('with OTP in use preauthentication must stay off: no finding; with OTP unknown: info without the fix, no question', () => {
    expect(ids(run(daServer, otp('Enabled')))).not.toContain('server-preauth-disabled');
    const d = run(daServer, otp(null));
    const f = get(d, 'server-preauth-disabled');
    expect(f.fixes).toEqual([]);
    expect(f.technical).toMatch(/not known/);
    expect(at(d)).toBe('working');
  });
  it('answering no, or OTP not known, goes on with the server checks: a certificate about to expire is still said', () => {
    const soon = clock('2027-05-20T00:00:00.000Z');
    const d = run(daServer, soon);
    expect(at(d)).toBe('server-preauth-question');
    expect(at(d, { enablePreauth: 'no' })).toBe('working-advice-cert');
    expect(at(run(daServer, soon, otp(null)))).toBe('working-advice-cert');
  });
  it('names every node of a load-balanced or multisite deployment', () => {
    const lb = patch('server', (d) => void (d.remoteAccess = d.remoteAccess && { ...d.remoteAccess, loadBalancing: 'Enabled' }));
    expect(get(run(daServer, lb), 'server-preauth-disabled').plain).toMatch(/each of them/);
    const ms = patch('server', (d) => void (d.remoteAccess = d.remoteAccess && { ...d.remoteAccess, entrypointName: 'Site-West' }));
    expect(get(run(daServer, ms), 'server-preauth-disabled').plain).toMatch(/each of them/);
    expect(get(run(daServer), 'server-preauth-disabled').plain).not.toMatch(/each of them/);
  });
  it('no binding of the DirectAccess application, or flags unreadable: no finding', () => {
    const noFlags = patch('server', (d) => (d.bindings = d.bindings.map((b) => ({ ...b, defaultFlags: null, negotiateClientCertificate: null }))));
    expect(ids(run(daServer, noFlags))).not.toContain('server-preauth-disabled');
  });
});

describe('server-iphttps-cert-expiring', () => {
  it('expired by the server clock: error, escalate', () => {
    const d = run(daServer, flags(3), clock('2027-06-10T00:00:00.000Z'));
    const f = get(d, 'server-iphttps-cert-expiring');
    expect(f.severity).toBe('error');
    expect(f.escalate).toBe(true);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'server', field: 'certificate.notAfter', observed: '2027-06-01T00:00:00.000Z' }));
    expect(at(d)).toBe('escalate-server-cert');
  });
  it('within 30 days: warning, working with advice; 31 days: nothing', () => {
    const d = run(daServer, flags(3), clock('2027-05-20T00:00:00.000Z'));
    expect(get(d, 'server-iphttps-cert-expiring').severity).toBe('warning');
    expect(get(d, 'server-iphttps-cert-expiring').plain).toMatch(/in 12 days/);
    expect(at(d)).toBe('working-advice-cert');
    expect(ids(run(daServer, flags(3), clock('2027-05-01T00:00:00.000Z')))).not.toContain('server-iphttps-cert-expiring');
  });
  it('mentions the other certificate defects, which are findings of their own (iphttpsCert.test.ts)', () => {
    const bad = patch('server', (d) => {
      if (d.certificate)
        Object.assign(d.certificate, {
          ekus: ['1.3.6.1.5.5.7.3.2'],
          hasPrivateKey: false,
          dnsNames: ['vpn.contoso.com'],
          subject: 'CN=vpn.contoso.com',
          selfSigned: true,
        });
    });
    const d = run(daServer, clock('2027-05-20T00:00:00.000Z'), bad);
    const f = get(d, 'server-iphttps-cert-expiring');
    expect(f.technical).toMatch(/do not cover da\.contoso\.com/);
    for (const field of ['certificate.ekus', 'certificate.hasPrivateKey', 'certificate.dnsNames'])
      expect(get(d, 'server-iphttps-cert-invalid').evidence.map((e) => e.field)).toContain(field);
    expect(get(d, 'server-iphttps-cert-self-signed').evidence.map((e) => e.field)).toEqual(['certificate.selfSigned']);
  });
});

describe('server-isatap-router-not-advertising', () => {
  it('ISATAP interface not forwarding / advertising, or the prefix not published: error, reset-isatap-router', () => {
    for (const m of [isatapIf('Disabled', 'Enabled', 'Yes'), isatapIf('Enabled', 'Disabled', 'Yes'), isatapIf('Enabled', 'Enabled', 'No')]) {
      const d = run(daServer, flags(3), m);
      const f = get(d, 'server-isatap-router-not-advertising');
      expect(f.fixes).toEqual(['reset-isatap-router']);
      expect(f.adminAction).toMatch(/New-NetRoute -AddressFamily IPv6 -DestinationPrefix fd00:1234:5678:1::\/64 -InterfaceIndex 14 -Publish Yes/);
      expect(at(d)).toBe('fix-reset-isatap-router');
    }
    const noRoute = patch('server', (d) => d.isatap && (d.isatap.routes = []));
    expect(ids(run(daServer, noRoute))).toContain('server-isatap-router-not-advertising');
  });
  it('not given when the server is no ISATAP router: no ISATAP interface, native IPv6 inside, or the prefix unknown', () => {
    expect(
      ids(
        run(
          daServer,
          patch('server', (d) => d.isatap && (d.isatap.interfaces = [])),
        ),
      ),
    ).not.toContain('server-isatap-router-not-advertising');
    const native = patch('server', (d) => {
      d.isatap = {
        interfaces: [{ alias: 'isatap.{6C3E1B2A-0000-4000-8000-000000000002}', index: 14, forwarding: 'Disabled', advertising: 'Disabled' }],
        routes: [{ destinationPrefix: 'fd00:1234:5678:1::/64', index: 4, publish: 'No' }],
      };
    });
    expect(ids(run(daServer, native))).not.toContain('server-isatap-router-not-advertising');
    const noPrefix = patch('server', (d) => void (d.remoteAccess = null));
    expect(ids(run(daServer, isatapIf('Disabled', 'Disabled', 'No'), noPrefix))).not.toContain('server-isatap-router-not-advertising');
  });
});

describe('server rules never run on a client or a manage-out host', () => {
  it('a client with a broken server section copied in is still diagnosed as a client, without server findings', () => {
    const d = run(clock('2027-06-10T00:00:00.000Z'));
    expect(d.role).toBe('client');
    expect(ids(d).filter((id) => id.startsWith('server-'))).toEqual([]);
  });
});
