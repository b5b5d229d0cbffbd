// The server's infrastructure causes (NLS exemption, NLS placement, the ISATAP name in DNS): one test per rule
// condition, the unknown evidence included.
import { describe, expect, it } from 'vitest';
import { get, run } from '../../../test-support/assertions';
import { daServer, failed, patch, type Mutator } from '../../../test-support/snapshotBuilder';
import { TREE, walk } from '../../tree';
import type { Diagnosis } from '../../finding';
import type { SectionData } from '../../diagnose/context';

type Infra = SectionData<'serverInfrastructure'>;
const ids = (d: Diagnosis) => d.findings.map((f) => f.id);
const at = (d: Diagnosis, answers: Record<string, string> = {}) => walk(TREE, { diagnosis: d, answers, fixResults: {} }).current.id;

const NLS = 'directaccess-nls.corp.contoso.com';
/** The base server's infrastructure: NLS on this server, its name exempt, the default block list, isatap unresolved. */
function healthyInfra(): Infra {
  return {
    nls: {
      source: 'Get-DANetworkLocationServer',
      location: 'DirectAccessServer',
      url: null,
      fqdn: NLS,
      fqdnSource: 'certificate',
      certificateThumbprint: '4E1C2B3A5D6F7081920A1B2C3D4E5F6071829304',
      certificate: {
        subject: 'CN=DirectAccess-NLS.corp.contoso.com',
        issuer: 'CN=Contoso Issuing CA',
        thumbprint: '4E1C2B3A5D6F7081920A1B2C3D4E5F6071829304',
        notBefore: '2025-06-01T00:00:00.000Z',
        notAfter: '2027-06-01T00:00:00.000Z',
        dnsNames: ['DirectAccess-NLS.corp.contoso.com'],
        selfSigned: false,
        crlUrls: [],
        ekus: ['1.3.6.1.5.5.7.3.1'],
        hasPrivateKey: true,
      },
    },
    nrpt: [
      { namespaces: ['.corp.contoso.com'], dnsServers: ['fd00:1234:5678:3333::1'] },
      { namespaces: [NLS], dnsServers: [] },
    ],
    globalQueryBlockList: { status: 'read', enable: true, list: ['wpad', 'isatap'] },
    isatapLookups: [
      {
        name: 'isatap.corp.contoso.com',
        purpose: 'generic',
        addresses: [],
        lookup: { outcome: 'nameError', errorId: 'DNS_ERROR_RCODE_NAME_ERROR', source: 'Resolve-DnsName' },
      },
    ],
  };
}
const infra =
  (f: (d: Infra) => void = () => {}): Mutator =>
  (s) => {
    const d = healthyInfra();
    f(d);
    s.sections.serverInfrastructure = { status: 'ok', ms: 30, data: d };
  };
/** Preauthentication on: the base server's info question about it does not end the path first. */
const preauthOn: Mutator = patch('server', (d) => {
  d.bindings = d.bindings.map((b) => ({ ...b, defaultFlags: 3, dsMapper: true, negotiateClientCertificate: true }));
});
/** The findings' ids on the base server with preauthentication on (so no question holds the path), changed by `m`. */
const found = (...m: Mutator[]) => ids(run(daServer, preauthOn, ...m));
const loadBalanced = patch('server', (d) => void (d.remoteAccess = d.remoteAccess && { ...d.remoteAccess, loadBalancing: 'Enabled' }));
const multisite = patch('server', (d) => void (d.remoteAccess = d.remoteAccess && { ...d.remoteAccess, entrypointName: 'Site-West' }));
const external = (d: Infra) => {
  d.nls = {
    ...d.nls!,
    location: 'ExternalServer',
    url: 'https://nls.corp.contoso.com/',
    fqdn: 'nls.corp.contoso.com',
    fqdnSource: 'url',
    certificate: null,
    certificateThumbprint: null,
  };
  d.nrpt = [
    { namespaces: ['.corp.contoso.com'], dnsServers: ['fd00:1234:5678:3333::1'] },
    { namespaces: ['nls.corp.contoso.com'], dnsServers: [] },
  ];
};
const resolves = (d: Infra) => {
  d.isatapLookups = [
    { name: 'isatap.corp.contoso.com', purpose: 'generic', addresses: ['10.0.0.5'], lookup: { outcome: 'answered', errorId: null, source: 'Resolve-DnsName' } },
  ];
};

