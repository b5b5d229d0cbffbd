import { describe, expect, it } from 'vitest';
import { TREE, walk } from '../tree';
import { errorIds, get, run } from '../../test-support/assertions';
import {
  CRL_URL,
  ISSUING_THUMB,
  ROOT_THUMB,
  cert,
  manageOut,
  code,
  connection,
  data,
  failed,
  noState,
  onCorpnet,
  org,
  patch,
  rootMissing,
  win7,
  type Mutator,
} from '../../test-support/snapshotBuilder';

const UNTRUSTED = 2148204809; // 0x800b0109 as the uint32 the cmdlet returns
const EXPIRED = 2148204801; // 0x800b0101
const REVOCATION = 2148081683; // 0x80092013

describe('healthy client', () => {
  it('has no findings and is healthy', () => {
    const d = run();
    expect(d.role).toBe('client');
    expect(d.status).toBe('healthy');
    expect(d.findings).toEqual([]);
  });
  it('is healthy on Windows 7 with netsh-sourced data', () => {
    const d = run(win7);
    expect(d.status).toBe('healthy');
    expect(d.findings).toEqual([]);
  });
});

describe('da-not-configured', () => {
  // A machine that never had DirectAccess has no DirectAccess NRPT rules either (leftover rules: nrpt-stale-on-lan).
  const noPolicy: Mutator = (s) => {
    Object.assign(data(s, 'daStatus'), { policyApplied: false, ipHttpsClientUrl: null, ncaConfigured: false, connection: null });
    data(s, 'nrpt').rules = [];
  };
  const noConfig = patch('ipHttps', (d) => Object.assign(d, { state: null, configuration: null }));
  it('fires when there is no DirectAccess policy at all', () => {
    const d = run(noPolicy, noConfig);
    expect(d.role).toBe('client');
    expect(errorIds(d)).toEqual(['da-not-configured']);
    expect(get(d, 'da-not-configured').escalate).toBe(true);
  });
  it('hides every IP-HTTPS finding (nothing else is IP-HTTPS related)', () => {
    const d = run(
      noPolicy,
      noConfig,
      patch('ipv6', (d) => (d.disabledComponents = 0xff)),
      patch('services', (d) => (d.iphlpsvc = { exists: true, status: 'Stopped', startType: 'Manual' })),
    );
    expect(errorIds(d)).toEqual(['da-not-configured']);
  });
  it('does not fire when a ServerURL is configured', () => {
    expect(errorIds(run(patch('daStatus', (d) => Object.assign(d, { policyApplied: false, ncaConfigured: false, ipHttpsClientUrl: null }))))).toEqual([]);
  });
});

describe('edition-unsupported', () => {
  const pro = patch('os', (d) => Object.assign(d, { caption: 'Microsoft Windows 10 Pro', sku: 48 }));
  const ncaStopped = patch('services', (d) => (d.NcaSvc = { exists: true, status: 'Stopped', startType: 'Manual' }));
  it('fires on Windows 10 Pro and explains the stopped NcaSvc', () => {
    const d = run(pro, ncaStopped, connection(null));
    expect(errorIds(d)).toEqual(['edition-unsupported']);
    const f = get(d, 'edition-unsupported');
    expect(f.evidence.some((e) => e.field === 'NcaSvc.status')).toBe(true);
    expect(f.escalate).toBe(true);
  });
  it('is the only error even when IP-HTTPS fails too', () => {
    expect(errorIds(run(pro, ncaStopped, code(0x57)))).toEqual(['edition-unsupported']);
  });
  it('accepts Education on Windows 10, Ultimate on Windows 7, and servers', () => {
    expect(errorIds(run(patch('os', (d) => Object.assign(d, { caption: 'Microsoft Windows 10 Education', sku: 121 }))))).toEqual([]);
    expect(
      errorIds(
        run(
          win7,
          patch('os', (d) => Object.assign(d, { caption: 'Microsoft Windows 7 Ultimate', sku: 1 })),
        ),
      ),
    ).toEqual([]);
    expect(errorIds(run(patch('os', (d) => Object.assign(d, { caption: 'Microsoft Windows Server 2019 Standard', sku: 7, productType: 3 }))))).toEqual([]);
  });
  it('the guided escalation does not tell a Windows 7 Ultimate user that only Enterprise or Education work', () => {
    const node = TREE.nodes['escalate-edition'];
    expect(node?.plain).toMatch(/Ultimate on Windows 7/);
  });
  it('rejects Windows 7 Professional and Windows 8.1 Pro', () => {
    expect(
      errorIds(
        run(
          win7,
          patch('os', (d) => Object.assign(d, { caption: 'Microsoft Windows 7 Professional', sku: 48 })),
        ),
      ),
    ).toEqual(['edition-unsupported']);
    expect(errorIds(run(patch('os', (d) => Object.assign(d, { caption: 'Microsoft Windows 8.1 Pro', build: 9600, sku: 48 }))))).toEqual([
      'edition-unsupported',
    ]);
  });
});

describe('inside-corpnet', () => {
  it('is info when ConnectedLocally with no IP-HTTPS state, and the status is healthy', () => {
    const d = run(connection('ConnectedLocally'), noState, onCorpnet());
    expect(d.findings.map((f) => f.id)).toEqual(['inside-corpnet']);
    expect(get(d, 'inside-corpnet').severity).toBe('info');
    expect(d.status).toBe('healthy');
  });
  it('does not fire outside', () => {
    expect(run().findings.some((f) => f.id === 'inside-corpnet')).toBe(false);
  });
});

