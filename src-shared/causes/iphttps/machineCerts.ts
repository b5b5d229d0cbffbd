/** The machine certificates IP-HTTPS preauthentication can use, and why one is unusable (knowledge A.5, D.4). */
import type { RuleContext, SectionData } from '../../diagnose/context';
import { commonName, day, ipHttpsCommands } from '../evidence';

export const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export type MachineCert = SectionData<'machineCertificates'>['certificates'][number];

/** Certificates that could authenticate the machine: Client Authentication EKU and a private key. */
export function candidates(certs: MachineCert[]): MachineCert[] {
  return certs.filter((c) => c.ekus.includes(CLIENT_AUTH) && c.hasPrivateKey !== false);
}

/** Why a candidate certificate is unusable, or null when it is fine. */
export function problemOf(c: MachineCert, fqdn: string, now: Date): string | null {
  if (Date.parse(c.notAfter) < now.getTime()) return `expired on ${day(c.notAfter)}`;
  if (Date.parse(c.notBefore) > now.getTime()) return `not valid until ${day(c.notBefore)}`;
  if (c.chainTrusted === false) return 'its issuing CA is not trusted by this machine';
  const names = [commonName(c.subject), ...c.dnsNames].map((n) => n.toLowerCase());
  if (!names.includes(fqdn.toLowerCase())) return `it is issued to ${commonName(c.subject)}, not to ${fqdn}`;
  return null;
}

/**
 * True when the evidence says the server wants a client certificate: 0x90320 says so itself; 0x80090326 (a failed
 * handshake) only counts when the server was seen asking for one, since it is most often a load balancer or missing
 * null cipher suites (knowledge A.4).
 */
export function preauthInPlay(ctx: RuleContext): boolean {
  if (ctx.code === 0x90320) return true;
  const asked = ctx.peek('serverCertificate')?.clientCertificateRequested ?? false;
  return asked && (ctx.code === null ? !ctx.inside : ctx.code !== 0);
}

export const preauthCommands = (ctx: RuleContext) => [
  ...ipHttpsCommands(ctx),
  "Get-ChildItem Cert:\\LocalMachine\\My | Where-Object { $_.EnhancedKeyUsageList.ObjectId -contains '1.3.6.1.5.5.7.3.2' } | Format-List Subject, NotBefore, NotAfter, HasPrivateKey, Thumbprint",
  'certutil -store My',
];
