/**
 * Test-only snapshot builder: a healthy Windows 10 Enterprise DirectAccess client outside the office (every section
 * ok), plus typed mutators for the scenarios of scenarios.md. Not used by production code.
 */
import { snapshotSchema, type CertInfo, type SectionName, type Snapshot } from '../src-shared/snapshot';
import type { OrgConfig } from '../src-shared/orgConfig';
import type { SectionData } from '../src-shared/diagnose/context';

export const NOW = '2025-03-10T09:00:00.000Z';
export const ROOT_THUMB = 'AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12';
export const ISSUING_THUMB = '1122334455667788990011223344556677889900';
export const LEAF_THUMB = 'FFEEDDCCBBAA99887766554433221100FFEEDDCC';
export const CRL_URL = 'http://pki.contoso.com/crl/ContosoIssuing.crl';

/** The network location server URL of the DirectAccess policy (knowledge B.7, H.2). */
export const NLS_URL = 'https://nls.corp.contoso.com/';
/** The tunnel endpoints of the test client. */
export const DTES = ['fd00:1234:5678:1000::1', 'fd00:1234:5678:1000::2'];

/** IPsec of a connected client: the DirectAccess rules, computer-certificate authentication, one SA per DTE. */
export function ipsecHealthy() {
  const rule = (name: string, mode: string) => ({
    displayName: `DirectAccess Policy-${name}`,
    enabled: true,
    profiles: 'Private, Public',
    mode,
    phase1AuthSet: mode === 'Tunnel' ? `${name}-P1` : null,
  });
  const sa = (dte: string, i: number) => ({
    name: String(i + 1),
    localEndpoint: 'fd00:1234:5678:1000:5d3a:8e21:47c9:b2f6',
    remoteEndpoint: dte,
    toDte: true,
    localFirstId: 'LAPTOP-042.corp.contoso.com',
    firstAuth: 'MachineCert',
    remoteFirstId: 'da.contoso.com',
    localSecondId: null,
    secondAuth: null,
  });
  return {
    elevated: true,
    dtes: [...DTES],
    rules: { readable: true, error: null, items: [rule('ClientToInfra', 'Tunnel'), rule('ClientToCorp', 'Tunnel'), rule('ClientToNlaExempt', 'Transport')] },
    authSets: {
      readable: true,
      error: null,
      items: ['ClientToInfra-P1', 'ClientToCorp-P1'].map((name) => ({ name, methods: [{ method: 'MachineCert', authority: 'CN=Contoso Root CA' }] })),
    },
    trigger: { name: 'directaccess-WebProbeHost.corp.contoso.com', answered: true },
    mainModeSas: { readable: true, error: null, items: DTES.map(sa) },
    quickModeSaCount: 2,
  };
}

/** A firewall profile switched on locally, no Group Policy setting (the Windows default). */
const fwOn = () => ({ enabled: true, local: true, policy: null });

/** A certificate description with sensible defaults. */
export function cert(p: Partial<CertInfo> & Pick<CertInfo, 'subject' | 'thumbprint'>): CertInfo {
  return {
    issuer: p.subject,
    notBefore: '2024-06-01T00:00:00.000Z',
    notAfter: '2026-06-01T00:00:00.000Z',
    dnsNames: [],
    selfSigned: false,
    crlUrls: [],
    ekus: [],
    ...p,
  };
}

/** The default server chain: CN=da.contoso.com ← CN=Contoso Issuing CA ← CN=Contoso Root CA. */
export function defaultChain(): CertInfo[] {
  return [
    cert({
      subject: 'CN=da.contoso.com',
      issuer: 'CN=Contoso Issuing CA',
      thumbprint: LEAF_THUMB,
      dnsNames: ['da.contoso.com'],
      crlUrls: [CRL_URL],
      ekus: ['1.3.6.1.5.5.7.3.1'],
    }),
    cert({
      subject: 'CN=Contoso Issuing CA',
      issuer: 'CN=Contoso Root CA',
      thumbprint: ISSUING_THUMB,
      crlUrls: ['http://pki.contoso.com/crl/ContosoRoot.crl'],
      notAfter: '2030-01-01T00:00:00.000Z',
    }),
    cert({
      subject: 'CN=Contoso Root CA',
      thumbprint: ROOT_THUMB,
      selfSigned: true,
      notBefore: '2020-01-01T00:00:00.000Z',
      notAfter: '2040-01-01T00:00:00.000Z',
    }),
  ];
}

