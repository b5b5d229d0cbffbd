import { describe, expect, it } from 'vitest';
import { errorIds, get, run } from '../../../test-support/assertions';
import { cert, connection, failed, patch, type Mutator } from '../../../test-support/snapshotBuilder';
import { TREE, walk } from '../../tree';
import { nlsReachableOutside } from './nlsReachableOutside';
import { nlsUnreachableInside } from './nlsUnreachableInside';
import { insideCorpnet } from '../machine/insideCorpnet';
import type { SectionData } from '../../diagnose/context';

const INSIDE = nlsUnreachableInside.id;
const OUTSIDE = nlsReachableOutside.id;
const CORPNET = insideCorpnet.id;
type Nls = NonNullable<SectionData<'location'>['nls']>;

const nlsCert = (p: Partial<Parameters<typeof cert>[0]> = {}) =>
  cert({
    subject: 'CN=nls.corp.contoso.com',
    issuer: 'CN=Contoso Issuing CA',
    thumbprint: 'AAAA1111BBBB2222CCCC3333DDDD4444EEEE5555',
    dnsNames: ['nls.corp.contoso.com'],
    ...p,
  });
/** The tool's NLS probe ended this way. */
const nls = (p: Partial<Nls>): Mutator =>
  patch('location', (d) => {
    d.nls = { ...d.nls!, ...p };
  });
const answers = (p: Partial<Nls> = {}) =>
  nls({ addresses: ['10.0.0.10'], tcp: 'succeeded', handshake: 'succeeded', httpStatus: 200, chain: [nlsCert()], nameMatches: true, ...p });
/** A domain controller answered on the wired network (and the firewall applies the Domain profile). */
const domain: Mutator = patch('location', (d) => {
  d.connectionProfiles = [{ name: 'corp.contoso.com', interfaceAlias: 'Ethernet', networkCategory: 'DomainAuthenticated', ipv4Connectivity: 'Internet' }];
  d.firewallCurrentProfileTypes = 1;
});
const ids = (d: ReturnType<typeof run>) => d.findings.map((f) => f.id);

describe('nls-unreachable-inside (knowledge H.3 row 2, H.4)', () => {
  it('Domain profile, NLS refuses TCP, Windows says outside: error, escalate, the failing step as variant and evidence', () => {
    const d = run(domain, nls({ addresses: ['10.0.0.10'], tcp: 'refused' }));
    expect(errorIds(d)).toEqual([INSIDE]);
    const f = get(d, INSIDE);
    expect(f.variant).toBe('tcp');
    expect(f.escalate).toBe(true);
    expect(f.fixes).toEqual([]);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'location', field: 'nls.tcp', observed: 'refused' }));
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'location', field: 'connectionProfiles', observed: ['Ethernet: DomainAuthenticated'] }));
    expect(f.adminAction).toMatch(/highly available/);
    expect(f.commands).toContain('Test-NetConnection nls.corp.contoso.com -Port 443');
    expect(f.plain).not.toMatch(/NLS|NRPT|0x|Get-/);
    expect(walk(TREE, { diagnosis: d, answers: {}, fixResults: {} }).current.id).toBe('escalate-nls-unreachable-inside');
  });
  it('an expired NLS certificate: same id, variant certificate, the plain text and the evidence say it ran out', () => {
    const f = get(run(domain, answers({ chainStatus: ['NotTimeValid'], chain: [nlsCert({ notAfter: '2025-01-01T00:00:00.000Z' })] })), INSIDE);
    expect(f.variant).toBe('certificate');
    expect(f.plain).toMatch(/run out/);
    expect(f.evidence).toContainEqual(expect.objectContaining({ field: 'nls.chain[0].notAfter', observed: '2025-01-01T00:00:00.000Z' }));
    expect(f.adminAction).toMatch(/Renew or replace/);
  });
  it('each failing step names itself: name, TLS, CRL, certificate name', () => {
    expect(get(run(domain, nls({ addresses: [], tcp: 'unresolved' })), INSIDE).variant).toBe('unresolved');
    expect(get(run(domain, nls({ addresses: ['10.0.0.10'], tcp: 'succeeded', handshake: 'failed', handshakeError: 'reset' })), INSIDE).variant).toBe('tls');
    const crl = get(run(domain, answers({ chainStatusOnline: ['RevocationStatusUnknown', 'OfflineRevocation'] })), INSIDE);
    expect(crl.variant).toBe('revocation');
    expect(crl.adminAction).toMatch(/CRL distribution point/);
    expect(get(run(domain, answers({ nameMatches: false })), INSIDE).variant).toBe('name');
  });
  it('the Domain profile from the firewall alone (Windows 7: no Get-NetConnectionProfile) is enough', () => {
    const fwOnly = patch('location', (d) => {
      d.connectionProfiles = null;
      d.firewallCurrentProfileTypes = 1 | 4;
    });
    expect(errorIds(run(fwOnly, nls({ tcp: 'timedOut', addresses: ['10.0.0.10'] })))).toEqual([INSIDE]);
  });
  it('not when the NLS answers, when Windows already says inside, or without a domain controller (the remote case)', () => {
    expect(ids(run(domain, answers()))).not.toContain(INSIDE);
    expect(ids(run(domain, nls({ tcp: 'refused', addresses: ['10.0.0.10'] }), connection('ConnectedLocally')))).not.toContain(INSIDE);
    expect(ids(run(nls({ tcp: 'refused', addresses: ['10.0.0.10'] })))).not.toContain(INSIDE);
  });
  it('a DomainAuthenticated network alone (the firewall reading failed) is enough', () => {
    const profileOnly = patch('location', (d) => {
      d.connectionProfiles = [{ name: 'corp.contoso.com', interfaceAlias: 'Ethernet', networkCategory: 'DomainAuthenticated', ipv4Connectivity: 'Internet' }];
      d.firewallCurrentProfileTypes = null;
    });
    expect(errorIds(run(profileOnly, nls({ tcp: 'refused', addresses: ['10.0.0.10'] })))).toEqual([INSIDE]);
  });
  it('not without domain evidence (neither source read) or without an NLS URL', () => {
    const none = patch('location', (d) => {
      d.connectionProfiles = null;
      d.firewallCurrentProfileTypes = null;
    });
    expect(ids(run(none, nls({ tcp: 'refused', addresses: ['10.0.0.10'] })))).not.toContain(INSIDE);
    const noUrl = patch('location', (d) => {
      d.nlsUrl = null;
      d.nls = null;
    });
    expect(ids(run(domain, noUrl))).not.toContain(INSIDE);
  });
  it('explains the IP-HTTPS failure on the LAN (a symptom of believing it is outside)', () => {
    const d = run(
      domain,
      nls({ tcp: 'refused', addresses: ['10.0.0.10'] }),
      patch('ipHttps', (x) => (x.state = { lastErrorCode: 0x57, interfaceStatus: 'failed' })),
    );
    expect(errorIds(d)).toEqual([INSIDE]);
  });
  it('a failed location probe makes an outside machine unknown, not healthy', () => {
    expect(run(failed('location')).status).toBe('unknown');
  });
});

