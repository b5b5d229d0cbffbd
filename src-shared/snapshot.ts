/**
 * The snapshot: what the collect stage hands to every later stage. It is the one contract between the PowerShell
 * probes (assets/ps) and the pure TypeScript diagnosis, and it is what a helpdesk imports from another machine.
 * Field names are the JSON the probes write; see assets/ps/BOUNDARY.md for where each value comes from.
 */
import { z } from 'zod';
import { orgConfigSchema } from './orgConfig';
import type { SectionName } from './sectionNames';

export { SECTION_NAMES, type SectionName } from './sectionNames';

/** Version tag of the snapshot format; a snapshot with another tag is refused, not guessed at. */
export const SNAPSHOT_SCHEMA = 'da-doctor/snapshot@1';

/** How one probe ended: its data is only trusted when `ok`. */
export const probeStatusSchema = z.enum(['ok', 'notApplicable', 'error', 'timedOut']);
export type ProbeStatus = z.infer<typeof probeStatusSchema>;

const iso = z.string().min(1); // ISO-8601 with offset, as `Get-Date -Format o` writes it
const nullableString = z.string().nullable();

/**
 * How a section read localised `netsh` text (present only when netsh was the source). `recognised: false` means the
 * text was in no known language or shape: the section's values from it are null and must be read as unknown, never
 * as healthy. `language` is the label set that matched (`en`, or `de` for the German labels we know).
 */
/** The location probe's value for "inside the corporate network". */
export const LOCATION_INSIDE = 'inside-corpnet' as const;

export const netshParseSchema = z.object({
  language: z.enum(['en', 'de']).nullable(),
  recognised: z.boolean(),
  note: nullableString,
});
export type NetshParse = z.infer<typeof netshParseSchema>;

/** One section as the probe wrapper writes it: its status, its duration and (when ok) its data. */
function section<T extends z.ZodType>(data: T) {
  return z.object({
    status: probeStatusSchema,
    ms: z.number().nonnegative(),
    message: z.string().optional(),
    data: data.nullable().optional(),
  });
}

/** A certificate as the probes describe it: enough to match thumbprints and explain validity and names. */
export const certInfoSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  thumbprint: z.string().regex(/^[0-9A-F]{40}$/),
  notBefore: iso,
  notAfter: iso,
  dnsNames: z.array(z.string()),
  selfSigned: z.boolean(),
  crlUrls: z.array(z.string()).default([]),
  ekus: z.array(z.string()).default([]),
  hasPrivateKey: z.boolean().optional(),
});
export type CertInfo = z.infer<typeof certInfoSchema>;

export const osSchema = z.object({
  caption: z.string(),
  version: z.string(),
  build: z.number().int(),
  sku: z.number().int(),
  /** 1 workstation, 2 domain controller, 3 server (Win32_OperatingSystem.ProductType). */
  productType: z.number().int(),
  computerName: z.string(),
  domain: nullableString,
  partOfDomain: z.boolean(),
  fqdn: z.string(),
  psVersion: z.string(),
});

export const serviceSchema = z.object({
  exists: z.boolean(),
  status: nullableString, // Running, Stopped, StartPending…
  startType: nullableString, // Automatic, Manual, Disabled
});
/** Keyed by service name (iphlpsvc, NcaSvc, w32time; IKEEXT, PolicyAgent, BFE, MpsSvc in newer snapshots). */
export const servicesSchema = z.record(z.string(), serviceSchema);