describe('ip-helper-stopped', () => {
  const stopped = patch('services', (d) => (d.iphlpsvc = { exists: true, status: 'Stopped', startType: 'Manual' }));
  it('fires and explains the missing IP-HTTPS state', () => {
    const d = run(stopped, noState, connection('Error', 'CouldNotContactDirectAccessServer'));
    expect(errorIds(d)).toEqual(['ip-helper-stopped']);
    const f = get(d, 'ip-helper-stopped');
    expect(f.fixes).toEqual(['start-ip-helper']);
    expect(f.evidence.some((e) => e.probe === 'ipHttps' && e.field === 'state')).toBe(true);
  });
  it('fires when the service is disabled, and hides IP-HTTPS code findings', () => {
    const d = run(
      patch('services', (d) => (d.iphlpsvc = { exists: true, status: 'Stopped', startType: 'Disabled' })),
      code(0x57),
    );
    expect(errorIds(d)).toEqual(['ip-helper-stopped']);
  });
  it('does not fire when running', () => {
    expect(errorIds(run())).toEqual([]);
  });
});

describe('ipv6-transition-disabled', () => {
  it('explains 0x643 with DisabledComponents 0xff', () => {
    const d = run(
      patch('ipv6', (d) => (d.disabledComponents = 0xff)),
      code(0x643, 'Fatal error during installation'),
    );
    expect(errorIds(d)).toEqual(['ipv6-transition-disabled']);
    const f = get(d, 'ipv6-transition-disabled');
    expect(f.fixes).toEqual(['set-ipv6-prefer-ipv4']);
    expect(f.evidence.some((e) => e.observed === '0x643')).toBe(true);
  });
  it('fires on bit 0 alone and on 0xffffffff', () => {
    expect(
      errorIds(
        run(
          patch('ipv6', (d) => (d.disabledComponents = 0x01)),
          code(0x34),
        ),
      ),
    ).toEqual(['ipv6-transition-disabled']);
    expect(
      errorIds(
        run(
          patch('ipv6', (d) => (d.disabledComponents = 0xffffffff)),
          code(0x643),
        ),
      ),
    ).toEqual(['ipv6-transition-disabled']);
  });
  it('does not fire on 0x20 (prefer IPv4) or 0x10', () => {
    expect(errorIds(run(patch('ipv6', (d) => (d.disabledComponents = 0x20))))).toEqual([]);
    expect(errorIds(run(patch('ipv6', (d) => (d.disabledComponents = 0x10))))).toEqual([]);
  });
  it('judges the bits per role (KB929852): 0x80 (IP-TLS) on a client, 0x04 (ISATAP) only on a manage-out host', () => {
    expect(
      errorIds(
        run(
          patch('ipv6', (d) => (d.disabledComponents = 0x80)),
          code(0x643),
        ),
      ),
    ).toEqual(['ipv6-transition-disabled']);
    expect(errorIds(run(patch('ipv6', (d) => (d.disabledComponents = 0x04))))).toEqual([]);
    expect(errorIds(run(patch('ipv6', (d) => (d.disabledComponents = 0x0a))))).toEqual([]);
    expect(
      errorIds(
        run(
          manageOut,
          patch('ipv6', (d) => (d.disabledComponents = 0x04)),
        ),
      ),
    ).toEqual(['ipv6-transition-disabled']);
    expect(
      errorIds(
        run(
          manageOut,
          patch('ipv6', (d) => (d.disabledComponents = 0x80)),
        ),
      ),
    ).toEqual([]);
  });
  it("expects only the offending bits cleared and 0x20 set: a baseline's 0x10 stays", () => {
    const f = get(
      run(
        patch('ipv6', (d) => (d.disabledComponents = 0x91)),
        code(0x643),
      ),
      'ipv6-transition-disabled',
    );
    expect(f.evidence[0]).toMatchObject({ field: 'disabledComponents', observed: '0x91', expected: '0x30' });
    expect(f.technical).toMatch(/Group Policy Preferences or a security baseline/);
    expect(f.plain).not.toMatch(/keeps IPv6 working/);
  });
  it('guides a manage-out host to the fix too', () => {
    const d = run(
      manageOut,
      patch('ipv6', (d) => (d.disabledComponents = 0x04)),
    );
    const w = walk(TREE, { diagnosis: d, answers: {}, fixResults: {} });
    expect(w.current.id).toBe('fix-ipv6');
  });
});

describe('iphttps-interface-error', () => {
  it('fires on 0x643 / 0x34 when IPv6 is enabled', () => {
    const d = run(code(0x643));
    expect(errorIds(d)).toEqual(['iphttps-interface-error']);
    expect(get(d, 'iphttps-interface-error').fixes).toEqual(['restart-ip-helper']);
    // KB2980660's remedy needs an administrator and the corporate LAN: the restart is a first try, not the likely fix.
    expect(get(d, 'iphttps-interface-error').escalate).toBe(true);
    expect(get(d, 'iphttps-interface-error').adminAction).toMatch(/IPHTTPSProfiles.*corporate LAN/);
    expect(get(d, 'iphttps-interface-error').plain).toMatch(/first try/);
    expect(errorIds(run(code(0x34)))).toEqual(['iphttps-interface-error']);
  });
});

