// Trust findings added with issue 8: TLS interception, and "working now, failing later" (contract §1, knowledge L, O).
import { describe, expect, it } from 'vitest';
import { TREE, walk } from '../tree';
import { errorIds, get, run } from '../../test-support/assertions';
import { diagnosis, finding, PINNED_ORG } from '../../test-support/treeFixtures';
import { NOW, ROOT_THUMB, cert, code, connection, data, onCorpnet, org, patch, rootMissing, type Mutator } from '../../test-support/snapshotBuilder';
import { formatDiagnosis } from '../../src-main/cli/format';
import { worksUntilReconnect } from '.';

const UNTRUSTED = 2148204809; // 0x800b0109
const GUEST_ROOT = '69CDE04BB07F6DF3BD3FBBC0DB04D62A8D388120';
const pinContoso = org({ organisation: 'Contoso', pinnedRoots: [{ subject: 'CN=Contoso Root CA', thumbprint: ROOT_THUMB }] });
const daysFromNow = (d: number) => new Date(Date.parse(NOW) + d * 86_400_000).toISOString();

/** The hotel network's inspection: da.contoso.com signed by the guest network's own root. */
const guestChain: Mutator = patch('serverCertificate', (d) => {
  d.chain = [
    cert({
      subject: 'CN=da.contoso.com',
      issuer: 'CN=Guest WiFi Inspection CA',
      thumbprint: '456CC0E79989EC5622EE3516ACECA4B5061EB689',
      dnsNames: ['da.contoso.com'],
    }),
    cert({ subject: 'CN=Guest WiFi Inspection CA', thumbprint: GUEST_ROOT, selfSigned: true }),
  ];
  d.chainStatus = ['UntrustedRoot'];
});
const failing: Mutator[] = [code(UNTRUSTED), connection('Error', 'CouldNotContactDirectAccessServer')];
const walkTo = (d: ReturnType<typeof run>, answers: Record<string, string> = {}, pinned = false) =>
  walk(TREE, { diagnosis: d, snapshot: { org: pinned ? PINNED_ORG : null }, answers, fixResults: {} }).current.id;