export const daStatusSchema = z.object({
  /** DirectAccess client policy present (IP-HTTPS client URL from Group Policy or NCA configuration). */
  policyApplied: z.boolean(),
  ipHttpsClientUrl: nullableString,
  ncaConfigured: z.boolean(),
  /** Get-DAConnectionStatus; null when it returned nothing or does not exist (Windows 7). */
  connection: z.object({ status: z.string(), substatus: z.string() }).nullable(),
  /**
   * Where the machine believes it is. `value` null = unknown. Sources: `ncaStatus` (Get-DAConnectionStatus enum names,
   * Windows 8+: ConnectedLocally = inside), `netsh` (`netsh dnsclient show state` "Machine Location", Windows 7).
   */
  location: z
    .object({
      value: z.enum([LOCATION_INSIDE, 'outside-corpnet']).nullable(),
      source: z.enum(['ncaStatus', 'netsh', 'none']),
      /** The text the value came from (the enum name or the netsh value), as read. */
      raw: nullableString,
      parse: netshParseSchema.optional(),
    })
    .optional(),
});

export const ipHttpsSchema = z.object({
  source: z.enum(['cmdlet', 'netsh']),
  /** null: Get-NetIPHttpsState returned nothing (not active, inside, or IP Helper stopped). */
  state: z
    .object({
      lastErrorCode: z.number().int().nonnegative(), // uint32
      interfaceStatus: z.string(),
    })
    .nullable(),
  configuration: z
    .object({
      serverUrl: nullableString,
      state: nullableString,
      authMode: nullableString,
      /** Which profile this is (multisite: one per entry point) and whether Windows marks it activated. */
      profile: nullableString.optional(),
      profileActivated: z.boolean().nullable().optional(),
      /** cmdlet, netsh, or registry (IPHTTPS_ClientUrl, when the configuration cmdlet failed). */
      source: z.enum(['cmdlet', 'netsh', 'registry']).optional(),
    })
    .nullable(),
  /** Every IP-HTTPS profile Get-NetIPHttpsConfiguration lists (multisite: one per entry point), in its order. */
  profiles: z
    .array(
      z.object({
        profile: nullableString,
        serverUrl: nullableString,
        profileActivated: z.boolean().nullable(),
        type: nullableString,
        state: nullableString,
        policyStore: nullableString,
      }),
    )
    .optional(),
  /** A cmdlet that threw while the section degraded to other sources: `Get-NetIPHttpsConfiguration: <message>`. */
  errors: z.array(z.string()).optional(),
  parse: netshParseSchema.optional(),
});

/**
 * How a DNS lookup ended (knowledge A.6/A.7): the system resolver (bounded) says answered or timed out; for a name
 * with no address, `Resolve-DnsName`'s result or its error id, which is not localised, says why:
 * `answered` (addresses), `nameError` ("no such name", NXDOMAIN: `DNS_ERROR_RCODE_NAME_ERROR`), `noRecords` (the name
 * exists but has no address record: `DNS_INFO_NO_RECORDS`, or only an SOA in the authority section), `timedOut` (no
 * DNS server answered: `ERROR_TIMEOUT`), `failed` (any other error, or Windows 7's resolver, which does not say why).
 */
export const dnsOutcomeSchema = z.enum(['answered', 'nameError', 'noRecords', 'timedOut', 'failed']);
export type DnsOutcome = z.infer<typeof dnsOutcomeSchema>;
/** The lookup behind a resolution: its outcome, the error id Windows gave (e.g. `ERROR_TIMEOUT`), and the resolver. */
export const dnsLookupSchema = z.object({
  outcome: dnsOutcomeSchema,
  errorId: nullableString,
  source: z.enum(['Resolve-DnsName', 'system']),
});
export type DnsLookup = z.infer<typeof dnsLookupSchema>;

export const reachabilitySchema = z.object({
  host: z.string(),
  port: z.number().int(),
  addresses: z.array(z.string()),
  /** How resolving `host` ended; absent in older snapshots (they only say whether addresses came back). */
  lookup: dnsLookupSchema.optional(),
  /** Outcome of a TCP connect to host:port. */
  tcp: z.enum(['succeeded', 'refused', 'timedOut', 'unresolved', 'error']),
});