describe('the infrastructure of a healthy server', () => {
  it('an external NLS with its exemption, the default block list, isatap unresolved: nothing found, working', () => {
    const d = run(daServer, preauthOn, infra(external));
    expect(d.findings).toEqual([]);
    expect(at(d)).toBe('working');
  });
  it('a failed infrastructure probe is never called working: unknown, the server not fully checked', () => {
    const d = run(daServer, preauthOn, failed('serverInfrastructure'));
    expect(d.status).toBe('unknown');
    expect(at(d)).toBe('server-not-checked');
  });
});

describe('server-nls-not-exempt', () => {
  it('the NLS name falls under a suffix rule with DirectAccess DNS servers and has no exemption: error, escalate with the command', () => {
    const d = run(
      daServer,
      preauthOn,
      infra((x) => (x.nrpt = [{ namespaces: ['.corp.contoso.com'], dnsServers: ['fd00:1234:5678:3333::1'] }])),
    );
    const f = get(d, 'server-nls-not-exempt');
    expect(f.severity).toBe('error');
    expect(f.escalate).toBe(true);
    expect(f.commands).toContain(`Add-DAClientDnsConfiguration -DnsSuffix ${NLS}`);
    expect(f.adminAction).toMatch(/Add-DAClientDnsConfiguration -DnsSuffix directaccess-nls\.corp\.contoso\.com/);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'serverInfrastructure', field: 'nls.fqdn', observed: NLS }));
    expect(at(d)).toBe('escalate-server-nls-exempt');
  });
  it('the force-tunnelling rule "." captures it too', () => {
    const d = run(
      daServer,
      preauthOn,
      infra((x) => (x.nrpt = [{ namespaces: ['.'], dnsServers: ['fd00:1234:5678:3333::1'] }])),
    );
    expect(ids(d)).toContain('server-nls-not-exempt');
  });
  it('an exemption (a rule for the name without DNS servers), or no rule at all for the name: no finding', () => {
    expect(found(infra())).not.toContain('server-nls-not-exempt');
    expect(found(infra((x) => (x.nrpt = [{ namespaces: ['.fabrikam.com'], dnsServers: ['fd00::1'] }])))).not.toContain('server-nls-not-exempt');
  });
  it('an exemption for a different name does not count', () => {
    const other = infra((x) => {
      x.nrpt = [
        { namespaces: ['.corp.contoso.com'], dnsServers: ['fd00:1234:5678:3333::1'] },
        { namespaces: ['nls.corp.contoso.com'], dnsServers: [] },
      ];
    });
    expect(found(other)).toContain('server-nls-not-exempt');
  });
  it('unknown evidence concludes nothing: no NLS name, or the NRPT not read', () => {
    expect(found(infra((x) => (x.nls = { ...x.nls!, fqdn: null, fqdnSource: null })))).not.toContain('server-nls-not-exempt');
    expect(found(infra((x) => (x.nrpt = null)))).not.toContain('server-nls-not-exempt');
    expect(found(infra((x) => (x.nls = null)))).not.toContain('server-nls-not-exempt');
  });
});

describe('server-nls-on-da-server', () => {
  it('NLS on the only DirectAccess server: info, the status stays healthy, the path ends working with the step shown', () => {
    const d = run(daServer, preauthOn, infra());
    const f = get(d, 'server-nls-on-da-server');
    expect(f.severity).toBe('info');
    expect(f.escalate).toBe(false);
    expect(d.status).toBe('healthy');
    expect(f.plain).toMatch(/supported setup/);
    expect(f.technical).toMatch(/valid to 2027-06-01/);
    expect(f.technical).toMatch(/cannot be tested from here/);
    expect(at(d)).toBe('working');
  });
  it('an expired NLS certificate is named', () => {
    const d = run(
      daServer,
      preauthOn,
      patch('clock', (c) => (c.utcNow = '2026-03-10T09:00:00.000Z')),
      infra((x) => (x.nls!.certificate!.notAfter = '2025-12-01T00:00:00.000Z')),
    );
    expect(get(d, 'server-nls-on-da-server').technical).toMatch(/expired on 2025-12-01/);
  });
  it('not given with load balancing or multisite (the NLS is on every node), nor with an external NLS', () => {
    expect(found(loadBalanced, infra())).not.toContain('server-nls-on-da-server');
    expect(found(multisite, infra())).not.toContain('server-nls-on-da-server');
    expect(found(infra(external))).not.toContain('server-nls-on-da-server');
  });
  it('unknown evidence concludes nothing: the location unknown, Get-RemoteAccess not answered', () => {
    expect(found(infra((x) => (x.nls = { ...x.nls!, location: null })))).not.toContain('server-nls-on-da-server');
    expect(found(infra((x) => (x.nls = { ...x.nls!, location: 'Somewhere' })))).not.toContain('server-nls-on-da-server');
    const noRa = patch('server', (d) => void (d.remoteAccess = null));
    expect(found(noRa, infra())).not.toContain('server-nls-on-da-server');
  });
});

