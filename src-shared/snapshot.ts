/**
 * The snapshot: what the collect stage hands to every later stage. It is the one contract between the PowerShell
 * probes (assets/ps) and the pure TypeScript diagnosis, and it is what a helpdesk imports from another machine.
 * Field names are the JSON the probes write; see assets/ps/BOUNDARY.md for where each value comes from.
 */
import { z } from 'zod';
import { orgConfigSchema } from './orgConfig';

/** Version tag of the snapshot format; a snapshot with another tag is refused, not guessed at. */
export const SNAPSHOT_SCHEMA = 'da-doctor/snapshot@1';

/** How one probe ended: its data is only trusted when `ok`. */
export const probeStatusSchema = z.enum(['ok', 'notApplicable', 'error', 'timedOut']);
export type ProbeStatus = z.infer<typeof probeStatusSchema>;

const iso = z.string().min(1); // ISO-8601 with offset, as `Get-Date -Format o` writes it
const nullableString = z.string().nullable();

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
/** Keyed by service name (iphlpsvc, NcaSvc, w32time). */
export const servicesSchema = z.record(z.string(), serviceSchema);

export const daStatusSchema = z.object({
  /** DirectAccess client policy present (IP-HTTPS client URL from Group Policy or NCA configuration). */
  policyApplied: z.boolean(),
  ipHttpsClientUrl: nullableString,
  ncaConfigured: z.boolean(),
  /** Get-DAConnectionStatus; null when it returned nothing or does not exist (Windows 7). */
  connection: z.object({ status: z.string(), substatus: z.string() }).nullable(),
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
    })
    .nullable(),
});

export const reachabilitySchema = z.object({
  host: z.string(),
  port: z.number().int(),
  addresses: z.array(z.string()),
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
  winHttp: z.object({ direct: z.boolean(), proxyServer: nullableString, bypassList: nullableString }),
  system: z.object({ proxyEnable: z.boolean(), proxyServer: nullableString, autoConfigUrl: nullableString }),
  proxyMgr: z.array(z.object({ key: z.string(), staticProxy: nullableString })),
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
});

export const ipv6Schema = z.object({ disabledComponents: z.number().int().nullable() });

const resolutionSchema = z.object({ name: z.string(), addresses: z.array(z.string()) });
export const isatapSchema = z.object({
  source: z.enum(['cmdlet', 'netsh']),
  configuration: z
    .object({ state: z.string(), router: nullableString, resolutionState: nullableString })
    .nullable(),
  router: resolutionSchema.nullable(),
  genericName: resolutionSchema,
  interfaces: z.array(z.object({ alias: z.string(), addresses: z.array(z.string()) })),
});

export const teredoSchema = z.object({
  state: nullableString,
  type: nullableString,
  error: nullableString,
});

export const clockSchema = z.object({ utcNow: iso });

/** Every section the collector writes; a new probe adds one line here. */
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
});
export type Sections = z.infer<typeof sectionsSchema>;
export type SectionName = keyof Sections;
/** Probe order: cheap local reads first, network last, so progress moves early. */
export const SECTION_NAMES = Object.keys(sectionsSchema.shape) as SectionName[];

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