export const serverCertificateSchema = z.object({
  url: z.string(),
  host: z.string(),
  port: z.number().int(),
  handshake: z.enum(['succeeded', 'failed', 'notAttempted']),
  handshakeError: nullableString,
  clientCertificateRequested: z.boolean(),
  /** The server's HTTP `Date` header, when it answered. */
  serverDate: iso.nullable(),
  /** Leaf first, root last, as the chain was built in machine context. */
  chain: z.array(certInfoSchema),
  /** X509ChainStatusFlags names with revocation checking off, and with online revocation checking. */
  chainStatus: z.array(z.string()),
  chainStatusOnline: z.array(z.string()),
  nameMatches: z.boolean().nullable(),
});

const storeCertSchema = z.object({ subject: z.string(), thumbprint: z.string(), notAfter: iso });
export const trustStoresSchema = z.object({
  root: z.array(storeCertSchema),
  intermediate: z.array(storeCertSchema),
});

export const machineCertificatesSchema = z.object({
  computerFqdn: z.string(),
  certificates: z.array(certInfoSchema.extend({ chainTrusted: z.boolean().nullable() })),
});

export const proxySchema = z.object({
  winHttp: z.object({
    direct: z.boolean(),
    proxyServer: nullableString,
    bypassList: nullableString,
    /**
     * Where the three fields above came from: the `WinHttpSettings` registry blob (locale-independent), or the netsh
     * text when the blob is missing or unreadable. With `parse.recognised` false nothing was read: unknown.
     */
    source: z.enum(['registry', 'netsh']).optional(),
    /** The blob's flags DWORD (offset 8): 0x1 always, 0x2 manual proxy, 0x4 auto-config URL, 0x8 auto-detect. */
    flags: z.number().int().nonnegative().nullable().optional(),
    autoConfigUrl: nullableString.optional(),
    autoDetect: z.boolean().nullable().optional(),
    parse: netshParseSchema.optional(),
  }),
  system: z.object({ proxyEnable: z.boolean(), proxyServer: nullableString, autoConfigUrl: nullableString }),
  proxyMgr: z.array(z.object({ key: z.string(), staticProxy: nullableString })),
  /**
   * The logged-on user's WinINET (browser) proxy, `Software\Microsoft\Windows\CurrentVersion\Internet Settings`.
   * Read from HKCU when the probe runs as that user (the app), from HKU\<SID> of the console user when it runs as
   * SYSTEM (the standalone collector); `readAs: none` when no user hive could be chosen (SYSTEM, nobody logged on).
   */
  user: z
    .object({
      readAs: z.enum(['currentUser', 'consoleUser', 'none']),
      /** The key read, e.g. `HKCU:\Software\…\Internet Settings` or `HKU:\S-1-5-21-…\Software\…`; null when none. */
      keyPath: nullableString,
      account: nullableString,
      sid: nullableString,
      keyExists: z.boolean(),
      /** ProxyEnable = 1 (a manual proxy is on); false when absent. */
      proxyEnable: z.boolean(),
      proxyServer: nullableString,
      /** The bypass list (`;`-separated, may hold `<local>`). */
      proxyOverride: nullableString,
      /** A PAC URL: may or may not send the DirectAccess name through a proxy (knowledge J.5). */
      autoConfigUrl: nullableString,
      /** "Automatically detect settings" (flag 0x8 of `Connections\DefaultConnectionSettings`); null when absent. */
      autoDetect: z.boolean().nullable(),
      note: nullableString,
    })
    .optional(),
});

export const nrptSchema = z.object({
  source: z.enum(['cmdlet', 'netsh']),
  rules: z.array(
    z.object({
      namespace: z.string(),
      directAccessDnsServers: z.array(z.string()),
      directAccessEnabled: z.boolean().nullable(),
    }),
  ),
  /**
   * The NRPT rules of Group Policy in the registry (`…\DNSClient\DnsPolicyConfig\<rule>`: `Name`,
   * `DirectAccessDNSServers`), locale-independent; the policy, not the effective table (inside corpnet Windows turns
   * DirectAccess rules off). Read on every machine; null when the key does not exist.
   */
  policyRules: z
    .array(z.object({ key: z.string(), namespaces: z.array(z.string()), directAccessDnsServers: z.array(z.string()) }))
    .nullable()
    .optional(),
  /** Windows 7 netsh printed "DirectAccess settings would be turned off when computer is inside corporate network". */
  insideCorpnetNote: z.boolean().optional(),
  parse: netshParseSchema.optional(),
});

