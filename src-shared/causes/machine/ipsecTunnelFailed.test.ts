import { describe, expect, it } from 'vitest';
import { get, run } from '../../../test-support/assertions';
import { buildSnapshot, code, connection, DTES, failed, patch } from '../../../test-support/snapshotBuilder';
import { TREE, walk } from '../../tree';
import { ipsecTunnelsUp } from '../../fixes/verifyChecks';

const ID = 'ipsec-tunnel-failed';
const ids = (d: ReturnType<typeof run>) => d.findings.map((f) => f.id);
const at = (d: ReturnType<typeof run>) => walk(TREE, { diagnosis: d, answers: {}, fixResults: {} }).current.id;
const authFailure = connection('Error', 'RemoteNetworkAuthenticationFailure');
/** No SA to any DTE, the list readable (elevated probe, traffic sent first). */
const noSa = patch('ipsec', (d) => (d.mainModeSas.items = []));
const svc = (name: string, status: string, startType: string) => patch('services', (d) => (d[name] = { exists: true, status, startType }));
const fw = (key: 'private' | 'public' | 'domain') => patch('firewall', (d) => (d[key] = { enabled: false, local: true, policy: false }));
const noClientCert = patch('machineCertificates', (d) => (d.certificates = d.certificates.map((c) => ({ ...c, ekus: ['1.3.6.1.5.5.7.3.1'] }))));
const kerberos = patch('ipsec', (d) => d.authSets.items.forEach((s) => (s.methods = [{ method: 'MachineKerb', authority: null }])));

