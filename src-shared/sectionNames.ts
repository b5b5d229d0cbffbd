/**
 * The snapshot's sections by name, in probe order: cheap local reads first, network last, so progress moves early.
 * A new probe adds its name here and its schema in snapshot.ts (the compiler holds the two to each other). The names
 * live apart from the schemas so that the first screen can list the checks without loading zod and every schema.
 */
const NAMES = [
  'os',
  'services',
  'daStatus',
  'ipHttps',
  'reachability',
  'serverCertificate',
  'trustStores',
  'machineCertificates',
  'proxy',
  'nrpt',
  'ipv6',
  'isatap',
  'teredo',
  'clock',
  'firewall',
  'location',
  'ipsec',
  'coexistence',
  'server',
  'serverInfrastructure',
] as const;

/** One section of a snapshot. */
export type SectionName = (typeof NAMES)[number];

/** Every section, in probe order. */
export const SECTION_NAMES: SectionName[] = [...NAMES];