export const ipv6Schema = z.object({ disabledComponents: z.number().int().nullable() });

const resolutionSchema = z.object({ name: z.string(), addresses: z.array(z.string()), lookup: dnsLookupSchema.optional() });
export const isatapSchema = z.object({
  source: z.enum(['cmdlet', 'netsh']),
  configuration: z.object({ state: z.string(), router: nullableString, resolutionState: nullableString }).nullable(),
  router: resolutionSchema.nullable(),
  genericName: resolutionSchema,
  interfaces: z.array(z.object({ alias: z.string(), addresses: z.array(z.string()) })),
  /**
   * Group Policy's ISATAP settings, `HKLM\SOFTWARE\Policies\Microsoft\Windows\TCPIP\v6Transition` `ISATAP_State`
   * and `ISATAP_RouterName` (locale-independent); null when the key does not exist, fields null when unset.
   */
  policy: z.object({ state: nullableString, router: nullableString }).nullable().optional(),
  parse: netshParseSchema.optional(),
});

/** 6to4 (knowledge K.3), carried by the Teredo section: the other tunnel a DirectAccess client tries before IP-HTTPS. */
export const sixToFourSchema = z.object({
  /** `Get-Net6to4Configuration` (Windows 8+) or `netsh interface 6to4 show state` (Windows 7). */
  source: z.enum(['cmdlet', 'netsh']),
  /** Default / Automatic / Enabled / Disabled; Default means off from Windows 10 1607 (build 14393) on. */
  state: nullableString,
  relayName: nullableString,
  relayState: nullableString,
  /** Group Policy's `6to4_State` under `HKLM\SOFTWARE\Policies\Microsoft\Windows\TCPIP\v6Transition`; null when unset. */
  policyState: nullableString,
  /** Every IPv4 address of the machine (`Get-NetIPAddress -AddressFamily IPv4`; empty on Windows 7). */
  ipv4Addresses: z.array(z.object({ alias: nullableString, address: z.string() })),
  /** The machine's 6to4 (`2002:`) IPv6 addresses. */
  addresses: z.array(z.object({ alias: nullableString, address: z.string() })),
});

export const teredoSchema = z.object({
  state: nullableString,
  type: nullableString,
  error: nullableString,
  /** 6to4; absent in older snapshots, null when Windows 7 netsh printed nothing. */
  sixToFour: sixToFourSchema.nullable().optional(),
  parse: netshParseSchema.optional(),
});

export const clockSchema = z.object({ utcNow: iso });

/**
 * One Windows Firewall profile, from the registry (locale-free, Windows 7 and later; knowledge I.5): `local` is
 * `EnableFirewall` under `HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\<Domain|Standard|Public>Profile`
 * (Standard = Private), `policy` the same value under `HKLM\SOFTWARE\Policies\Microsoft\WindowsFirewall\<Domain|Private|Public>Profile`
 * (Group Policy); null when unset. `enabled` is the effective state (policy wins over local; neither set = on, the
 * Windows default), what `Get-NetFirewallProfile -PolicyStore ActiveStore` shows as `Enabled`.
 */
export const firewallProfileSchema = z.object({
  enabled: z.boolean(),
  local: z.boolean().nullable(),
  policy: z.boolean().nullable(),
});
export const firewallSchema = z.object({
  domain: firewallProfileSchema,
  private: firewallProfileSchema,
  public: firewallProfileSchema,
});

/**
 * Where the machine is (knowledge H.2): the network location server (NLS) URL from the policy, the tool's own HTTPS
 * probe of it step by step, and the domain evidence (a domain controller answered: the Domain profile).
 */