function ok<T>(data: T, ms = 12) {
  return { status: 'ok' as const, ms, data };
}

/** The healthy Windows 10 22H2 Enterprise client of scenarios.md, unvalidated. */
export function healthyRaw(): Snapshot {
  return {
    schema: 'da-doctor/snapshot@1',
    machine: 'LAPTOP-042',
    collectedAt: NOW,
    collector: { version: '0.1.0', host: 'simulated' },
    org: null,
    sections: {
      os: ok({
        caption: 'Microsoft Windows 10 Enterprise',
        version: '10.0.19045',
        build: 19045,
        sku: 4,
        productType: 1,
        computerName: 'LAPTOP-042',
        domain: 'corp.contoso.com',
        partOfDomain: true,
        fqdn: 'LAPTOP-042.corp.contoso.com',
        psVersion: '5.1.19041.5007',
      }),
      services: ok({
        iphlpsvc: { exists: true, status: 'Running', startType: 'Automatic' },
        NcaSvc: { exists: true, status: 'Running', startType: 'Manual' },
        w32time: { exists: true, status: 'Running', startType: 'Manual' },
        IKEEXT: { exists: true, status: 'Running', startType: 'Manual' },
        PolicyAgent: { exists: true, status: 'Running', startType: 'Manual' },
        BFE: { exists: true, status: 'Running', startType: 'Automatic' },
        MpsSvc: { exists: true, status: 'Running', startType: 'Automatic' },
      }),
      daStatus: ok({
        policyApplied: true,
        ipHttpsClientUrl: 'https://da.contoso.com:443/IPHTTPS',
        ncaConfigured: true,
        connection: { status: 'ConnectedRemotely', substatus: 'None' },
      }),
      ipHttps: ok({
        source: 'cmdlet',
        state: { lastErrorCode: 0, interfaceStatus: 'IPHTTPS interface active' },
        configuration: { serverUrl: 'https://da.contoso.com:443/IPHTTPS', state: 'Default', authMode: 'None' },
      }),
      reachability: ok({ host: 'da.contoso.com', port: 443, addresses: ['203.0.113.10'], tcp: 'succeeded' }),
      serverCertificate: ok({
        url: 'https://da.contoso.com:443/IPHTTPS',
        host: 'da.contoso.com',
        port: 443,
        handshake: 'succeeded',
        handshakeError: null,
        clientCertificateRequested: false,
        serverDate: '2025-03-10T09:00:30.000Z',
        chain: defaultChain(),
        chainStatus: [],
        chainStatusOnline: [],
        nameMatches: true,
      }),
      trustStores: ok({
        root: [{ subject: 'CN=Contoso Root CA', thumbprint: ROOT_THUMB, notAfter: '2040-01-01T00:00:00.000Z' }],
        intermediate: [{ subject: 'CN=Contoso Issuing CA', thumbprint: ISSUING_THUMB, notAfter: '2030-01-01T00:00:00.000Z' }],
      }),
      machineCertificates: ok({
        computerFqdn: 'LAPTOP-042.corp.contoso.com',
        certificates: [
          {
            ...cert({
              subject: 'CN=LAPTOP-042.corp.contoso.com',
              issuer: 'CN=Contoso Issuing CA',
              thumbprint: '0123456789ABCDEF0123456789ABCDEF01234567',
              dnsNames: ['LAPTOP-042.corp.contoso.com'],
              ekus: ['1.3.6.1.5.5.7.3.2'],
              hasPrivateKey: true,
            }),
            chainTrusted: true,
          },
        ],
      }),
      proxy: ok({
        winHttp: { direct: true, proxyServer: null, bypassList: null },
        system: { proxyEnable: false, proxyServer: null, autoConfigUrl: null },
        proxyMgr: [],
      }),
      nrpt: ok({
        source: 'cmdlet',
        rules: [
          { namespace: 'nls.corp.contoso.com', directAccessDnsServers: [], directAccessEnabled: true },
          { namespace: '.corp.contoso.com', directAccessDnsServers: ['fd00:1234:5678:1::3333:1'], directAccessEnabled: true },
        ],
      }),
      ipv6: ok({ disabledComponents: null }),
      isatap: ok({
        source: 'cmdlet',
        configuration: { state: 'Default', router: null, resolutionState: 'Default' },
        router: null,
        genericName: { name: 'isatap', addresses: [] },
        interfaces: [],
      }),
      teredo: ok({
        state: 'offline',
        type: 'enterpriseclient',
        error: null,
        sixToFour: {
          source: 'cmdlet',
          state: 'Default',
          relayName: '6to4.ipv6.microsoft.com',
          relayState: 'Default',
          policyState: null,
          ipv4Addresses: [{ alias: 'Wi-Fi', address: '192.168.1.23' }],
          addresses: [],
        },
      }),
      clock: ok({ utcNow: NOW }),
      firewall: ok({ domain: fwOn(), private: fwOn(), public: fwOn() }),
      location: ok({
        nlsUrl: NLS_URL,
        nlsUrlSource: 'ncsiPolicy',
        policyUrl: NLS_URL,
        ncsi: {
          domainLocationDeterminationUrl: NLS_URL,
          corporateDnsProbeHostName: null,
          corporateDnsProbeHostAddress: null,
          corporateWebsiteProbeUrl: null,
          corporateSitePrefixList: [],
          policyStore: 'ActiveStore',
        },
        nls: {
          host: 'nls.corp.contoso.com',
          port: 443,
          addresses: [],
          tcp: 'unresolved',
          handshake: 'notAttempted',
          handshakeError: null,
          httpStatus: null,
          chain: [],
          chainStatus: [],
          chainStatusOnline: [],
          nameMatches: null,
        },
        connectionProfiles: [{ name: 'HomeNet', interfaceAlias: 'Wi-Fi', networkCategory: 'Public', ipv4Connectivity: 'Internet' }],
        firewallCurrentProfileTypes: 4,
      }),
      ipsec: ok(ipsecHealthy()),
      coexistence: ok({
        deviceTunnel: null,
        userTunnel: null,
        vpnProfiles: [],
        globalSecureAccess: { services: [], installFolder: false },
        unread: [],
      }),
      server: { status: 'notApplicable', ms: 3, message: 'not a DirectAccess server' },
      serverInfrastructure: { status: 'notApplicable', ms: 3, message: 'not a DirectAccess server' },
    },
  };
}