describe('server-isatap-global-dns', () => {
  it('isatap resolves: warning, escalate, never advises taking isatap off the block list', () => {
    const d = run(
      daServer,
      preauthOn,
      infra((x) => (external(x), resolves(x))),
    );
    const f = get(d, 'server-isatap-global-dns');
    expect(f.severity).toBe('warning');
    expect(f.escalate).toBe(true);
    expect(f.technical).toMatch(/isatap\.corp\.contoso\.com resolves to 10\.0\.0\.5/);
    expect(f.adminAction).toMatch(/targeted/);
    expect(f.adminAction).toMatch(/Never take isatap off the block list/);
    expect(f.adminAction).not.toMatch(/-List wpad(?!,isatap)\b/);
    expect(at(d)).toBe('escalate-server-isatap-dns');
  });
  it('the block list without isatap, or switched off: warning even when the name does not resolve now', () => {
    const noIsatap = run(
      daServer,
      preauthOn,
      infra((x) => (external(x), (x.globalQueryBlockList.list = ['wpad']))),
    );
    expect(get(noIsatap, 'server-isatap-global-dns').evidence).toContainEqual(
      expect.objectContaining({ field: 'globalQueryBlockList.list', observed: ['wpad'], expected: 'contains isatap' }),
    );
    const off = run(
      daServer,
      preauthOn,
      infra((x) => (external(x), (x.globalQueryBlockList.enable = false))),
    );
    expect(get(off, 'server-isatap-global-dns').evidence).toContainEqual(expect.objectContaining({ field: 'globalQueryBlockList.enable', observed: false }));
  });
  it('the block list is matched without regard to case', () => {
    expect(found(infra((x) => (external(x), (x.globalQueryBlockList.list = ['WPAD', 'ISATAP']))))).not.toContain('server-isatap-global-dns');
  });
  it('without the DnsServer cmdlets the block list is "not checked", never fine: nothing when isatap does not resolve, said when it does', () => {
    const none = (x: Infra) => (x.globalQueryBlockList = { status: 'noCmdlet', enable: null, list: [] });
    expect(found(infra((x) => (external(x), none(x))))).not.toContain('server-isatap-global-dns');
    const f = get(
      run(
        daServer,
        preauthOn,
        infra((x) => (external(x), none(x), resolves(x))),
      ),
      'server-isatap-global-dns',
    );
    expect(f.technical).toMatch(/not checked: the DnsServer cmdlets are not on this server/);
    expect(f.evidence).toContainEqual(expect.objectContaining({ field: 'globalQueryBlockList.status', observed: 'noCmdlet' }));
    const failedList = (x: Infra) => (x.globalQueryBlockList = { status: 'failed', enable: null, list: [] });
    expect(
      get(
        run(
          daServer,
          preauthOn,
          infra((x) => (external(x), failedList(x), resolves(x))),
        ),
        'server-isatap-global-dns',
      ).technical,
    ).toMatch(/not checked: Get-DnsServerGlobalQueryBlockList did not answer/);
  });
  it('a lookup that timed out concludes nothing', () => {
    const timedOut = (x: Infra) => {
      x.isatapLookups = [
        { name: 'isatap.corp.contoso.com', purpose: 'generic', addresses: [], lookup: { outcome: 'timedOut', errorId: null, source: 'system' } },
      ];
      x.globalQueryBlockList = { status: 'noCmdlet', enable: null, list: [] };
    };
    expect(found(infra((x) => (external(x), timedOut(x))))).not.toContain('server-isatap-global-dns');
  });
  it('a targeted router name resolving is no finding', () => {
    const targeted = (x: Infra) =>
      x.isatapLookups.push({
        name: 'isatap-da.corp.contoso.com',
        purpose: 'router',
        addresses: ['10.0.0.5'],
        lookup: { outcome: 'answered', errorId: null, source: 'Resolve-DnsName' },
      });
    expect(found(infra((x) => (external(x), targeted(x))))).not.toContain('server-isatap-global-dns');
  });
  it('an error of the chain is shown before the warning: the path ends at the error', () => {
    const d = run(
      daServer,
      preauthOn,
      infra((x) => {
        resolves(x);
        x.nrpt = [{ namespaces: ['.corp.contoso.com'], dnsServers: ['fd00:1234:5678:3333::1'] }];
      }),
    );
    expect(ids(d)).toEqual(expect.arrayContaining(['server-nls-not-exempt', 'server-isatap-global-dns', 'server-nls-on-da-server']));
    expect(at(d)).toBe('escalate-server-nls-exempt');
  });
});