export const locationSchema = z.object({
  /** The NLS URL in effect: `Get-NCSIPolicyConfiguration` DomainLocationDeterminationURL, else the policy registry. */
  nlsUrl: nullableString,
  nlsUrlSource: z.enum(['ncsiPolicy', 'registry']).nullable(),
  /** `HKLM\SOFTWARE\Policies\Microsoft\Windows\NetworkConnectivityStatusIndicator\CorporateConnectivity`
   * DomainLocationDeterminationUrl (any Windows; value name inferred from the policy name, knowledge H.2). */
  policyUrl: nullableString,
  /** `Get-NCSIPolicyConfiguration` (Windows 8+, knowledge B.7); null when the cmdlet is missing or returned nothing. */
  ncsi: z
    .object({
      domainLocationDeterminationUrl: nullableString,
      corporateDnsProbeHostName: nullableString,
      corporateDnsProbeHostAddress: nullableString,
      corporateWebsiteProbeUrl: nullableString,
      corporateSitePrefixList: z.array(z.string()),
      policyStore: nullableString,
    })
    .nullable(),
  /** The tool's probe of the NLS URL (H.2 last row); null when no URL is configured. */
  nls: z
    .object({
      host: z.string(),
      port: z.number().int(),
      /** The system resolver's answer (the NLS name is an NRPT exemption, so the interface's DNS servers answer). */
      addresses: z.array(z.string()),
      /** How resolving the NLS name ended (absent in older snapshots). */
      lookup: dnsLookupSchema.optional(),
      tcp: z.enum(['succeeded', 'refused', 'timedOut', 'unresolved', 'error']),
      handshake: z.enum(['succeeded', 'failed', 'notAttempted']),
      handshakeError: nullableString,
      /** Status code of a HEAD request for the URL's path over the TLS connection; null when none came back. */
      httpStatus: z.number().int().nullable(),
      chain: z.array(certInfoSchema),
      chainStatus: z.array(z.string()),
      chainStatusOnline: z.array(z.string()),
      nameMatches: z.boolean().nullable(),
    })
    .nullable(),
  /** `Get-NetConnectionProfile` (Windows 8+); null when the cmdlet is missing or failed. */
  connectionProfiles: z
    .array(
      z.object({
        name: nullableString,
        interfaceAlias: nullableString,
        /** Public, Private or DomainAuthenticated (enum names; a domain controller answered on this network). */
        networkCategory: nullableString,
        ipv4Connectivity: nullableString,
      }),
    )
    .nullable(),
  /** `HNetCfg.FwPolicy2.CurrentProfileTypes` (Vista+): 0x1 Domain, 0x2 Private, 0x4 Public; null when unread. */
  firewallCurrentProfileTypes: z.number().int().nonnegative().nullable(),
  /** Sources that threw while the section degraded to the others: `Get-NetConnectionProfile: <message>`. */
  errors: z.array(z.string()).optional(),
});

/** What one IPsec cmdlet gave: `readable` false when it failed (or, for SAs, when "none" cannot be believed). */
const ipsecList = <T extends z.ZodType>(item: T) => z.object({ readable: z.boolean(), error: nullableString, items: z.array(item) });

/**
 * IPsec after the transition tunnel (knowledge I.2-I.4), Windows 8 and later (NetSecurity cmdlets; Windows 7 is
 * notApplicable: the netsh advfirewall monitor text is not verified, Q.5). Every shape is assumed (Q.5).
 * `rules`: the connection security rules of the active store whose display name starts `DirectAccess Policy`.
 * `dtes`: the tunnel endpoints of the NCA policy (`PING:<IPv6>`). `authSets`: phase-1 auth sets, proposals by their
 * `AuthenticationMethod` enum name (MachineCert, MachineKerb, MachineNtlm…) and the CA a certificate proposal names.
 * `trigger`: the intranet probe host the probe resolved first so on-demand tunnels exist (I.3), null when the policy
 * names none. `mainModeSas`: Get-NetIPsecMainModeSA; `readable` false when it failed, or returned nothing to a process
 * that is not elevated (it may need an administrator: unknown, not "none"). `elevated`: the probe's process holds an
 * administrator token (null: unknown).
 */