/** A typed change to the snapshot. */
export type Mutator = (s: Snapshot) => void;

/** Build a snapshot: the healthy client with the mutators applied, validated by the real schema. */
export function buildSnapshot(...mutators: Mutator[]): Snapshot {
  const s = healthyRaw();
  for (const m of mutators) m(s);
  return snapshotSchema.parse(s);
}

/** The (non-null) data of a section, for mutators. */
export function data<K extends SectionName>(s: Snapshot, name: K): SectionData<K> {
  const d = s.sections[name].data;
  if (!d) throw new Error(`section ${name} has no data`);
  return d as SectionData<K>;
}

/** Change one section's data in place. */
export function patch<K extends SectionName>(name: K, f: (d: SectionData<K>, s: Snapshot) => void): Mutator {
  return (s) => f(data(s, name), s);
}

/** A probe that failed (error with message) or timed out: no data. */
export function failed(name: SectionName, status: 'error' | 'timedOut' | 'notApplicable' = 'error'): Mutator {
  return (s) => {
    s.sections[name] = {
      status,
      ms: status === 'timedOut' ? 30000 : 5,
      message: status === 'error' ? `${name} probe threw` : status === 'timedOut' ? `${name} probe timed out` : undefined,
      data: null,
    };
  };
}

/** IP-HTTPS failing with a code (uint32) and the usual status text. */
export function code(lastErrorCode: number, interfaceStatus = 'Failed to connect to the IPHTTPS server; waiting to reconnect'): Mutator {
  return patch('ipHttps', (d) => {
    d.state = { lastErrorCode, interfaceStatus };
  });
}