describe('ipsec-tunnel-failed', () => {
  it('IP-HTTPS up, Get-DAConnectionStatus Error, nothing on the client explains it: no variant, escalate with the SA and rule evidence', () => {
    const d = run(authFailure, noSa);
    const f = get(d, ID);
    expect(d.status).toBe('problems');
    expect(f.severity).toBe('error');
    expect(f.variant).toBeUndefined();
    expect(f.escalate).toBe(true);
    expect(f.fixes).toEqual([]);
    expect(f.evidence).toContainEqual(
      expect.objectContaining({ probe: 'daStatus', field: 'connection.substatus', observed: 'RemoteNetworkAuthenticationFailure' }),
    );
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'ipsec', field: 'mainModeSas.items', observed: [], expected: DTES }));
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'ipHttps', field: 'state.lastErrorCode', observed: '0x0' }));
    expect(f.technical).toMatch(/Ruled out on this computer/);
    expect(at(d)).toBe('escalate-ipsec-tunnel');
    expect(f.adminAction).toMatch(/DirectAccess server/);
    expect(f.plain).not.toMatch(/IPsec|SA\b|Get-|0x/);
  });

  it('says as ruled out only what was read: a firewall section not collected is named as not read', () => {
    const f = get(run(authFailure, noSa, failed('firewall', 'notApplicable')), ID);
    expect(f.technical).toMatch(/Not read: the firewall/);
    expect(f.technical).not.toMatch(/Ruled out on this computer: the firewall/);
    expect(f.adminAction).toMatch(/Not read: the firewall/);
  });

  it('no main-mode SA to a DTE is enough without an Error status — and then the machine is never healthy', () => {
    const d = run(noSa);
    expect(ids(d)).toContain(ID);
    expect(d.status).toBe('problems');
    // where the rule cannot speak (IP-HTTPS code 0 without "active"), a DTE without an SA still is not healthy
    expect(run(noSa, code(0, 'IPHTTPS interface deactivated')).status).toBe('unknown');
    const one = run(patch('ipsec', (x) => (x.mainModeSas.items = x.mainModeSas.items.slice(0, 1))));
    expect(get(one, ID).technical).toMatch(new RegExp(`No IPsec main-mode SA to ${DTES[1]}`));
  });

  it('an SA list that cannot be believed proves nothing: unreadable (unelevated, empty) or no traffic sent first', () => {
    const unreadable = patch('ipsec', (d) => (d.mainModeSas = { readable: false, error: 'not elevated', items: [] }));
    expect(ids(run(unreadable))).not.toContain(ID);
    const noTrigger = patch('ipsec', (d) => (d.trigger = null));
    expect(ids(run(noSa, noTrigger))).not.toContain(ID);
    // with the Error status it is still the finding, the SA list then reported as not readable
    const f = get(run(authFailure, unreadable), ID);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'ipsec', field: 'mainModeSas.readable', observed: false }));
  });

  it('SAs to every DTE: the tunnels are up, an Error is something else (e.g. NameResolutionFailure) — not this cause', () => {
    expect(ids(run(connection('Error', 'NameResolutionFailure')))).not.toContain(ID);
  });

  it('only outside with a transition tunnel up: not inside, not while IP-HTTPS fails, not without DirectAccess policy', () => {
    expect(ids(run(connection('ConnectedLocally'), noSa))).not.toContain(ID);
    expect(ids(run(authFailure, noSa, code(0x800b0109)))).not.toContain(ID);
    expect(ids(run(authFailure, noSa, code(0, 'IPHTTPS interface deactivated')))).not.toContain(ID);
    expect(ids(run(authFailure, noSa, code(0x2af9, 'IPHTTPS interface active')))).not.toContain(ID);
    const noPolicy = patch('daStatus', (d) => Object.assign(d, { policyApplied: false, ncaConfigured: false, ipHttpsClientUrl: null }));
    const noUrl = patch('ipHttps', (d) => (d.configuration = null));
    expect(ids(run(noPolicy, noUrl, authFailure, noSa))).not.toContain(ID);
  });

  it('Teredo qualified is a transition tunnel too (I.7.1)', () => {
    const teredoUp = patch('teredo', (d) => (d.state = 'qualified'));
    const ipHttpsIdle = patch('ipHttps', (d) => (d.state = null));
    expect(get(run(ipHttpsIdle, teredoUp, authFailure, noSa), ID).evidence).toContainEqual(expect.objectContaining({ probe: 'teredo', field: 'state' }));
  });

  it('variant firewall: one of Private/Public off (firewall-disabled only a warning) — escalate; first in I.7 order', () => {
    const d = run(authFailure, noSa, fw('public'), svc('PolicyAgent', 'Stopped', 'Manual'));
    const f = get(d, ID);
    expect(f.variant).toBe('firewall');
    expect(f.escalate).toBe(true);
    expect(f.fixes).toEqual([]);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'firewall', field: 'public.enabled', observed: false }));
    expect(get(d, 'firewall-disabled').severity).toBe('warning');
    expect(f.adminAction).toMatch(/Public profile/);
    // the Domain profile alone is no evidence
    expect(get(run(authFailure, noSa, fw('domain')), ID).variant).toBeUndefined();
  });

  it('variant ike-service: PolicyAgent merely stopped (no ipsec-services-stopped fault on its own) — start-ipsec-services', () => {
    const d = run(authFailure, noSa, svc('PolicyAgent', 'Stopped', 'Manual'));
    expect(ids(d)).not.toContain('ipsec-services-stopped');
    const f = get(d, ID);
    expect(f.variant).toBe('ike-service');
    expect(f.fixes).toEqual(['start-ipsec-services']);
    expect(f.escalate).toBe(false);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'services', field: 'PolicyAgent.status', observed: 'Stopped' }));
    expect(at(d)).toBe('fix-start-ipsec-services-tunnel');
  });

  it('variant computer-certificate: IPsec authenticates by certificate and none is valid — escalate (renewal needs the corporate network)', () => {
    const f = get(run(authFailure, noSa, noClientCert), ID);
    expect(f.variant).toBe('computer-certificate');
    expect(f.escalate).toBe(true);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'ipsec', field: 'authSets.items', observed: ['CN=Contoso Root CA'] }));
    expect(f.adminAction).toMatch(/Client Authentication/);
    const expired = patch('machineCertificates', (d) => (d.certificates = d.certificates.map((c) => ({ ...c, notAfter: '2025-01-01T00:00:00Z' }))));
    expect(get(run(authFailure, noSa, expired), ID).variant).toBe('computer-certificate');
  });

  it('no certificate variant where IPsec uses Kerberos, or where the auth sets were not read', () => {
    expect(get(run(authFailure, noSa, noClientCert, kerberos), ID).variant).toBeUndefined();
    const unread = patch('ipsec', (d) => (d.authSets = { readable: false, error: 'Get-NetIPsecPhase1AuthSet: failed', items: [] }));
    expect(get(run(authFailure, noSa, noClientCert, unread), ID).variant).toBeUndefined();
  });

  it('explained by ipsec-services-stopped and by firewall-disabled when those are errors: the tunnel evidence folds into them', () => {
    const ike = run(authFailure, noSa, svc('IKEEXT', 'Stopped', 'Disabled'));
    expect(ids(ike)).not.toContain(ID);
    expect(get(ike, 'ipsec-services-stopped').evidence).toContainEqual(
      expect.objectContaining({ field: 'mainModeSas.items', note: expect.stringMatching(/^symptom \(ipsec-tunnel-failed\)/) }),
    );
    const both = run(authFailure, noSa, fw('public'), fw('private'));
    expect(ids(both)).not.toContain(ID);
    expect(get(both, 'firewall-disabled').severity).toBe('error');
  });

  it('a failed ipsec section makes a verdict that rests on it unknown, not healthy', () => {
    const d = run(failed('ipsec'));
    expect(d.status).toBe('unknown');
    // with the Error status the cause stands on that alone
    expect(ids(run(failed('ipsec'), authFailure))).toContain(ID);
  });

  it('start-ipsec-services verifies by the tunnels: an SA to every DTE (when readable) and no Error status', () => {
    expect(ipsecTunnelsUp(buildSnapshot()).verified).toBe(true);
    expect(ipsecTunnelsUp(buildSnapshot(noSa)).verified).toBe(false);
    expect(ipsecTunnelsUp(buildSnapshot(authFailure)).detail).toMatch(/still says Error/);
    // inside, or with IP-HTTPS down, no tunnels are expected; an unreadable list leaves it to the services
    expect(ipsecTunnelsUp(buildSnapshot(noSa, connection('ConnectedLocally'))).verified).toBe(true);
    expect(ipsecTunnelsUp(buildSnapshot(noSa, code(0x800b0109))).verified).toBe(true);
    expect(ipsecTunnelsUp(buildSnapshot(noSa, code(0x2af9, 'IPHTTPS interface active'))).verified).toBe(true);
    expect(ipsecTunnelsUp(buildSnapshot(patch('ipsec', (d) => (d.mainModeSas = { readable: false, error: 'x', items: [] })))).verified).toBe(true);
  });
});