export const ipsecSchema = z.object({
  elevated: z.boolean().nullable(),
  dtes: z.array(z.string()),
  rules: ipsecList(
    z.object({
      displayName: z.string(),
      enabled: z.boolean().nullable(),
      profiles: nullableString,
      mode: nullableString,
      phase1AuthSet: nullableString,
    }),
  ),
  authSets: ipsecList(
    z.object({
      name: nullableString,
      methods: z.array(z.object({ method: nullableString, authority: nullableString })),
    }),
  ),
  trigger: z.object({ name: z.string(), answered: z.boolean() }).nullable(),
  mainModeSas: ipsecList(
    z.object({
      name: nullableString,
      localEndpoint: nullableString,
      remoteEndpoint: nullableString,
      toDte: z.boolean(),
      localFirstId: nullableString,
      firstAuth: nullableString,
      remoteFirstId: nullableString,
      localSecondId: nullableString,
      secondAuth: nullableString,
    }),
  ),
  quickModeSaCount: z.number().int().nonnegative().nullable(),
});

/**
 * What else connects this machine to the organisation (knowledge N): the Always On VPN tunnels from the RasMan registry
 * keys (locale-free), the VPN profiles `Get-VpnConnection` lists where it answers unelevated, and the Global Secure
 * Access client of Entra Private Access (its services and install folder). `unread` says what could not be read.
 */
export const alwaysOnTunnelSchema = z.object({
  /** `AutoTriggerProfileEntryName`: the VPN profile Windows keeps connected. */
  profileName: z.string(),
  phonebookPath: nullableString,
  /** `Get-VpnConnection` ConnectionStatus of that profile is `Connected`; null when the profile could not be read. */
  connected: z.boolean().nullable(),
});
export const coexistenceSchema = z.object({
  /** `HKLM\SYSTEM\CurrentControlSet\Services\RasMan\DeviceTunnel`; null when no device tunnel is configured. */
  deviceTunnel: alwaysOnTunnelSchema.nullable(),
  /** `HKLM\SYSTEM\CurrentControlSet\Services\RasMan\Config` (the always-on user tunnel), with the user's SID. */
  userTunnel: alwaysOnTunnelSchema.extend({ userSid: nullableString }).nullable(),
  /** VPN profiles (`Get-VpnConnection`, and `-AllUserConnection`); null when the cmdlet does not exist (Windows 7). */
  vpnProfiles: z
    .array(
      z.object({
        name: z.string(),
        allUsers: z.boolean(),
        serverAddress: nullableString,
        tunnelType: nullableString,
        connectionStatus: nullableString,
      }),
    )
    .nullable(),
  /** The Global Secure Access client: the services of knowledge N that exist, and whether its install folder does. */
  globalSecureAccess: z.object({
    services: z.array(z.object({ name: z.string(), status: nullableString, startType: nullableString })),
    installFolder: z.boolean().nullable(),
  }),
  /** What could not be read, one line each (`Get-VpnConnection -AllUserConnection: Access is denied.`). */
  unread: z.array(z.string()),
});

/** The IP-HTTPS application id of DirectAccess in the HTTP.SYS binding (KB973982, knowledge D.2). */
export const DA_IPHTTPS_APP_ID = '5d8e2743-ef20-4d38-8751-7e400f200e65';

/**
 * One HTTP.SYS SSL binding from the registry, `HKLM\SYSTEM\CurrentControlSet\Services\HTTP\Parameters\SslBindingInfo\<ipPort>`
 * (locale-free, what `netsh http show sslcert ipport=<ipPort>` prints in localised words; knowledge D.3, B.10). Value
 * names `SslCertHash` (REG_BINARY), `AppId` (REG_BINARY GUID), `SslCertStoreName`, `DefaultFlags` (REG_DWORD) are an
 * assumption without a real capture (knowledge Q.5); the flag bits are http.h's HTTP_SERVICE_CONFIG_SSL_FLAG_*:
 * 0x1 USE_DS_MAPPER ("DS Mapper Usage"), 0x2 NEGOTIATE_CLIENT_CERT ("Negotiate Client Certificate").
 */