/** No IP-HTTPS state (Get-NetIPHttpsState returned nothing). */
export const noState: Mutator = patch('ipHttps', (d) => {
  d.state = null;
});

/**
 * Connection status as Get-DAConnectionStatus shows it (null: returned nothing). ConnectedLocally also turns the
 * DirectAccess NRPT rules off in the effective table, as Windows does inside (knowledge H.1; the simulated host does
 * the same); `staleNrpt` leaves them on.
 */
export function connection(status: string | null, substatus = 'None', staleNrpt = false): Mutator {
  return (s) => {
    data(s, 'daStatus').connection = status === null ? null : { status, substatus };
    const nrpt = s.sections.nrpt.data;
    if (status === 'ConnectedLocally' && !staleNrpt && nrpt) {
      for (const r of nrpt.rules) if (r.directAccessDnsServers.length > 0) r.directAccessEnabled = false;
    }
  };
}

/** The organisation configuration in effect. */
export function org(o: Partial<OrgConfig> = {}): Mutator {
  return (s) => {
    s.org = {
      schema: 'da-doctor/org@1',
      organisation: 'Contoso',
      pinnedRoots: [],
      pinnedIntermediates: [],
      preauthentication: false,
      otp: false,
      manageOutExpected: false,
      manageOutHosts: [],
      ...o,
    };
  };
}

/** Contoso Root CA missing from LocalMachine\Root and the chain reported untrusted. */
export const rootMissing: Mutator = (s) => {
  data(s, 'trustStores').root = [];
  data(s, 'serverCertificate').chainStatus = ['UntrustedRoot'];
};

/** Windows 7 Enterprise SP1 with PowerShell 2.0: netsh-sourced data, no NcaSvc, no Get-DAConnectionStatus. */
export const win7: Mutator = (s) => {
  Object.assign(data(s, 'os'), { caption: 'Microsoft Windows 7 Enterprise', version: '6.1.7601', build: 7601, sku: 4, psVersion: '2.0' });
  data(s, 'services')['NcaSvc'] = { exists: false, status: null, startType: null };
  data(s, 'daStatus').connection = null;
  data(s, 'ipHttps').source = 'netsh';
  data(s, 'ipHttps').configuration = { serverUrl: 'https://da.contoso.com:443/IPHTTPS', state: null, authMode: null };
  data(s, 'nrpt').source = 'netsh';
  data(s, 'isatap').source = 'netsh';
};

/**
 * A domain-joined Windows Server 2016 named `computerName` with no DirectAccess client policy: no client connection
 * and no NRPT rules (what the manage-out and DirectAccess server builders share).
 */
function windowsServer(s: Snapshot, computerName: string): void {
  Object.assign(data(s, 'os'), {
    caption: 'Microsoft Windows Server 2016 Standard',
    version: '10.0.14393',
    build: 14393,
    sku: 7,
    productType: 3,
    computerName,
    fqdn: `${computerName}.corp.contoso.com`,
  });
  s.machine = computerName;
  Object.assign(data(s, 'daStatus'), { policyApplied: false, ipHttpsClientUrl: null, ncaConfigured: false, connection: null });
  data(s, 'nrpt').rules = [];
}

/** A manage-out host (Windows Server 2016, no DirectAccess client policy) with a working targeted ISATAP. */
export const manageOut: Mutator = (s) => {
  windowsServer(s, 'MGMT-01');
  Object.assign(data(s, 'ipHttps'), { state: null, configuration: null });
  Object.assign(data(s, 'isatap'), {
    configuration: { state: 'Enabled', router: 'isatap-da.corp.contoso.com', resolutionState: 'Default' },
    router: { name: 'isatap-da.corp.contoso.com', addresses: ['10.0.0.5'] },
    interfaces: [{ alias: 'isatap.{5B1F0C3A-0000-4000-8000-000000000001}', addresses: ['fe80::5efe:10.0.1.20', 'fd00:1234:5678:1::5efe:10.0.1.20'] }],
  });
  data(s, 'machineCertificates').computerFqdn = 'MGMT-01.corp.contoso.com';
};

