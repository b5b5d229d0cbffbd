/**
 * Plain names of the probes, shared by the wizard's checks screen and the report page (the report says which checks
 * did not answer in these words). One copy: src-renderer/lib/labels.ts is to switch to this one.
 */
import type { SectionName } from './sectionNames';

/** What each probe looks at, in plain words. */
export const SECTION_LABELS: Record<SectionName, string> = {
  os: 'Windows version and edition',
  services: 'Windows services DirectAccess needs',
  daStatus: 'DirectAccess settings from your organisation',
  ipHttps: 'The DirectAccess tunnel (IP-HTTPS)',
  reachability: 'Reaching the DirectAccess server',
  serverCertificate: "The server's certificate",
  trustStores: 'Certificates this computer trusts',
  machineCertificates: "This computer's own certificate",
  proxy: 'Proxy settings',
  nrpt: 'Name lookup rules',
  ipv6: 'IPv6 settings',
  isatap: 'ISATAP (for managing remote computers)',
  teredo: 'Teredo tunnel',
  clock: 'The computer clock',
  firewall: 'Windows Firewall',
  location: 'Recognising your organisation’s network',
  ipsec: 'The secure tunnels to your organisation (IPsec)',
  coexistence: 'Other ways of connecting to your organisation (VPN)',
  server: 'The DirectAccess server settings',
  serverInfrastructure: 'The network location server and name lookups of the DirectAccess server',
};

/** The plain name of a probe; an unknown name (a newer snapshot's) as it is. */
export function sectionLabel(name: string): string {
  return Object.hasOwn(SECTION_LABELS, name) ? SECTION_LABELS[name as SectionName] : name;
}