describe('iphttps-untrusted-root', () => {
  it('with a pinned root: one-click import, no escalation', () => {
    const d = run(code(UNTRUSTED), rootMissing, org({ pinnedRoots: [{ subject: 'CN=Contoso Root CA', thumbprint: ROOT_THUMB }] }));
    expect(errorIds(d)).toEqual(['iphttps-untrusted-root']);
    const f = get(d, 'iphttps-untrusted-root');
    expect(f.fixes).toEqual(['import-root-ca']);
    expect(f.escalate).toBe(false);
    expect(f.evidence.some((e) => e.expected === ROOT_THUMB)).toBe(true);
    expect(f.plain).toMatch(/one click/);
  });
  it('without a pin: the fix is still offered (picked file) and the admin action names GPO and djoin', () => {
    const d = run(code(UNTRUSTED), rootMissing);
    const f = get(d, 'iphttps-untrusted-root');
    expect(f.fixes).toEqual(['import-root-ca']);
    expect(f.escalate).toBe(false);
    expect(f.adminAction).toMatch(/GPO/);
    expect(f.adminAction).toContain(ROOT_THUMB);
  });
  it('offline domain join only when the evidence points to it: a domain member with no computer certificate either', () => {
    // The snapshot's machine has a computer certificate: it has been on the corporate network, so no djoin story.
    expect(get(run(code(UNTRUSTED), rootMissing), 'iphttps-untrusted-root').variant).toBeUndefined();
    const noCert = patch('machineCertificates', (d) => (d.certificates = []));
    const f = get(run(code(UNTRUSTED), rootMissing, noCert), 'iphttps-untrusted-root');
    expect(f.variant).toBe('offline-domain-join');
    expect(f.adminAction).toMatch(/rootcacerts/);
    expect(f.evidence.some((e) => e.probe === 'machineCertificates')).toBe(true);
    const workgroup = patch('os', (d) => (d.partOfDomain = false));
    expect(get(run(code(UNTRUSTED), rootMissing, noCert, workgroup), 'iphttps-untrusted-root').variant).toBeUndefined();
  });
  it('self-signed renewed: variant, escalation, import only when pinned', () => {
    const newLeaf = cert({
      subject: 'CN=da.contoso.com',
      thumbprint: 'AAAA0000AAAA0000AAAA0000AAAA0000AAAA0000',
      selfSigned: true,
      dnsNames: ['da.contoso.com'],
    });
    const selfSigned = patch('serverCertificate', (d) => Object.assign(d, { chain: [newLeaf], chainStatus: ['UntrustedRoot'] }));
    const oldInRoot = patch(
      'trustStores',
      (d) => (d.root = [{ subject: 'CN=da.contoso.com', thumbprint: 'BBBB0000BBBB0000BBBB0000BBBB0000BBBB0000', notAfter: '2029-01-01T00:00:00Z' }]),
    );
    const d = run(code(UNTRUSTED), selfSigned, oldInRoot);
    expect(errorIds(d)).toEqual(['iphttps-untrusted-root']);
    const f = get(d, 'iphttps-untrusted-root');
    expect(f.variant).toBe('self-signed-renewed');
    expect(f.escalate).toBe(true);
    expect(f.fixes).toEqual([]);
    const pinned = get(
      run(code(UNTRUSTED), selfSigned, oldInRoot, org({ pinnedRoots: [{ subject: 'CN=da.contoso.com', thumbprint: newLeaf.thumbprint }] })),
      'iphttps-untrusted-root',
    );
    expect(pinned.fixes).toEqual(['import-root-ca']);
    expect(pinned.variant).toBe('self-signed-renewed');
  });
  it('Windows 7: code parsed from netsh data, certutil commands', () => {
    const d = run(win7, code(0x800b0109), rootMissing);
    expect(errorIds(d)).toEqual(['iphttps-untrusted-root']);
    expect(get(d, 'iphttps-untrusted-root').commands).toContain('netsh interface httpstunnel show interfaces');
    expect(get(d, 'iphttps-untrusted-root').commands).toContain('certutil -store Root');
  });
  it('fires from chain evidence when IP-HTTPS has no state outside the office', () => {
    expect(errorIds(run(noState, rootMissing))).toEqual(['iphttps-untrusted-root']);
  });
  it('does not fire on a healthy chain, nor from chain evidence while IP-HTTPS is active', () => {
    expect(errorIds(run())).toEqual([]);
    expect(errorIds(run(rootMissing))).toEqual([]);
  });
});

describe('iphttps-partial-chain', () => {
  const partial = patch('serverCertificate', (d) => {
    d.chain = d.chain.slice(0, 1);
    d.chainStatus = ['PartialChain'];
  });
  it('fires on 0x800b010a and names the missing intermediate; pinned intermediates are evidence', () => {
    const d = run(code(0x800b010a), partial, org({ pinnedIntermediates: [{ subject: 'CN=Contoso Issuing CA', thumbprint: ISSUING_THUMB }] }));
    expect(errorIds(d)).toEqual(['iphttps-partial-chain']);
    const f = get(d, 'iphttps-partial-chain');
    expect(f.fixes).toEqual(['import-intermediate-ca']);
    expect(f.plain).toContain('Contoso Issuing CA');
  });
  it('fires from PartialChain when IP-HTTPS has no state', () => {
    expect(errorIds(run(noState, partial))).toEqual(['iphttps-partial-chain']);
  });
  it('both rules fire on a chain that is partial and untrusted: precedence keeps only the root', () => {
    const both = patch('serverCertificate', (d) => {
      d.chain = d.chain.slice(0, 1);
      d.chainStatus = ['PartialChain', 'UntrustedRoot'];
    });
    const d = run(noState, rootMissing, both);
    expect(errorIds(d)).toEqual(['iphttps-untrusted-root']);
  });
  it('is explained by an untrusted root', () => {
    expect(errorIds(run(code(UNTRUSTED), partial, rootMissing))).toEqual(['iphttps-untrusted-root']);
  });
});