/**
 * On the corporate network as a real inside machine shows it (knowledge H.3 row 1): the wired network is
 * DomainAuthenticated, the firewall applies the Domain profile, and the network location server answers. Windows'
 * own verdict (ConnectedLocally / netsh) is set separately.
 */
export function onCorpnet(): Mutator {
  return patch('location', (d) => {
    d.connectionProfiles = [{ name: 'corp.contoso.com', interfaceAlias: 'Ethernet', networkCategory: 'DomainAuthenticated', ipv4Connectivity: 'Internet' }];
    d.firewallCurrentProfileTypes = 1;
    d.nls = { ...d.nls!, addresses: ['10.0.0.10'], tcp: 'succeeded', handshake: 'succeeded', httpStatus: 200, nameMatches: true };
  });
}
/** The IP-HTTPS certificate of the DirectAccess server builder, in LocalMachine\My. */
export const SERVER_CERT_THUMB = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D';

/**
 * A DirectAccess server (Windows Server 2016, Remote Access role with DirectAccess configured, single server): IP-HTTPS
 * binding with the DirectAccess application id and DS mapper, no client-certificate negotiation (the Windows
 * default), OTP disabled, a valid IP-HTTPS certificate for da.contoso.com, the ISATAP router forwarding and
 * advertising with the internal prefix published. No findings but server-preauth-disabled (info).
 */
export const daServer: Mutator = (s) => {
  windowsServer(s, 'DA-01');
  Object.assign(data(s, 'ipHttps'), {
    state: { lastErrorCode: 0, interfaceStatus: 'IPHTTPS interface active' },
    configuration: {
      serverUrl: 'https://da.contoso.com:443/IPHTTPS',
      state: 'Default',
      authMode: 'None',
      profile: null,
      profileActivated: null,
      source: 'cmdlet',
    },
    profiles: [
      { profile: null, serverUrl: 'https://da.contoso.com:443/IPHTTPS', profileActivated: null, type: 'Server', state: 'Default', policyStore: 'ActiveStore' },
    ],
  });
  s.sections.server = {
    status: 'ok',
    ms: 20,
    data: {
      remoteAccess: {
        daStatus: 'Installed',
        connectToAddress: 'da.contoso.com',
        loadBalancing: 'NotConfigured',
        forceTunnel: 'Disabled',
        entrypointName: null,
        internalInterface: 'Internal',
        internalIPv6Prefix: 'fd00:1234:5678:1::/64',
        nlsLocation: 'DirectAccessServer',
        nlsUrl: null,
        sslCertificateThumbprint: SERVER_CERT_THUMB,
      },
      otpStatus: 'Disabled',
      bindings: [
        {
          ipPort: '0.0.0.0:443',
          certificateHash: SERVER_CERT_THUMB,
          appId: '5d8e2743-ef20-4d38-8751-7e400f200e65',
          certStoreName: 'MY',
          defaultFlags: 1,
          dsMapper: true,
          negotiateClientCertificate: false,
        },
      ],
      certificate: cert({
        subject: 'CN=da.contoso.com',
        issuer: 'CN=Contoso Issuing CA',
        thumbprint: SERVER_CERT_THUMB,
        notBefore: '2024-06-01T00:00:00.000Z',
        notAfter: '2027-06-01T00:00:00.000Z',
        dnsNames: ['da.contoso.com'],
        ekus: ['1.3.6.1.5.5.7.3.1'],
        hasPrivateKey: true,
      }),
      isatap: {
        interfaces: [{ alias: 'isatap.{6C3E1B2A-0000-4000-8000-000000000002}', index: 14, forwarding: 'Enabled', advertising: 'Enabled' }],
        routes: [{ destinationPrefix: 'fd00:1234:5678:1::/64', index: 14, publish: 'Yes' }],
      },
    },
  };
};
