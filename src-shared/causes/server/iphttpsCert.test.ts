// The server's IP-HTTPS certificate judged on its own (knowledge C.2, C.5): server-iphttps-cert-invalid with its
// three defects and their unknowns, server-iphttps-cert-self-signed, and how both sit with server-iphttps-cert-expiring.
import { describe, expect, it } from 'vitest';
import { get, run } from '../../../test-support/assertions';
import { daServer, patch, type Mutator } from '../../../test-support/snapshotBuilder';
import { plainJargonIn } from '../../../test-support/textChecks';
import { TREE, walk } from '../../tree';
import type { CertInfo } from '../../snapshot';
import type { Diagnosis } from '../../finding';

const ids = (d: Diagnosis) => d.findings.map((f) => f.id);
const at = (d: Diagnosis) => walk(TREE, { diagnosis: d, answers: {}, fixResults: {} }).current.id;
/** Preauthentication on, OTP off: the path is not held at the preauthentication question (a late step is reached). */
const preauthOn: Mutator = patch('server', (d) => {
  d.bindings = d.bindings.map((b) => ({ ...b, defaultFlags: 3, dsMapper: true, negotiateClientCertificate: true }));
});
const cert = (fields: Partial<CertInfo>): Mutator =>
  patch('server', (d) => {
    if (d.certificate) Object.assign(d.certificate, fields);
  });
const noKeyRead: Mutator = patch('server', (d) => {
  if (d.certificate) delete d.certificate.hasPrivateKey;
});
/** No public name in the evidence: no ConnectToAddress, no ServerURL, no TLS probe of a server name. */
const noPublicName: Mutator = (s) => {
  s.sections.serverCertificate = { status: 'notApplicable', ms: 0 };
  patch('server', (d) => void (d.remoteAccess = d.remoteAccess && { ...d.remoteAccess, connectToAddress: null }))(s);
  patch('ipHttps', (d) => {
    if (d.configuration) d.configuration.serverUrl = null;
    d.profiles = (d.profiles ?? []).map((p) => ({ ...p, serverUrl: null }));
  })(s);
};
const clock = (utcNow: string): Mutator => patch('clock', (d) => (d.utcNow = utcNow));
const invalid = (d: Diagnosis) => get(d, 'server-iphttps-cert-invalid');

