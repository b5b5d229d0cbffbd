/**
 * Evidence named as Windows names it: for each snapshot section and field a cause uses as evidence, the command a
 * technician runs to see the same thing on the machine and the property (or registry value) it shows. Read from the
 * probes in assets/ps/probes/ (Windows 8 and later; the Windows 7 netsh fallbacks show the same values). The evidence
 * keeps its internal `probe`/`field` (contract §3); this is only how people see it named.
 */
import type { Evidence } from './finding';

/** Where a technician sees one piece of evidence. */
export interface EvidenceSource {
  /** The command (or registry key, or what the probe did) to run or open. */
  command: string;
  /** The property, column or registry value in what it shows; absent when the whole output is the evidence. */
  property?: string;
}

const TCPIP6 = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters';
const NCA_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\NetworkConnectivityAssistant';
const SYSTEM_PROXY = 'HKU\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
const USER_PROXY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
const PROXY_MGR = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\iphlpsvc\\Parameters\\ProxyMgr';
// The server certificate comes from the probe's own TLS handshake (SslStream + X509Chain): no cmdlet shows it, so the
// name says what was done; a technician repeats it with `certutil -verify -urlfetch` on the exported certificate.
const TLS = 'TLS handshake with the IP-HTTPS ServerURL';
const CHAIN = 'X509Chain of the server certificate';
const OS = 'Get-CimInstance Win32_OperatingSystem';
const FIREWALL = 'Get-NetFirewallProfile -PolicyStore ActiveStore';
const FIREWALL_LOCAL = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy';
const FIREWALL_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall';
const NCSI_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\NetworkConnectivityStatusIndicator\\CorporateConnectivity';
// The tool's own HTTPS request to the network location server (knowledge H.2): named for what was done, as TLS above.
const NLS = 'HTTPS request to the network location server URL';
const V6_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition';

const RASMAN = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan';
const NRPT_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\DNSClient\\DnsPolicyConfig';
const SSL_BINDING = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\HTTP\\Parameters\\SslBindingInfo\\0.0.0.0:443';
const SSLCERT = 'netsh http show sslcert ipport=0.0.0.0:443';

const src = (command: string, property?: string): EvidenceSource => (property === undefined ? { command } : { command, property });
const firewallProfile = (key: string, name: string, localKey: string) => ({
  [`firewall.${key}.enabled`]: src(`${FIREWALL} -Name ${name}`, 'Enabled'),
  [`firewall.${key}.local`]: src(`${FIREWALL_LOCAL}\\${localKey}`, 'EnableFirewall'),
  [`firewall.${key}.policy`]: src(`${FIREWALL_POLICY}\\${name}Profile`, 'EnableFirewall'),
});
// How a name lookup ended (assets/ps/probes/NameLookup.ps1): the system resolver, bounded by the network timeout,
// decides "answered" or "timed out"; only for a name that answered without an address does Resolve-DnsName say why
// (its error id). A technician repeats the lookup with Resolve-DnsName.
const lookup = (name: string) =>
  src(
    `Lookup of ${name}: system resolver (.NET Dns), then Resolve-DnsName when no address came back`,
    'answer or time-out; else the error id (FullyQualifiedErrorId)',
  );
const service = (name: string) => ({
  [`services.${name}.status`]: src(`Get-Service ${name}`, 'Status'),
  [`services.${name}.startType`]: src(`Get-Service ${name}`, 'StartType'),
});