describe('iphttps-cert-expired and clock-skew', () => {
  const expiredLeaf = patch('serverCertificate', (d) => {
    d.chain[0] = { ...d.chain[0]!, notBefore: '2022-01-31T00:00:00.000Z', notAfter: '2024-01-31T00:00:00.000Z' };
    d.chainStatus = ['NotTimeValid'];
  });
  it('expired server certificate: clock agrees, escalate naming NotAfter', () => {
    const d = run(code(EXPIRED), expiredLeaf);
    expect(errorIds(d)).toEqual(['iphttps-cert-expired']);
    const f = get(d, 'iphttps-cert-expired');
    expect(f.escalate).toBe(true);
    expect(f.adminAction).toContain('2024-01-31');
    expect(f.plain).toContain('2024-01-31');
  });
  it('clock 3 years ahead explains 0x800b0101: clock-skew, not cert-expired', () => {
    const ahead = (s: Parameters<typeof data>[0]) => {
      data(s, 'clock').utcNow = '2028-03-10T09:00:00.000Z';
      s.collectedAt = '2028-03-10T09:00:00.000Z';
      data(s, 'serverCertificate').chainStatus = ['NotTimeValid'];
    };
    const d = run(code(EXPIRED), ahead);
    expect(errorIds(d)).toEqual(['clock-skew']);
    const f = get(d, 'clock-skew');
    expect(f.fixes).toEqual(['resync-time']);
    expect(f.plain).toMatch(/3 years ahead/);
    expect(f.evidence.some((e) => e.observed === '0x800b0101')).toBe(true);
  });
  it('exactly 5 minutes from the server Date (09:00:30) is still in step; 5 minutes and 1 second is skew', () => {
    expect(errorIds(run(patch('clock', (d) => (d.utcNow = '2025-03-10T09:05:30.000Z'))))).toEqual([]);
    expect(errorIds(run(patch('clock', (d) => (d.utcNow = '2025-03-10T09:05:31.000Z'))))).toEqual(['clock-skew']);
  });
  it('says honestly that an off-network domain member may have no time source', () => {
    const skewed = patch('clock', (d) => (d.utcNow = '2025-03-10T08:30:00.000Z'));
    expect(get(run(skewed), 'clock-skew').plain).toMatch(/no time source.*by hand/);
    expect(
      get(
        run(
          skewed,
          patch('os', (d) => (d.partOfDomain = false)),
        ),
        'clock-skew',
      ).plain,
    ).not.toMatch(/time source/);
  });
  it('a skew of 4 minutes is in step; 6 minutes is skew', () => {
    expect(errorIds(run(patch('clock', (d) => (d.utcNow = '2025-03-10T09:04:30.000Z'))))).toEqual([]);
    expect(errorIds(run(patch('clock', (d) => (d.utcNow = '2025-03-10T08:54:00.000Z'))))).toEqual(['clock-skew']);
  });
  it('with 0x800b0101 and no clock evidence, guesses neither and reports unknown', () => {
    const d = run(code(EXPIRED), expiredLeaf, failed('clock'));
    expect(errorIds(d)).toEqual([]);
    expect(d.status).toBe('unknown');
  });
  it('an expired certificate with a skewed clock reports both', () => {
    const d = run(
      code(EXPIRED),
      expiredLeaf,
      patch('clock', (d) => (d.utcNow = '2027-01-01T00:00:00.000Z')),
    );
    expect(errorIds(d)).toEqual(['clock-skew', 'iphttps-cert-expired']);
  });
});

describe('iphttps-revocation-offline', () => {
  const offline = patch('serverCertificate', (d) => (d.chainStatusOnline = ['RevocationStatusUnknown', 'OfflineRevocation']));
  it('Windows 7, 0x80092013: clear the CRL cache, then escalate naming the CDP URL', () => {
    const d = run(win7, code(REVOCATION, 'failed to connect to the IPHTTPS server. Waiting to reconnect'), offline);
    expect(errorIds(d)).toEqual(['iphttps-revocation-offline']);
    const f = get(d, 'iphttps-revocation-offline');
    expect(f.fixes).toEqual(['clear-crl-cache']);
    expect(f.escalate).toBe(true);
    expect(f.adminAction).toContain(CRL_URL);
    expect(f.technical).toMatch(/Windows 7/);
  });
  it('does not fire on a healthy chain', () => {
    expect(errorIds(run(win7))).toEqual([]);
  });
  it('with no IP-HTTPS code, an unreachable CRL is a finding on Windows 7 only (Windows 8+ do not check it by default)', () => {
    expect(errorIds(run(win7, noState, offline))).toEqual(['iphttps-revocation-offline']);
    expect(errorIds(run(noState, offline))).toEqual([]);
  });
});

describe('iphttps-name-mismatch and iphttps-invalid-url', () => {
  const vpnLeaf = patch('serverCertificate', (d) => {
    d.chain[0] = { ...d.chain[0]!, subject: 'CN=vpn.contoso.com', dnsNames: ['vpn.contoso.com'] };
    d.nameMatches = false;
  });
  it('0x800b010f with a leaf for vpn.contoso.com', () => {
    const d = run(code(0x800b010f), vpnLeaf);
    expect(errorIds(d)).toEqual(['iphttps-name-mismatch']);
    expect(get(d, 'iphttps-name-mismatch').adminAction).toContain('da.contoso.com');
    expect(errorIds(run(code(0x103, 'No usable certificate found'), vpnLeaf))).toEqual(['iphttps-name-mismatch']);
  });
  it('a wildcard certificate covers the host', () => {
    const wild = patch('serverCertificate', (d) => (d.chain[0] = { ...d.chain[0]!, dnsNames: ['*.contoso.com'] }));
    expect(errorIds(run(noState, wild))).toEqual([]);
  });
  const ipUrl = (s: Parameters<typeof data>[0]) => {
    data(s, 'ipHttps').configuration!.serverUrl = 'https://198.51.100.7:443/IPHTTPS';
    data(s, 'daStatus').ipHttpsClientUrl = 'https://198.51.100.7:443/IPHTTPS';
    Object.assign(data(s, 'serverCertificate'), { nameMatches: false, host: '198.51.100.7' });
  };
  it('0x4be with an IP-literal ServerURL: invalid-url only (explains the name mismatch)', () => {
    const d = run(code(0x4be, 'Invalid IPHTTPS URL specified'), ipUrl);
    expect(errorIds(d)).toEqual(['iphttps-invalid-url']);
    expect(get(d, 'iphttps-invalid-url').adminAction).toContain('198.51.100.7');
  });
  it('does not fire on the default URL', () => {
    expect(run().findings.some((f) => f.id === 'iphttps-invalid-url' || f.id === 'iphttps-name-mismatch')).toBe(false);
  });
});