describe('nls-reachable-outside (knowledge H.3 row 3, H.5)', () => {
  const hotel = patch('location', (d) => {
    d.connectionProfiles = [{ name: 'HotelGuest', interfaceAlias: 'Wi-Fi', networkCategory: 'Public', ipv4Connectivity: 'Internet' }];
    d.firewallCurrentProfileTypes = 4;
  });
  it('no domain controller, ConnectedLocally: error, escalate, no inside-corpnet, the NLS address as evidence', () => {
    const d = run(hotel, connection('ConnectedLocally'), answers({ addresses: ['198.51.100.20'], chain: [nlsCert({ dnsNames: ['*.corp.contoso.com'] })] }));
    expect(errorIds(d)).toEqual([OUTSIDE]);
    expect(ids(d)).not.toContain(CORPNET);
    const f = get(d, OUTSIDE);
    expect(f.escalate).toBe(true);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'location', field: 'nls.addresses', observed: ['198.51.100.20'] }));
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'location', field: 'firewallCurrentProfileTypes', observed: '0x4' }));
    expect(f.technical).toMatch(/\*\.corp\.contoso\.com/);
    expect(f.technical).toMatch(/Assumed: a VPN tunnel/);
    expect(f.adminAction).toMatch(/198\.51\.100\.20/);
    expect(walk(TREE, { diagnosis: d, answers: {}, fixResults: {} }).current.id).toBe('escalate-nls-reachable-outside');
  });
  it('with a tunnel into the intranet (a DomainAuthenticated network): inside is right, inside-corpnet instead', () => {
    const d = run(domain, connection('ConnectedLocally'), answers());
    expect(errorIds(d)).toEqual([]);
    expect(ids(d)).toContain(CORPNET);
  });
  it('not when Windows says outside, nor without domain evidence', () => {
    expect(ids(run(hotel, answers({ addresses: ['198.51.100.20'] })))).not.toContain(OUTSIDE);
    const none = patch('location', (d) => {
      d.connectionProfiles = [];
      d.firewallCurrentProfileTypes = 0;
    });
    expect(ids(run(none, connection('ConnectedLocally')))).not.toContain(OUTSIDE);
  });
});

describe('inside-corpnet with the location evidence (knowledge H.3 row 1)', () => {
  it('Domain profile and ConnectedLocally: stated, the domain evidence in text and evidence', () => {
    const f = get(run(domain, connection('ConnectedLocally'), answers()), CORPNET);
    expect(f.technical).toMatch(/A domain controller answered too \(Ethernet \(corp\.contoso\.com\): DomainAuthenticated/);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'location', field: 'connectionProfiles' }));
  });
  it('an older snapshot without the section: today’s behaviour, saying what it rests on', () => {
    const f = get(run(failed('location', 'notApplicable'), connection('ConnectedLocally')), CORPNET);
    expect(f.technical).toMatch(/rests on Windows’ verdict alone/);
  });
  it('the section collected but no domain evidence in it (neither source read): the same caveat', () => {
    const none = patch('location', (d) => {
      d.connectionProfiles = null;
      d.firewallCurrentProfileTypes = null;
    });
    expect(get(run(none, connection('ConnectedLocally')), CORPNET).technical).toMatch(/rests on Windows’ verdict alone/);
  });
  it('the tool’s probe failing where Windows’ succeeded is said, not hidden', () => {
    const f = get(run(domain, connection('ConnectedLocally'), nls({ tcp: 'refused', addresses: ['10.0.0.10'] })), CORPNET);
    expect(f.technical).toMatch(/failed where Windows’ succeeded/);
  });
});
