/**
 * The requirements of knowledge C.2 (Hicks, "SSL Certificate Considerations for DirectAccess IP-HTTPS") read once from
 * the certificate bound to the DirectAccess IP-HTTPS listener, for every server cause that names them: the defects
 * that stop every client now (no Server Authentication EKU → 0x800b0110, C.2 table; no private key → HTTP.SYS cannot
 * complete a TLS handshake [I]; the public name not among its names → 0x800b010f / 0x103, A.10, A.11), what could not
 * be told, and whether it is self-signed (C.5). One place for each fact: iphttpsCertInvalid reports the defects,
 * iphttpsCertSelfSigned the self-signed warning, iphttpsCertExpiring only mentions them through `certDefectSummary`.
 */
import type { RuleContext } from '../../diagnose/context';
import type { Evidence } from '../../finding';
import type { CertInfo } from '../../snapshot';
import { certCoversHost, ev } from '../evidence';
import { daBinding, publicName, type ServerData } from './server';

/** Server Authentication (id-kp-serverAuth), the EKU IP-HTTPS needs (knowledge C.2). */
export const SERVER_AUTH_EKU = '1.3.6.1.5.5.7.3.1';
/** anyExtendedKeyUsage (RFC 5280 4.2.1.12): whether Windows accepts it for TLS servers is not in the knowledge. */
const ANY_EKU = '2.5.29.37.0';

/** The defects of server-iphttps-cert-invalid, in the order that picks the finding's variant. */
export const CERT_DEFECTS = ['server-auth-eku', 'private-key', 'name-mismatch'] as const;
export type CertDefect = (typeof CERT_DEFECTS)[number];

/** One defect: technical words, plain words (no codes) and its evidence. */
export interface DefectFound {
  defect: CertDefect;
  technical: string;
  plain: string;
  evidence: Evidence;
}

/** What the bound certificate shows against C.2. */
export interface CertCheck {
  cert: CertInfo;
  /** The name clients connect to (ConnectToAddress, else the ServerURL host); null when no evidence names it. */
  name: string | null;
  /** Defects in CERT_DEFECTS order. */
  defects: DefectFound[];
  /** Checks that could not be made, in technical words (never a defect). */
  unknown: string[];
  selfSigned: boolean;
}

/** Every name the certificate answers to, for the texts. */
export function certNames(cert: CertInfo): string {
  return [...new Set([cert.subject, ...cert.dnsNames])].join(', ');
}

/** The C.2 check of the certificate the DirectAccess binding names; null when the section has no certificate. */
export function checkServerCert(ctx: RuleContext, server: ServerData): CertCheck | null {
  const cert = server.certificate;
  if (!cert) return null;
  const name = publicName(ctx, server);
  const defects: DefectFound[] = [];
  const unknown: string[] = [];

  // An empty EKU list is a certificate without the EKU extension, which X509 (RFC 5280 4.2.1.12) reads as "any
  // purpose": not a defect. Older snapshots without the field parse as [] too, so [] never proves a defect.
  if (cert.ekus.length > 0 && !cert.ekus.includes(SERVER_AUTH_EKU)) {
    if (cert.ekus.includes(ANY_EKU)) {
      unknown.push(
        `its EKUs (${cert.ekus.join(', ')}) name anyExtendedKeyUsage but not Server Authentication; whether Windows clients accept that is not known here`,
      );
    } else {
      defects.push({
        defect: 'server-auth-eku',
        technical: `its EKUs (${cert.ekus.join(', ')}) lack Server Authentication (${SERVER_AUTH_EKU}): clients fail with 0x800b0110 (CERT_E_WRONG_USAGE, chain status NotValidForUsage)`,
        plain: 'it is not made for identifying a server',
        evidence: ev('server', 'certificate.ekus', cert.ekus, `contains ${SERVER_AUTH_EKU} (Server Authentication)`, cert.subject),
      });
    }
  }

  // HasPrivateKey false: no key is associated with the certificate in LocalMachine\My, so HTTP.SYS cannot use it.
  // Absent: the probe could not read it — unknown, not a defect.
  if (cert.hasPrivateKey === false) {
    defects.push({
      defect: 'private-key',
      technical:
        'its private key is not on this server (HasPrivateKey False in LocalMachine\\My): HTTP.SYS cannot complete a TLS handshake with it, so every client’s connection fails',
      plain: 'its private key, the secret half it needs to prove itself, is not on this server',
      evidence: ev('server', 'certificate.hasPrivateKey', false, true, cert.subject),
    });
  } else if (cert.hasPrivateKey === undefined) {
    unknown.push('whether its private key is on this server was not read');
  }

  if (name === null) {
    unknown.push('the name check is not made: no public name is known (Get-RemoteAccess ConnectToAddress and the IP-HTTPS ServerURL are both missing)');
  } else if (!certCoversHost(cert, name)) {
    defects.push({
      defect: 'name-mismatch',
      technical: `its names (${certNames(cert)}) do not cover ${name}, the name clients connect to: clients fail with 0x800b010f (CERT_E_CN_NO_MATCH) or 0x103`,
      plain: `it does not carry ${name}, the name computers connect to`,
      evidence: ev('server', 'certificate.dnsNames', cert.dnsNames, name, 'the public name clients connect to'),
    });
  }

  return { cert, name, defects, unknown, selfSigned: cert.selfSigned };
}

/** "CN=da.contoso.com (9A8B…), bound to 0.0.0.0:443": the certificate as the technical texts name it. */
export function certLabel(server: ServerData, cert: CertInfo): string {
  const binding = daBinding(server);
  return `${cert.subject} (${cert.thumbprint})${binding ? `, bound to ${binding.ipPort}` : ''}`;
}

/** The defects in one technical sentence for another finding to mention (empty when there are none). */
export function certDefectSummary(check: CertCheck): string {
  const parts = check.defects.map((d) => d.technical);
  if (check.selfSigned) parts.push('it is self-signed');
  return parts.length > 0 ? ` Also (reported on their own): ${parts.join('; ')}.` : '';
}

/** Commands that show the bound certificate and test its private key on the server (no placeholders). */
export function certCommands(cert: CertInfo): string[] {
  return [
    '(Get-RemoteAccess).SslCertificate | Format-List Subject, Issuer, Thumbprint, NotAfter, HasPrivateKey, EnhancedKeyUsageList, DnsNameList',
    `certutil -verifystore My ${cert.thumbprint}`,
    'netsh http show sslcert ipport=0.0.0.0:443',
  ];
}