export const sslBindingSchema = z.object({
  ipPort: z.string(),
  /** Upper-case hex SHA-1 thumbprint, null when the value is missing. */
  certificateHash: nullableString,
  /** Lower-case GUID without braces, null when missing. */
  appId: nullableString,
  certStoreName: nullableString,
  defaultFlags: z.number().int().nonnegative().nullable(),
  dsMapper: z.boolean().nullable(),
  negotiateClientCertificate: z.boolean().nullable(),
});
export type SslBinding = z.infer<typeof sslBindingSchema>;

/**
 * The DirectAccess server (knowledge C, D, E.3): `Get-RemoteAccess` (enum names, not localised: `DAStatus Installed`,
 * `LoadBalancing NotConfigured`, `ForceTunnel Disabled`; doc example), `Get-DAOtpAuthentication` `OtpStatus`, the
 * IP-HTTPS binding(s) of HTTP.SYS from the registry, the bound certificate from `LocalMachine\My`, and the ISATAP
 * router bits (`Get-NetIPInterface`, `Get-NetRoute`). The probe answers notApplicable on a machine that is not one.
 */
export const serverSchema = z.object({
  /** Get-RemoteAccess; null when the cmdlet is missing or failed (`errors` says which). */
  remoteAccess: z
    .object({
      daStatus: nullableString,
      connectToAddress: nullableString,
      loadBalancing: nullableString,
      forceTunnel: nullableString,
      /** The entry point of a multisite deployment; null when there is none. */
      entrypointName: nullableString,
      internalInterface: nullableString,
      internalIPv6Prefix: nullableString,
      nlsLocation: nullableString,
      nlsUrl: nullableString,
      sslCertificateThumbprint: nullableString,
    })
    .nullable(),
  /** Get-DAOtpAuthentication `OtpStatus` (Enabled/Disabled); null when unknown. */
  otpStatus: nullableString,
  /** The bindings of 0.0.0.0:443 and [::]:443 that exist. */
  bindings: z.array(sslBindingSchema),
  /** The certificate the DirectAccess binding names, from LocalMachine\My; null when not found there. */
  certificate: certInfoSchema.nullable(),
  /**
   * ISATAP router: the server's ISATAP interfaces (IPv6), the IPv6 routes on them, and routes to the internal IPv6
   * prefix on any interface (one on a non-ISATAP interface means native IPv6 inside); null when not collected.
   */
  isatap: z
    .object({
      interfaces: z.array(z.object({ alias: z.string(), index: z.number().int(), forwarding: nullableString, advertising: nullableString })),
      routes: z.array(z.object({ destinationPrefix: z.string(), index: z.number().int(), publish: nullableString })),
    })
    .nullable(),
  /** A cmdlet that threw while the section still answered: `Get-RemoteAccess: <message>`. */
  errors: z.array(z.string()).optional(),
});

/**
 * The DirectAccess server's infrastructure servers (windowsserverdocs da-adv-plan-s1-infrastructure.md §1.4, §1.5;
 * knowledge H.1, E.2, E.4): where the network location server runs (`Get-DANetworkLocationServer` NlsLocation
 * `DirectAccessServer` / `ExternalServer`, Url, its certificate from LocalMachine\My), the NRPT of the DirectAccess
 * client policy (`Get-DAClientDnsConfiguration`), the DNS server's global query block list (only where the DnsServer
 * cmdlets exist) and the lookup of `isatap`. notApplicable on a machine that is not a DirectAccess server.
 */