describe('server-iphttps-cert-invalid: each defect on its own', () => {
  it('no Server Authentication EKU: error, variant server-auth-eku, escalate, the EKUs as evidence', () => {
    const d = run(daServer, cert({ ekus: ['1.3.6.1.5.5.7.3.2'] }));
    const f = invalid(d);
    expect(f.severity).toBe('error');
    expect(f.variant).toBe('server-auth-eku');
    expect(f.escalate).toBe(true);
    expect(f.evidence).toEqual([expect.objectContaining({ probe: 'server', field: 'certificate.ekus', observed: ['1.3.6.1.5.5.7.3.2'] })]);
    expect(f.technical).toMatch(/0x800b0110/);
    expect(f.adminAction).toMatch(/Set-RemoteAccess -SslCertificate/);
    expect(d.status).toBe('problems');
    expect(at(d)).toBe('escalate-server-cert-invalid');
  });
  it('an empty EKU list (any purpose), Server Authentication among others, or anyExtendedKeyUsage: no defect', () => {
    expect(ids(run(daServer, preauthOn, cert({ ekus: [] })))).toEqual([]);
    expect(ids(run(daServer, preauthOn, cert({ ekus: ['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.1'] })))).toEqual([]);
    expect(ids(run(daServer, preauthOn, cert({ ekus: ['2.5.29.37.0'] })))).toEqual([]);
  });
  it('anyExtendedKeyUsage without Server Authentication is said to be unknown when another defect is reported', () => {
    const f = invalid(run(daServer, cert({ ekus: ['2.5.29.37.0'], hasPrivateKey: false })));
    expect(f.variant).toBe('private-key');
    expect(f.technical).toMatch(/Not known: .*anyExtendedKeyUsage/);
  });
  it('no private key on the server: variant private-key, hasPrivateKey as evidence', () => {
    const f = invalid(run(daServer, cert({ hasPrivateKey: false })));
    expect(f.variant).toBe('private-key');
    expect(f.evidence).toEqual([expect.objectContaining({ field: 'certificate.hasPrivateKey', observed: false, expected: true })]);
    expect(f.commands).toContain('certutil -verifystore My 9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D');
  });
  it('the private key not read is said to be unknown when another defect is reported', () => {
    expect(invalid(run(daServer, noKeyRead, cert({ ekus: ['1.3.6.1.5.5.7.3.2'] }))).technical).toMatch(
      /Not known: whether its private key is on this server was not read/,
    );
  });
  it('the private key not read is unknown: no finding, and the server is not called working', () => {
    const d = run(daServer, preauthOn, noKeyRead);
    expect(ids(d)).toEqual([]);
    expect(d.status).toBe('unknown');
    expect(at(d)).toBe('server-not-checked');
    expect(run(daServer, preauthOn).status).toBe('healthy');
  });
  it('the public name not among its names: variant name-mismatch, the names and the name as evidence', () => {
    const f = invalid(run(daServer, cert({ subject: 'CN=vpn.contoso.com', dnsNames: ['vpn.contoso.com'] })));
    expect(f.variant).toBe('name-mismatch');
    expect(f.evidence).toEqual([expect.objectContaining({ field: 'certificate.dnsNames', observed: ['vpn.contoso.com'], expected: 'da.contoso.com' })]);
    expect(f.plain).toMatch(/does not carry da\.contoso\.com/);
  });
  it('names that cover it: a one-label wildcard, the CN without a SAN, another case of ConnectToAddress', () => {
    expect(ids(run(daServer, preauthOn, cert({ dnsNames: ['*.contoso.com'] })))).toEqual([]);
    expect(ids(run(daServer, preauthOn, cert({ dnsNames: [], subject: 'CN=da.contoso.com' })))).toEqual([]);
    const upper = patch('server', (d) => void (d.remoteAccess = d.remoteAccess && { ...d.remoteAccess, connectToAddress: 'DA.Contoso.COM' }));
    expect(ids(run(daServer, preauthOn, upper))).toEqual([]);
    expect(ids(run(daServer, cert({ dnsNames: ['*.vpn.contoso.com'] })))).toContain('server-iphttps-cert-invalid');
  });
  it('the public name from the IP-HTTPS ServerURL when Get-RemoteAccess names none', () => {
    const noConnectTo = patch('server', (d) => void (d.remoteAccess = d.remoteAccess && { ...d.remoteAccess, connectToAddress: null }));
    expect(invalid(run(daServer, noConnectTo, cert({ dnsNames: ['vpn.contoso.com'] }))).variant).toBe('name-mismatch');
  });
  it('no public name known: the name check is not made, and the technical text says so', () => {
    expect(ids(run(daServer, preauthOn, noPublicName, cert({ dnsNames: ['vpn.contoso.com'] })))).toEqual([]);
    const f = invalid(run(daServer, noPublicName, cert({ dnsNames: ['vpn.contoso.com'], hasPrivateKey: false })));
    expect(f.evidence.map((e) => e.field)).toEqual(['certificate.hasPrivateKey']);
    expect(f.technical).toMatch(/the name check is not made: no public name is known/);
  });
});

describe('server-iphttps-cert-invalid: several defects, one finding', () => {
  it('names every defect; the variant is the first of EKU, private key, name', () => {
    const all = cert({ ekus: ['1.3.6.1.5.5.7.3.2'], hasPrivateKey: false, dnsNames: ['vpn.contoso.com'] });
    const d = run(daServer, all);
    expect(d.findings.filter((f) => f.id === 'server-iphttps-cert-invalid')).toHaveLength(1);
    const f = invalid(d);
    expect(f.variant).toBe('server-auth-eku');
    expect(f.evidence.map((e) => e.field)).toEqual(['certificate.ekus', 'certificate.hasPrivateKey', 'certificate.dnsNames']);
    expect(f.plain).toMatch(/not made for identifying a server; .*private key.*; and it does not carry da\.contoso\.com/);
    expect(invalid(run(daServer, cert({ hasPrivateKey: false, dnsNames: ['vpn.contoso.com'] }))).variant).toBe('private-key');
  });
  it('the plain words carry no codes, OIDs as codes, paths or cmdlets', () => {
    const f = invalid(run(daServer, cert({ ekus: ['1.3.6.1.5.5.7.3.2'], hasPrivateKey: false, dnsNames: ['vpn.contoso.com'] })));
    expect(plainJargonIn(f.plain)).toEqual([]);
    expect(f.plain).not.toMatch(/1\.3\.6|EKU|HasPrivateKey/);
  });
  it('load-balanced or multisite: the certificate is bound on every server', () => {
    const lb = patch('server', (d) => void (d.remoteAccess = d.remoteAccess && { ...d.remoteAccess, loadBalancing: 'Enabled' }));
    expect(invalid(run(daServer, lb, cert({ hasPrivateKey: false }))).adminAction).toMatch(/on every DirectAccess server/);
    expect(invalid(run(daServer, cert({ hasPrivateKey: false }))).adminAction).not.toMatch(/on every DirectAccess server/);
  });
});