/** Keyed by `section.field` with list indices and keys written `[]` (see `sourceKey`). */
const SOURCES: Readonly<Record<string, EvidenceSource>> = {
  'ipHttps.state': src('Get-NetIPHttpsState'),
  'ipHttps.state.lastErrorCode': src('Get-NetIPHttpsState', 'LastErrorCode'),
  'ipHttps.state.interfaceStatus': src('Get-NetIPHttpsState', 'InterfaceStatus'),
  'ipHttps.configuration.serverUrl': src('Get-NetIPHttpsConfiguration', 'ServerURL'),
  'daStatus.connection': src('Get-DAConnectionStatus'),
  'daStatus.connection.status': src('Get-DAConnectionStatus', 'Status'),
  'daStatus.location.value': src('Get-DAConnectionStatus', 'Status'),
  'daStatus.policyApplied': src(`${NCA_POLICY} (key present)`),
  'isatap.configuration.state': src('Get-NetIsatapConfiguration', 'State'),
  'isatap.configuration.router': src('Get-NetIsatapConfiguration', 'Router'),
  'isatap.router.addresses': src('Resolve-DnsName (the ISATAP router name)', 'IPAddress'),
  'isatap.genericName.addresses': src('Resolve-DnsName isatap', 'IPAddress'),
  'isatap.interfaces': src("Get-NetIPAddress -AddressFamily IPv6 | Where-Object InterfaceAlias -like 'isatap*'"),
  'isatap.interfaces[].addresses': src("Get-NetIPAddress -AddressFamily IPv6 | Where-Object InterfaceAlias -like 'isatap*'", 'IPAddress'),
  'os.build': src(OS, 'BuildNumber'),
  'os.caption': src(OS, 'Caption'),
  'os.sku': src(OS, 'OperatingSystemSKU'),
  'proxy.winHttp': src('netsh winhttp show proxy'),
  'proxy.winHttp.proxyServer': src('netsh winhttp show proxy', 'Proxy Server(s)'),
  'proxy.system': src(SYSTEM_PROXY),
  'proxy.system.proxyServer': src(SYSTEM_PROXY, 'ProxyServer'),
  'proxy.user': src(USER_PROXY),
  'proxy.user.proxyServer': src(USER_PROXY, 'ProxyServer'),
  'proxy.user.autoConfigUrl': src(USER_PROXY, 'AutoConfigURL'),
  'proxy.proxyMgr': src(PROXY_MGR),
  'proxy.proxyMgr[].staticProxy': src(`${PROXY_MGR}\\(subkey)`, 'StaticProxy'),
  'reachability.addresses': src('Resolve-DnsName (the ServerURL host)', 'IPAddress'),
  'reachability.tcp': src('Test-NetConnection (the ServerURL host) -Port 443', 'TcpTestSucceeded'),
  'serverCertificate.handshake': src(TLS, 'result'),
  'serverCertificate.clientCertificateRequested': src(TLS, 'client certificate requested'),
  'serverCertificate.serverDate': src(`${TLS}: HTTP response`, 'Date'),
  'serverCertificate.notAfter': src(`${TLS}: server certificate`, 'NotAfter'),
  'serverCertificate.notBefore': src(`${TLS}: server certificate`, 'NotBefore'),
  'serverCertificate.chain[]': src(`${TLS}: certificate chain`),
  'serverCertificate.chain[].notAfter': src(`${TLS}: certificate chain`, 'NotAfter'),
  'serverCertificate.chain[].dnsNames': src(`${TLS}: server certificate`, 'Subject Alternative Name'),
  'serverCertificate.chain[].crlUrls': src(`${TLS}: certificate chain`, 'CRL Distribution Points'),
  'serverCertificate.chain root thumbprint': src(`${TLS}: chain root`, 'Thumbprint'),
  'serverCertificate.chainStatus': src(CHAIN, 'ChainStatus'),
  'serverCertificate.chainStatusOnline': src(`${CHAIN} (revocation checked online)`, 'ChainStatus'),
  'trustStores.root': src('Get-ChildItem Cert:\\LocalMachine\\Root'),
  'trustStores.intermediate': src('Get-ChildItem Cert:\\LocalMachine\\CA'),
  'machineCertificates.certificates': src('Get-ChildItem Cert:\\LocalMachine\\My'),
  'machineCertificates.certificates[].notAfter': src('Get-ChildItem Cert:\\LocalMachine\\My', 'NotAfter'),
  'ipv6.disabledComponents': src(TCPIP6, 'DisabledComponents'),
  'teredo.sixToFour.state': src('Get-Net6to4Configuration', 'State'),
  'teredo.sixToFour.policyState': src(V6_POLICY, '6to4_State'),
  'teredo.sixToFour.ipv4Addresses': src('Get-NetIPAddress -AddressFamily IPv4', 'IPAddress'),
  'teredo.sixToFour.addresses': src("Get-NetIPAddress -AddressFamily IPv6 | Where-Object IPAddress -like '2002:*'", 'IPAddress'),
  'nrpt.rules': src('Get-DnsClientNrptPolicy -Effective'),
  'nrpt.policyRules': src(`${NRPT_POLICY}\\(subkey)`, 'DirectAccessDNSServers'),
  'nrpt.insideCorpnetNote': src('netsh namespace show effectivepolicy', 'Note: DirectAccess settings would be turned off…'),
  'reachability.lookup.outcome': lookup('the ServerURL host'),
  'isatap.router.lookup.outcome': lookup('the ISATAP router name'),
  'coexistence.deviceTunnel.profileName': src(`${RASMAN}\\DeviceTunnel`, 'AutoTriggerProfileEntryName'),
  'coexistence.deviceTunnel.connected': src('Get-VpnConnection -AllUserConnection', 'ConnectionStatus'),
  'coexistence.userTunnel.profileName': src(`${RASMAN}\\Config`, 'AutoTriggerProfileEntryName'),
  'coexistence.userTunnel.connected': src('Get-VpnConnection', 'ConnectionStatus'),
  'coexistence.vpnProfiles': src('Get-VpnConnection; Get-VpnConnection -AllUserConnection'),
  'coexistence.globalSecureAccess.services': src('Get-Service GlobalSecureAccess*', 'Status'),
  'coexistence.globalSecureAccess.installFolder': src('Test-Path "$env:ProgramFiles\\Global Secure Access Client"'),
  'coexistence.unread': src('Get-VpnConnection -AllUserConnection (elevated)'),
  'clock.utcNow': src('(Get-Date).ToUniversalTime()'),
  ...service('iphlpsvc'),
  ...service('NcaSvc'),
  ...service('IKEEXT'),
  ...service('PolicyAgent'),
  ...service('BFE'),
  ...service('MpsSvc'),
  'location.nlsUrl': src('Get-NCSIPolicyConfiguration', 'DomainLocationDeterminationURL'),
  'location.policyUrl': src(NCSI_POLICY, 'DomainLocationDeterminationUrl'),
  'location.connectionProfiles': src('Get-NetConnectionProfile', 'NetworkCategory'),
  'location.firewallCurrentProfileTypes': src('(New-Object -ComObject HNetCfg.FwPolicy2).CurrentProfileTypes'),
  'location.nls.addresses': src('Resolve-DnsName (the network location server host)', 'IPAddress'),
  'location.nls.tcp': src('Test-NetConnection (the network location server host) -Port 443', 'TcpTestSucceeded'),
  'location.nls.handshake': src(NLS, 'TLS handshake'),
  'location.nls.chainStatus': src(`${NLS}: X509Chain`, 'ChainStatus'),
  'location.nls.chainStatusOnline': src(`${NLS}: X509Chain (revocation checked online)`, 'ChainStatus'),
  'location.nls.chain[].notAfter': src(`${NLS}: certificate chain`, 'NotAfter'),
  'location.nls.httpStatus': src(NLS, 'HTTP status'),
  ...firewallProfile('domain', 'Domain', 'DomainProfile'),
  ...firewallProfile('private', 'Private', 'StandardProfile'),
  ...firewallProfile('public', 'Public', 'PublicProfile'),
  'daStatus.connection.substatus': src('Get-DAConnectionStatus', 'Substatus'),
  'ipsec.dtes': src(`${NCA_POLICY}\\DTEs`, 'PING:<address>'),
  'ipsec.rules.items': src(
    "Get-NetIPsecRule -PolicyStore ActiveStore | Where-Object DisplayName -like 'DirectAccess Policy*'",
    'DisplayName, Enabled, Profile',
  ),
  'ipsec.authSets.items': src('Get-NetIPsecPhase1AuthSet -PolicyStore ActiveStore', 'Proposal'),
  'ipsec.mainModeSas.items': src('Get-NetIPsecMainModeSA', 'RemoteEndpoint'),
  'ipsec.mainModeSas.readable': src('Get-NetIPsecMainModeSA (elevated)'),
  'ipsec.quickModeSaCount': src('Get-NetIPsecQuickModeSA'),
  'server.remoteAccess.daStatus': src('Get-RemoteAccess', 'DAStatus'),
  'server.remoteAccess.connectToAddress': src('Get-RemoteAccess', 'ConnectToAddress'),
  'server.remoteAccess.loadBalancing': src('Get-RemoteAccess', 'LoadBalancing'),
  'server.remoteAccess.entrypointName': src('Get-RemoteAccess', 'EntrypointName'),
  'server.remoteAccess.forceTunnel': src('Get-RemoteAccess', 'ForceTunnel'),
  'server.remoteAccess.internalIPv6Prefix': src('Get-RemoteAccess', 'InternalIPv6Prefix'),
  'server.otpStatus': src('Get-DAOtpAuthentication', 'OtpStatus'),
  'server.bindings[].certificateHash': src(SSLCERT, 'Certificate Hash'),
  'server.bindings[].appId': src(SSLCERT, 'Application ID'),
  'server.bindings[].negotiateClientCertificate': src(SSLCERT, 'Negotiate Client Certificate'),
  'server.bindings[].dsMapper': src(SSLCERT, 'DS Mapper Usage'),
  'server.bindings[].defaultFlags': src(SSL_BINDING, 'DefaultFlags'),
  'server.certificate.notAfter': src('(Get-RemoteAccess).SslCertificate', 'NotAfter'),
  'server.certificate.subject': src('(Get-RemoteAccess).SslCertificate', 'Subject'),
  'server.certificate.ekus': src('(Get-RemoteAccess).SslCertificate', 'EnhancedKeyUsageList'),
  'server.certificate.hasPrivateKey': src('(Get-RemoteAccess).SslCertificate', 'HasPrivateKey'),
  'server.certificate.dnsNames': src('(Get-RemoteAccess).SslCertificate', 'DnsNameList'),
  'server.certificate.selfSigned': src('(Get-RemoteAccess).SslCertificate', 'Subject, Issuer'),
  'server.isatap.interfaces[].forwarding': src('Get-NetIPInterface -AddressFamily IPv6 -InterfaceAlias isatap*', 'Forwarding'),
  'server.isatap.interfaces[].advertising': src('Get-NetIPInterface -AddressFamily IPv6 -InterfaceAlias isatap*', 'Advertising'),
  'server.isatap.routes[].publish': src('Get-NetRoute -AddressFamily IPv6', 'Publish'),
  'server.isatap.routes': src('Get-NetRoute -AddressFamily IPv6 -DestinationPrefix (Get-RemoteAccess).InternalIPv6Prefix', 'Publish'),
  'serverInfrastructure.nls.fqdn': src('Get-DANetworkLocationServer', 'Url (with the NLS on this server: its Certificate subject)'),
  'serverInfrastructure.nls.location': src('Get-DANetworkLocationServer', 'NlsLocation'),
  'serverInfrastructure.nls.certificate.notAfter': src('(Get-DANetworkLocationServer).Certificate', 'NotAfter'),
  'serverInfrastructure.nrpt': src('(Get-DAClientDnsConfiguration).NrptEntry', 'Namespace, DirectAccessDnsServers'),
  'serverInfrastructure.globalQueryBlockList.enable': src('Get-DnsServerGlobalQueryBlockList', 'Enable'),
  'serverInfrastructure.globalQueryBlockList.list': src('Get-DnsServerGlobalQueryBlockList', 'List'),
  'serverInfrastructure.globalQueryBlockList.status': src('Get-DnsServerGlobalQueryBlockList'),
  'serverInfrastructure.isatapLookups[].addresses': src('Resolve-DnsName isatap', 'IPAddress'),
};

/** `chain[2].notAfter` → `chain[].notAfter`, `proxyMgr[{…}].staticProxy` → `proxyMgr[].staticProxy`. */
export function sourceKey(e: Pick<Evidence, 'probe' | 'field'>): string {
  return `${e.probe}.${e.field.replace(/\[[^\]]*\]/g, '[]')}`;
}

/** Where Windows shows this evidence, or null for a field nobody named yet (a test fails on it). */
export function evidenceSource(e: Pick<Evidence, 'probe' | 'field'>): EvidenceSource | null {
  return SOURCES[sourceKey(e)] ?? null;
}

/** One line for people: `Get-NetIPHttpsState · LastErrorCode`; the internal path when unnamed (never blank). */
export function evidenceName(e: Pick<Evidence, 'probe' | 'field'>): string {
  const s = evidenceSource(e);
  if (!s) return `${e.probe}.${e.field}`;
  return s.property ? `${s.command} · ${s.property}` : s.command;
}