export const serverInfrastructureSchema = z.object({
  /** Null when neither cmdlet answered (`errors` says why). */
  nls: z
    .object({
      source: z.enum(['Get-DANetworkLocationServer', 'Get-RemoteAccess']),
      /** `DirectAccessServer` or `ExternalServer` (the class's enum names). */
      location: nullableString,
      url: nullableString,
      /** The NLS host name clients resolve: the URL's host, else (NLS on this server) its certificate's name. */
      fqdn: nullableString,
      fqdnSource: z.enum(['url', 'certificate']).nullable(),
      certificateThumbprint: nullableString,
      /** The NLS certificate from LocalMachine\My (NLS on this server); null when none or not found there. */
      certificate: certInfoSchema.nullable(),
    })
    .nullable(),
  /** The DirectAccess client policy's NRPT entries (an entry without DNS servers is an exemption); null when not read. */
  nrpt: z.array(z.object({ namespaces: z.array(z.string()), dnsServers: z.array(z.string()) })).nullable(),
  /** `Get-DnsServerGlobalQueryBlockList` of this server's DNS service: `noCmdlet` / `failed` mean not checked. */
  globalQueryBlockList: z.object({
    status: z.enum(['read', 'noCmdlet', 'failed']),
    enable: z.boolean().nullable(),
    list: z.array(z.string()),
  }),
  /** `isatap.<domain>` (generic) and the ISATAP router name this server is set to (router), as the resolver answered. */
  isatapLookups: z.array(z.object({ name: z.string(), purpose: z.enum(['generic', 'router']), addresses: z.array(z.string()), lookup: dnsLookupSchema })),
  /** A cmdlet that threw while the section still answered. */
  errors: z.array(z.string()).optional(),
});

/** Every section the collector writes, one entry per name of SECTION_NAMES (the compiler holds them to each other). */
export const sectionsSchema = z.object({
  os: section(osSchema),
  services: section(servicesSchema),
  daStatus: section(daStatusSchema),
  ipHttps: section(ipHttpsSchema),
  reachability: section(reachabilitySchema),
  serverCertificate: section(serverCertificateSchema),
  trustStores: section(trustStoresSchema),
  machineCertificates: section(machineCertificatesSchema),
  proxy: section(proxySchema),
  nrpt: section(nrptSchema),
  ipv6: section(ipv6Schema),
  isatap: section(isatapSchema),
  teredo: section(teredoSchema),
  clock: section(clockSchema),
  /** Not in older snapshots: they still parse, the section then reads as not collected (notApplicable, no data). */
  firewall: section(firewallSchema).default({ status: 'notApplicable', ms: 0, message: 'not collected (older snapshot)' }),
  /** Not in older snapshots (as firewall). */
  location: section(locationSchema).default({ status: 'notApplicable', ms: 0, message: 'not collected (older snapshot)' }),
  ipsec: section(ipsecSchema).default({ status: 'notApplicable', ms: 0, message: 'not collected (older snapshot)' }),
  coexistence: section(coexistenceSchema).default({ status: 'notApplicable', ms: 0, message: 'not collected (older snapshot)' }),
  /** The DirectAccess server; not in older snapshots (they parse, as not collected). */
  server: section(serverSchema).default({ status: 'notApplicable', ms: 0, message: 'not collected (older snapshot)' }),
  /** The server's NLS placement and ISATAP DNS; not in older snapshots (as server). */
  serverInfrastructure: section(serverInfrastructureSchema).default({ status: 'notApplicable', ms: 0, message: 'not collected (older snapshot)' }),
} satisfies Record<SectionName, z.ZodType>);
export type Sections = z.infer<typeof sectionsSchema>;

export const snapshotSchema = z.object({
  schema: z.literal(SNAPSHOT_SCHEMA),
  machine: z.string(),
  collectedAt: iso,
  collector: z.object({
    version: z.string(),
    host: z.enum(['windows', 'simulated']),
    scenario: z.string().optional(),
  }),
  /** The organisation configuration in effect on the machine, when there is one. */
  org: orgConfigSchema.nullable(),
  sections: sectionsSchema,
});
export type Snapshot = z.infer<typeof snapshotSchema>;