describe('proxy, NRPT and unreachable server', () => {
  const winhttpProxy = patch('proxy', (d) => {
    d.winHttp = { direct: false, proxyServer: 'proxy.contoso.com:8080', bypassList: null };
    d.proxyMgr = [{ key: '{6A1B2C3D-0000-4000-8000-000000000001}', staticProxy: 'proxy.contoso.com:8080' }];
  });
  const captured = patch(
    'nrpt',
    (d) => (d.rules = [{ namespace: '.contoso.com', directAccessDnsServers: ['fd00:1234:5678:1::3333:1'], directAccessEnabled: true }]),
  );
  it('0x2af9 with a WinHTTP proxy and StaticProxy: iphttps-proxy with both fixes, not unreachable', () => {
    const d = run(code(0x2af9), winhttpProxy);
    expect(errorIds(d)).toEqual(['iphttps-proxy']);
    expect(get(d, 'iphttps-proxy').fixes).toEqual(['reset-winhttp-proxy', 'clear-iphlpsvc-proxy-cache']);
    expect(get(d, 'iphttps-proxy').escalate).toBe(false);
  });
  it('a SYSTEM-context proxy alone escalates', () => {
    const d = run(
      code(0x2afc),
      patch('proxy', (d) => (d.system = { proxyEnable: true, proxyServer: 'proxy:3128', autoConfigUrl: null })),
    );
    expect(errorIds(d)).toEqual(['iphttps-proxy']);
    expect(get(d, 'iphttps-proxy').escalate).toBe(true);
  });
  it('0x274d with .contoso.com captured and no exemption: nrpt-captures-public-name naming the host', () => {
    const d = run(
      code(0x274d),
      captured,
      patch('reachability', (d) => Object.assign(d, { addresses: [], tcp: 'unresolved' })),
    );
    expect(errorIds(d)).toEqual(['nrpt-captures-public-name']);
    const f = get(d, 'nrpt-captures-public-name');
    expect(f.adminAction).toBe(
      'Add an NRPT exemption for da.contoso.com (a namespace rule with no DNS server) in Remote Access Management → Infrastructure Servers → DNS, then let clients refresh the DirectAccess client GPO.',
    );
    expect(f.escalate).toBe(true);
  });
  it('an exemption for the public name stops the NRPT finding', () => {
    const exempt = patch('nrpt', (d) => d.rules.push({ namespace: 'da.contoso.com', directAccessDnsServers: [], directAccessEnabled: true }));
    expect(
      errorIds(
        run(
          code(0x274d),
          captured,
          exempt,
          patch('reachability', (d) => (d.tcp = 'refused')),
        ),
      ),
    ).toEqual(['iphttps-server-unreachable']);
  });
  it('0x274c with no proxy and NRPT fine: iphttps-server-unreachable', () => {
    const d = run(
      code(0x274c),
      patch('reachability', (d) => (d.tcp = 'timedOut')),
    );
    expect(errorIds(d)).toEqual(['iphttps-server-unreachable']);
    expect(get(d, 'iphttps-server-unreachable').plain).toMatch(/sign in/);
  });
  it('a network that answers nothing (the DNS lookup timed out in the probe): unreachable, naming the silence, not "no such name"', () => {
    const silent = (s: Parameters<Parameters<typeof patch>[1]>[1]) => {
      s.sections.reachability = {
        status: 'timedOut',
        ms: 5000,
        message: 'the DNS lookup of da.contoso.com did not answer within 5 s',
        data: { host: 'da.contoso.com', port: 443, addresses: [], tcp: 'unresolved', lookup: { outcome: 'timedOut', errorId: null, source: 'system' } },
      };
    };
    const d = run(code(0x274c), (s) => silent(s), failed('serverCertificate', 'timedOut'));
    expect(errorIds(d)).toEqual(['iphttps-server-unreachable']);
    const f = get(d, 'iphttps-server-unreachable');
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'reachability', field: 'lookup.outcome', observed: 'timedOut' }));
    expect(f.plain).toMatch(/the name servers of this network did not answer/);
    expect(f.technical).not.toMatch(/does not resolve/);
  });
  it('a reachability probe that timed out without saying why (abandoned): no claim, status unknown', () => {
    const d = run(code(0x274c), failed('reachability', 'timedOut'));
    expect(errorIds(d)).toEqual([]);
    expect(d.status).toBe('unknown');
  });
  it('0x2af9 with the proxy probe failed: does not claim "unreachable", status unknown', () => {
    const d = run(code(0x2af9), failed('proxy'));
    expect(errorIds(d)).toEqual([]);
    expect(d.status).toBe('unknown');
  });
  it('proxy and NRPT evidence do not fire without a connect error code', () => {
    expect(errorIds(run(winhttpProxy, captured))).toEqual([]);
  });
});