describe('server-iphttps-cert-self-signed', () => {
  it('self-signed: a warning, working (healthy), escalated with what to do; the path ends at its escalation', () => {
    const d = run(daServer, preauthOn, cert({ issuer: 'CN=da.contoso.com', selfSigned: true }));
    const f = get(d, 'server-iphttps-cert-self-signed');
    expect(f.severity).toBe('warning');
    expect(f.escalate).toBe(true);
    expect(f.evidence).toEqual([expect.objectContaining({ field: 'certificate.selfSigned', observed: true, expected: false })]);
    expect(f.adminAction).toMatch(/from a CA the clients trust/);
    expect(f.technical).toMatch(/null cipher suites are disabled/);
    expect(f.technical).toMatch(/no renewal procedure/);
    expect(f.plain).toMatch(/given this exact certificate in advance/);
    expect(f.plain).toMatch(/slower/);
    expect(f.plain).toMatch(/no supported way to renew it/);
    expect(plainJargonIn(f.plain)).toEqual([]);
    expect(d.status).toBe('healthy');
    expect(at(d)).toBe('escalate-server-cert-self-signed');
  });
  it('not self-signed: no finding', () => {
    expect(ids(run(daServer, preauthOn))).not.toContain('server-iphttps-cert-self-signed');
  });
  it('a self-signed certificate with a defect: both findings; the error leads the path', () => {
    const d = run(daServer, preauthOn, cert({ issuer: 'CN=da.contoso.com', selfSigned: true, hasPrivateKey: false }));
    expect(ids(d)).toEqual(['server-iphttps-cert-invalid', 'server-iphttps-cert-self-signed']);
    expect(at(d)).toBe('escalate-server-cert-invalid');
  });
  it('self-signed and expiring soon: the expiry (the nearer break) is the path’s end, both are reported', () => {
    const d = run(daServer, preauthOn, clock('2027-05-20T00:00:00.000Z'), cert({ issuer: 'CN=da.contoso.com', selfSigned: true }));
    expect(ids(d)).toEqual(['server-iphttps-cert-expiring', 'server-iphttps-cert-self-signed']);
    expect(at(d)).toBe('working-advice-cert');
  });
});

describe('server-iphttps-cert-expiring keeps to the date', () => {
  it('an expired certificate with defects: both errors; its evidence is the date only, the defects mentioned once', () => {
    const bad = cert({ ekus: ['1.3.6.1.5.5.7.3.2'], hasPrivateKey: false, dnsNames: ['vpn.contoso.com'], selfSigned: true });
    const d = run(daServer, preauthOn, clock('2027-06-10T00:00:00.000Z'), bad);
    expect(ids(d)).toEqual(['server-iphttps-cert-invalid', 'server-iphttps-cert-expiring', 'server-iphttps-cert-self-signed']);
    const e = get(d, 'server-iphttps-cert-expiring');
    expect(e.evidence.map((x) => x.field)).toEqual(['certificate.notAfter']);
    expect(e.technical).toMatch(
      /Also \(reported on their own\): .*lack Server Authentication.*private key is not on this server.*do not cover da\.contoso\.com.*self-signed/,
    );
    expect(at(d)).toBe('escalate-server-cert-invalid');
  });
  it('a sound certificate expiring: no mention of other defects', () => {
    expect(get(run(daServer, preauthOn, clock('2027-05-20T00:00:00.000Z')), 'server-iphttps-cert-expiring').technical).not.toMatch(/Also/);
  });
});