describe('iphttps-tls-intercepted', () => {
  it('a chain ending in a root neither trusted nor pinned while the organisation pins another: interception, never an import', () => {
    const d = run(...failing, guestChain, pinContoso);
    expect(errorIds(d)).toEqual(['iphttps-tls-intercepted']);
    const f = get(d, 'iphttps-tls-intercepted');
    expect(f.fixes).toEqual([]);
    expect(f.escalate).toBe(true);
    expect(f.plain).toMatch(/another network, for example your phone's hotspot/);
    expect(f.plain).not.toMatch(/CN=|0x|LocalMachine/);
    expect(f.technical).toContain(GUEST_ROOT);
    // It explains the untrusted root: no finding anywhere offers to import the interceptor's root.
    expect(d.findings.flatMap((x) => x.fixes)).not.toContain('import-root-ca');
    expect(d.findings.map((x) => x.id)).not.toContain('iphttps-untrusted-root');
  });

  it('guided: a question about another network, then escalate (or try the other network)', () => {
    const d = run(...failing, guestChain, pinContoso);
    expect(walkTo(d, {}, true)).toBe('other-network');
    expect(walkTo(d, { otherNetwork: 'no' }, true)).toBe('escalate-tls-intercepted');
    expect(walkTo(d, { otherNetwork: 'yes' }, true)).toBe('retry-other-network');
  });

  it('not without evidence: no pins (nothing says which root is right), or the pinned root itself missing', () => {
    expect(errorIds(run(...failing, guestChain))).toEqual(['iphttps-untrusted-root']);
    expect(errorIds(run(...failing, rootMissing, pinContoso))).toEqual(['iphttps-untrusted-root']);
    // A working connection is not intercepted.
    expect(run(guestChain, pinContoso).findings.map((f) => f.id)).not.toContain('iphttps-tls-intercepted');
  });
});

describe('working now, failing later', () => {
  it('the root removed while connected: iphttps-untrusted-root, warning, latent; the status is not healthy', () => {
    const d = run(rootMissing, pinContoso);
    expect(errorIds(d)).toEqual([]);
    const f = get(d, 'iphttps-untrusted-root');
    expect(f).toMatchObject({ severity: 'warning', variant: 'latent', fixes: ['import-root-ca'] });
    expect(f.plain).toMatch(/will stop at the next reconnect or restart/);
    expect(d.status).toBe('problems');
    expect(worksUntilReconnect(d)).toBe(true);
    expect(formatDiagnosis(d)).toMatch(/works now, but will stop at the next reconnect or restart/);
    expect(walkTo(d, {}, true)).toBe('fix-import-root-latent');
    expect(walkTo(d, {}, false)).toBe('escalate-untrusted-root-latent');
    // Without a pin: escalate, no import offered.
    expect(get(run(rootMissing), 'iphttps-untrusted-root')).toMatchObject({ severity: 'warning', variant: 'latent', fixes: [], escalate: true });
  });

  it('the server certificate expired while connected: iphttps-cert-expired, warning, latent', () => {
    const d = run(
      patch('serverCertificate', (s) => {
        s.chain[0]!.notAfter = daysFromNow(-2);
        s.chainStatus = ['NotTimeValid'];
      }),
    );
    expect(errorIds(d)).toEqual([]);
    expect(get(d, 'iphttps-cert-expired')).toMatchObject({ severity: 'warning', variant: 'latent', escalate: true });
    expect(get(d, 'iphttps-cert-expired').plain).toMatch(/next reconnect/);
    expect(walkTo(d)).toBe('escalate-cert-expired-latent');
  });

  it('the server certificate expires within 30 days: iphttps-cert-expiring (escalate: renew it); not at 40 days', () => {
    const soon = run(
      patch('serverCertificate', (s) => {
        s.chain[0]!.notAfter = daysFromNow(12);
      }),
    );
    expect(get(soon, 'iphttps-cert-expiring')).toMatchObject({ severity: 'warning', variant: 'latent', escalate: true, fixes: [] });
    expect(get(soon, 'iphttps-cert-expiring').plain).toMatch(/in 12 days/);
    expect(get(soon, 'iphttps-cert-expiring').plain).toMatch(/stop at the next reconnect or restart/);
    expect(get(soon, 'iphttps-cert-expiring').adminAction).toMatch(/Renew the IP-HTTPS certificate/);
    expect(walkTo(soon)).toBe('escalate-cert-expiring');
    const later = run(
      patch('serverCertificate', (s) => {
        s.chain[0]!.notAfter = daysFromNow(40);
      }),
    );
    expect(later.findings).toEqual([]);
    expect(later.status).toBe('healthy');
  });

  it('the computer certificate expires within 30 days: machine-cert-expiring; renew when inside, else escalate; none when a later one exists', () => {
    const expiring = patch('machineCertificates', (m) => {
      m.certificates[0]!.notAfter = daysFromNow(10);
    });
    const d = run(expiring);
    expect(get(d, 'machine-cert-expiring')).toMatchObject({ severity: 'warning', variant: 'latent', fixes: [], escalate: true });
    expect(get(d, 'machine-cert-expiring').plain).toMatch(/stop at the next reconnect or restart/);
    expect(walkTo(d)).toBe('escalate-machine-cert-expiring');
    const inside = run(expiring, connection('ConnectedLocally'), onCorpnet());
    expect(get(inside, 'machine-cert-expiring')).toMatchObject({ fixes: ['renew-machine-certificate'], escalate: false });
    // Windows says inside, but no domain controller answered (an NLS reachable from a hotel): the CA is not there.
    expect(get(run(expiring, connection('ConnectedLocally')), 'machine-cert-expiring')).toMatchObject({ fixes: [], escalate: true });
    const renewed = run(expiring, (s) => {
      const m = data(s, 'machineCertificates');
      m.certificates.push({ ...m.certificates[0]!, thumbprint: 'F'.repeat(40), notAfter: daysFromNow(365) });
    });
    expect(renewed.findings.map((f) => f.id)).not.toContain('machine-cert-expiring');
  });

  it('warnings come after the errors of the client chain: an open error ends the path first', () => {
    const latentRoot = finding('iphttps-untrusted-root', 'warning', 'latent');
    const w = (fs: ReturnType<typeof finding>[]) =>
      walk(TREE, { diagnosis: diagnosis('client', fs, 'problems'), snapshot: { org: PINNED_ORG }, answers: {}, fixResults: {} }).current.id;
    expect(w([latentRoot])).toBe('fix-import-root-latent');
    expect(w([latentRoot, finding('iphttps-name-mismatch')])).toBe('escalate-name-mismatch');
    expect(w([finding('machine-cert-expiring', 'warning', 'latent'), finding('iphttps-proxy')])).not.toBe('escalate-machine-cert-expiring');
    // A latent warning never enters the error path of its own cause.
    expect(w([latentRoot])).not.toBe('fix-import-root-pinned');
  });
});