describe('connect codes: only what the evidence proves (issue 8)', () => {
  const USER = {
    readAs: 'currentUser' as const,
    keyPath: 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings',
    account: 'CONTOSO\\user',
    sid: 'S-1-5-21-1-2-3-1104',
    keyExists: true,
    proxyEnable: false,
    proxyServer: null,
    proxyOverride: null,
    autoConfigUrl: null,
    autoDetect: null,
    note: null,
  };
  const noUserProxy = patch('proxy', (d) => (d.user = { ...USER }));
  const userProxy = (proxyOverride: string | null, autoConfigUrl: string | null = null) =>
    patch(
      'proxy',
      (d) =>
        (d.user = {
          ...USER,
          proxyEnable: autoConfigUrl === null,
          proxyServer: autoConfigUrl === null ? 'proxy.contoso.com:8080' : null,
          proxyOverride,
          autoConfigUrl,
        }),
    );
  const winhttp = (bypassList: string | null) => patch('proxy', (d) => (d.winHttp = { direct: false, proxyServer: 'proxy.contoso.com:8080', bypassList }));
  const endOf = (d: ReturnType<typeof run>) => walk(TREE, { diagnosis: d, answers: { captivePortal: 'no' }, fixResults: {} }).current.id;

  it('a WinHTTP proxy whose bypass list covers the name is not a cause: iphttps-unknown-error says what was ruled out', () => {
    const d = run(code(0x2af9), winhttp('<local>;*.contoso.com'), noUserProxy);
    expect(errorIds(d)).toEqual(['iphttps-unknown-error']);
    const f = get(d, 'iphttps-unknown-error');
    expect(f.technical).toMatch(/da\.contoso\.com resolves \(203\.0\.113\.10\) and TCP 443 answers/);
    expect(f.technical).toMatch(/no proxy applies to da\.contoso\.com \(WinHTTP proxy\.contoso\.com:8080 bypassed/);
    expect(f.technical).toMatch(/no NRPT rule matches da\.contoso\.com/);
    expect(f.evidence.some((e) => e.field === 'winHttp.proxyServer' && /"\*\.contoso\.com" covers/.test(e.note ?? ''))).toBe(true);
    expect(f.fixes).toEqual([]);
  });
  it('a bypass list with only <local> (or another name) does not cover the FQDN: iphttps-proxy', () => {
    expect(errorIds(run(code(0x2af9), winhttp('<local>'), noUserProxy))).toEqual(['iphttps-proxy']);
    expect(errorIds(run(code(0x2afc), winhttp('intranet.contoso.com;contoso.com'), noUserProxy))).toEqual(['iphttps-proxy']);
  });
  it('a StaticProxy learned from a proxy that bypasses the name is bypassed too', () => {
    const cached = patch('proxy', (d) => (d.proxyMgr = [{ key: '{6A1B2C3D-0000-4000-8000-000000000001}', staticProxy: 'proxy.contoso.com:8080' }]));
    expect(errorIds(run(code(0x2af9), winhttp('*.contoso.com'), cached, noUserProxy))).toEqual(['iphttps-unknown-error']);
    expect(errorIds(run(code(0x2af9), cached, noUserProxy))).toEqual(['iphttps-proxy']);
  });
  it("the logged-on user's browser proxy without a bypass: variant user-proxy, escalates, no local fix, path ends in an escalation", () => {
    const d = run(code(0x2af9), userProxy('<local>'));
    expect(errorIds(d)).toEqual(['iphttps-proxy']);
    const f = get(d, 'iphttps-proxy');
    expect(f.variant).toBe('user-proxy');
    expect(f.escalate).toBe(true);
    expect(f.fixes).toEqual([]);
    expect(f.adminAction).toMatch(/^Bypass da\.contoso\.com in the proxy policy/);
    expect(f.evidence.some((e) => e.field === 'user.proxyServer' && e.observed === 'proxy.contoso.com:8080')).toBe(true);
    expect(endOf(d)).toBe('escalate-user-proxy');
  });
  it("a user's PAC file counts (KB3017472); a user proxy whose override covers the name does not", () => {
    expect(get(run(code(0x2af9), userProxy(null, 'http://wpad.contoso.com/proxy.pac')), 'iphttps-proxy').variant).toBe('user-proxy');
    expect(errorIds(run(code(0x2af9), userProxy('<local>;da.contoso.com')))).toEqual(['iphttps-unknown-error']);
  });
  it('a WinHTTP proxy with the user proxy too: the WinHTTP fix first, no variant', () => {
    const d = run(code(0x2af9), winhttp(null), userProxy(null));
    const f = get(d, 'iphttps-proxy');
    expect(f.variant).toBeUndefined();
    expect(f.fixes).toEqual(['reset-winhttp-proxy', 'clear-iphlpsvc-proxy-cache']);
    expect(endOf(d)).toBe('fix-proxy');
  });
  it('0x274d (connection refused) is not a proxy code', () => {
    const d = run(
      code(0x274d),
      winhttp(null),
      userProxy(null),
      patch('reachability', (d) => (d.tcp = 'refused')),
    );
    expect(errorIds(d)).toEqual(['iphttps-server-unreachable']);
    expect(errorIds(run(code(0x274d), winhttp(null), noUserProxy))).toEqual(['iphttps-unknown-error']);
  });
  it('name resolves and TCP 443 answers, no proxy, NRPT fine: iphttps-unknown-error, never server-unreachable', () => {
    const d = run(code(0x2af9), noUserProxy);
    expect(errorIds(d)).toEqual(['iphttps-unknown-error']);
    const f = get(d, 'iphttps-unknown-error');
    expect(f.technical).toMatch(/no SYSTEM-context proxy, no StaticProxy under iphlpsvc ProxyMgr, the logged-on user's browser proxy off or bypassed/);
    expect(f.evidence.map((e) => e.note ?? '').filter((n) => n.startsWith('ruled out')).length).toBeGreaterThanOrEqual(6);
    expect(endOf(d)).toBe('escalate-unknown-error');
  });
  it('unreachable only with evidence: unresolved, refused, timed out or failed TCP', () => {
    for (const tcp of ['refused', 'timedOut', 'error'] as const) {
      expect(
        errorIds(
          run(
            code(0x2af9),
            noUserProxy,
            patch('reachability', (d) => (d.tcp = tcp)),
          ),
        ),
      ).toEqual(['iphttps-server-unreachable']);
    }
    expect(
      errorIds(
        run(
          code(0x2afc),
          noUserProxy,
          patch('reachability', (d) => Object.assign(d, { addresses: [], tcp: 'unresolved' })),
        ),
      ),
    ).toEqual(['iphttps-server-unreachable']);
  });
  it('reachability not measured (probe failed), or measured for another host: no guess, status unknown', () => {
    const d = run(code(0x2af9), noUserProxy, failed('reachability'));
    expect(errorIds(d)).toEqual([]);
    expect(d.status).toBe('unknown');
    const other = run(
      code(0x274c),
      connection('Error', 'CouldNotContactDirectAccessServer'),
      patch('reachability', (d) => Object.assign(d, { host: 'old.contoso.com', tcp: 'timedOut' })),
    );
    expect(errorIds(other)).toEqual([]);
    expect(other.status).toBe('unknown');
  });
  it("without the user's proxy section (an older snapshot) the family is not ruled out", () => {
    const d = run(code(0x2af9), connection('Error', 'CouldNotContactDirectAccessServer'));
    expect(errorIds(d)).toEqual([]);
    expect(d.status).toBe('unknown');
  });
  it("multisite: the rules use the activated profile's URL, not the first with a URL", () => {
    const twoSites = patch('ipHttps', (d) => {
      d.configuration = {
        serverUrl: 'https://da-east.contoso.com:443/IPHTTPS',
        state: 'Default',
        authMode: 'None',
        profile: 'East',
        profileActivated: false,
        source: 'cmdlet',
      };
      d.profiles = [
        {
          profile: 'East',
          serverUrl: 'https://da-east.contoso.com:443/IPHTTPS',
          profileActivated: false,
          type: 'Client',
          state: 'Default',
          policyStore: 'ActiveStore',
        },
        {
          profile: 'West',
          serverUrl: 'https://da-west.contoso.com:443/IPHTTPS',
          profileActivated: true,
          type: 'Client',
          state: 'Default',
          policyStore: 'ActiveStore',
        },
      ];
    });
    const westReached = patch('reachability', (d) => (d.host = 'da-west.contoso.com'));
    const nrpt = patch('nrpt', (d) => {
      d.rules.push({ namespace: '.contoso.com', directAccessDnsServers: ['fd00:1234:5678:1::3333:1'], directAccessEnabled: true });
      d.rules.push({ namespace: 'da-west.contoso.com', directAccessDnsServers: [], directAccessEnabled: true });
    });
    const d = run(code(0x2af9), twoSites, westReached, nrpt, noUserProxy);
    expect(errorIds(d)).toEqual(['iphttps-unknown-error']);
    expect(get(d, 'iphttps-unknown-error').technical).toMatch(/the NRPT exempts da-west\.contoso\.com/);
    // The probe's chosen configuration, when activated, is used as it is.
    const chosen = patch(
      'ipHttps',
      (d) =>
        (d.configuration = {
          serverUrl: 'https://da-west.contoso.com:443/IPHTTPS',
          state: 'Default',
          authMode: 'None',
          profile: 'West',
          profileActivated: true,
          source: 'cmdlet',
        }),
    );
    expect(errorIds(run(code(0x2af9), twoSites, chosen, westReached, nrpt, noUserProxy))).toEqual(['iphttps-unknown-error']);
  });
  it('force tunnelling: the "." rule with DirectAccess DNS servers captures the public name unless it is exempted', () => {
    const dot = patch('nrpt', (d) => d.rules.push({ namespace: '.', directAccessDnsServers: ['fd00:1234:5678:1::3333:1'], directAccessEnabled: true }));
    const unresolved = patch('reachability', (d) => Object.assign(d, { addresses: [], tcp: 'unresolved' }));
    const d = run(code(0x2af9), dot, unresolved, noUserProxy);
    expect(errorIds(d)).toEqual(['nrpt-captures-public-name']);
    expect(get(d, 'nrpt-captures-public-name').technical).toMatch(/namespace \. → DirectAccess DNS fd00:1234:5678:1::3333:1 \(every name/);
    const exempt = patch('nrpt', (d) => d.rules.push({ namespace: 'da.contoso.com', directAccessDnsServers: [], directAccessEnabled: true }));
    expect(errorIds(run(code(0x2af9), dot, exempt, unresolved, noUserProxy))).toEqual(['iphttps-server-unreachable']);
    // A more specific exempt suffix wins over ".", and "." does not outrank the .corp.contoso.com rule for internal names.
    expect(
      errorIds(
        run(
          code(0x2af9),
          dot,
          unresolved,
          noUserProxy,
          patch('nrpt', (d) => d.rules.push({ namespace: '.contoso.com', directAccessDnsServers: [], directAccessEnabled: true })),
        ),
      ),
    ).toEqual(['iphttps-server-unreachable']);
  });
});

describe('TLS and preauthentication', () => {
  const noClientCert = patch('machineCertificates', (d) => (d.certificates = []));
  const asks = patch('serverCertificate', (d) => (d.clientCertificateRequested = true));
  it('0x90320 and no Client Authentication certificate: preauth-client-cert-missing, escalate outside', () => {
    const d = run(code(590624), asks, noClientCert);
    expect(errorIds(d)).toEqual(['preauth-client-cert-missing']);
    expect(get(d, 'preauth-client-cert-missing').escalate).toBe(true);
    expect(get(d, 'preauth-client-cert-missing').fixes).toEqual([]);
  });
  it('offers renew-machine-certificate when inside the office', () => {
    const d = run(code(590624), noClientCert, connection('ConnectedLocally'), onCorpnet());
    expect(get(d, 'preauth-client-cert-missing').fixes).toEqual(['renew-machine-certificate']);
  });
  it('not on a hotel network where the network location server answers (Windows says inside, no domain controller): escalate', () => {
    const d = run(code(590624), noClientCert, connection('ConnectedLocally'));
    const f = get(d, 'preauth-client-cert-missing');
    expect(f.fixes).toEqual([]);
    expect(f.escalate).toBe(true);
  });
  it('a certificate without a private key does not count', () => {
    const noKey = patch('machineCertificates', (d) => (d.certificates[0]!.hasPrivateKey = false));
    expect(errorIds(run(code(590624), noKey))).toEqual(['preauth-client-cert-missing']);
  });
  it('an expired machine certificate: preauth-client-cert-invalid', () => {
    const expired = patch('machineCertificates', (d) => (d.certificates[0]!.notAfter = '2024-12-31T00:00:00.000Z'));
    const d = run(code(590624), asks, expired);
    expect(errorIds(d)).toEqual(['preauth-client-cert-invalid']);
    expect(get(d, 'preauth-client-cert-invalid').plain).toMatch(/expired on 2024-12-31/);
  });
  it('a certificate for another computer: invalid', () => {
    const other = patch('machineCertificates', (d) =>
      Object.assign(d.certificates[0]!, { subject: 'CN=OTHER.corp.contoso.com', dnsNames: ['OTHER.corp.contoso.com'] }),
    );
    expect(errorIds(run(code(590624), other))).toEqual(['preauth-client-cert-invalid']);
  });
  it('0x80090326: tls-handshake-failed, unless the missing client certificate explains it', () => {
    expect(errorIds(run(code(0x80090326)))).toEqual(['iphttps-tls-handshake-failed']);
    expect(errorIds(run(code(0x80090326), asks, noClientCert))).toEqual(['preauth-client-cert-missing']);
  });
  it('0x80090326 is a preauthentication cause only when the server asks AND the machine has no valid certificate', () => {
    const expired = patch('machineCertificates', (d) => (d.certificates[0]!.notAfter = '2024-12-31T00:00:00.000Z'));
    // The server was not seen asking: a load balancer or the cipher suites, whatever the machine's certificates.
    expect(errorIds(run(code(0x80090326), noClientCert))).toEqual(['iphttps-tls-handshake-failed']);
    expect(errorIds(run(code(0x80090326), expired))).toEqual(['iphttps-tls-handshake-failed']);
    // It asks, and the machine has a valid certificate: still the handshake, not a missing certificate.
    expect(errorIds(run(code(0x80090326), asks))).toEqual(['iphttps-tls-handshake-failed']);
    // It asks, and the only certificate is expired: the certificate.
    expect(errorIds(run(code(0x80090326), asks, expired))).toEqual(['preauth-client-cert-invalid']);
  });
  it('does not fire on a healthy machine whose server asks for certificates', () => {
    expect(errorIds(run(asks))).toEqual([]);
  });
});

describe('iphttps-unknown-error', () => {
  it('fires on 0x57 and on codes we do not know', () => {
    const d = run(code(0x57));
    expect(errorIds(d)).toEqual(['iphttps-unknown-error']);
    expect(get(d, 'iphttps-unknown-error').escalate).toBe(true);
    expect(errorIds(run(code(0x12345)))).toEqual(['iphttps-unknown-error']);
  });
  it('does not fire for codes another rule owns', () => {
    expect(errorIds(run(code(0x2af9))).includes('iphttps-unknown-error')).toBe(false);
  });
});

describe('Windows 7 location (netsh dnsclient show state)', () => {
  const at = (value: 'inside-corpnet' | 'outside-corpnet' | null, source: 'netsh' | 'none' = 'netsh') =>
    patch('daStatus', (d) => (d.location = { value, source, raw: value === 'inside-corpnet' ? 'Inside corporate network' : null }));
  it('inside: inside-corpnet from netsh, and the stateless chain evidence no longer speaks', () => {
    const d = run(win7, noState, at('inside-corpnet'), rootMissing, onCorpnet());
    expect(d.findings.map((f) => f.id)).toEqual(['inside-corpnet']);
    expect(get(d, 'inside-corpnet').evidence[0]).toMatchObject({ field: 'location.value', observed: 'inside-corpnet' });
    expect(d.status).toBe('healthy');
  });
  it('outside or unknown: not inside', () => {
    expect(run(win7, noState, at('outside-corpnet')).findings.map((f) => f.id)).not.toContain('inside-corpnet');
    expect(run(win7, noState, at(null)).findings.map((f) => f.id)).not.toContain('inside-corpnet');
  });
});

describe('netsh text the parser does not recognise', () => {
  it('makes a verdict that depends on it unknown, never healthy', () => {
    const unread = patch('isatap', (d) => (d.parse = { language: null, recognised: false, note: 'labels not recognised' }));
    // Everything else looks healthy: only the unread text stands between this host and "healthy".
    const d = run(manageOut, unread);
    expect(d.status).toBe('unknown');
    expect(run(manageOut).status).toBe('healthy');
    const recognised = patch('isatap', (d) => (d.parse = { language: 'de', recognised: true, note: null }));
    expect(run(manageOut, recognised).status).toBe('healthy');
  });
});
