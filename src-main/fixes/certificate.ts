/**
 * Reads a certificate file the person picked, or one the organisation pinned: PEM or DER, at most 64 KB, parsed by
 * node:crypto. Nothing else in the program decides what a certificate is.
 */
import { X509Certificate } from 'node:crypto';
import type { CertificateInfo } from '../../src-shared/ipc';

/** The largest certificate file we read (a CA certificate is 1–2 KB; anything much larger is not one). */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

/** A parsed certificate: what the preview shows, and the DER bytes the fix script imports. */
export interface ParsedCertificate {
  subject: string;
  issuer: string;
  /** SHA-1 of the DER bytes, upper-case hex: what Windows calls the thumbprint. */
  thumbprint: string;
  notAfter: string;
  isCa: boolean;
  selfSigned: boolean;
  derB64: string;
}

/** Why bytes are not a certificate, in one sentence for the person. */
export class NotACertificate extends Error {}

const PEM = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/;

/** Parses PEM text or DER bytes; throws NotACertificate with the reason. */
export function parseCertificate(bytes: Buffer): ParsedCertificate {
  if (bytes.length === 0) throw new NotACertificate('the file is empty');
  if (bytes.length > MAX_CERTIFICATE_BYTES) throw new NotACertificate(`the file is ${bytes.length} bytes; a certificate file is at most 64 KB`);
  let der = bytes;
  const pem = PEM.exec(bytes.toString('latin1'));
  if (pem?.[1]) der = Buffer.from(pem[1].replace(/\s+/g, ''), 'base64');
  let x: X509Certificate;
  try {
    x = new X509Certificate(der);
  } catch {
    throw new NotACertificate('the file is not an X.509 certificate (PEM or DER)');
  }
  const oneLine = (dn: string) => dn.split('\n').filter(Boolean).join(', ');
  return {
    subject: oneLine(x.subject),
    issuer: oneLine(x.issuer),
    thumbprint: x.fingerprint.replace(/:/g, '').toUpperCase(),
    notAfter: new Date(x.validTo).toISOString(),
    isCa: x.ca,
    selfSigned: x.subject === x.issuer && x.checkIssued(x),
    derB64: x.raw.toString('base64'),
  };
}

/**
 * Parses certificate content given as text: PEM text, or base64 of a DER or PEM file (what the renderer sends, and
 * what the organisation configuration's `certificate` field holds).
 */
export function parseCertificateText(text: string): ParsedCertificate {
  if (text.length > MAX_CERTIFICATE_BYTES * 2) throw new NotACertificate('the content is larger than a certificate file can be');
  if (text.includes('-----BEGIN')) return parseCertificate(Buffer.from(text, 'latin1'));
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new NotACertificate('the content is not base64');
  return parseCertificate(Buffer.from(compact, 'base64'));
}

/** The preview's view of a certificate. */
export function certificateInfo(c: ParsedCertificate, matchesChainRoot: boolean | null): CertificateInfo {
  return {
    subject: c.subject,
    issuer: c.issuer,
    thumbprint: c.thumbprint,
    notAfter: c.notAfter,
    isCa: c.isCa,
    selfSigned: c.selfSigned,
    matchesChainRoot,
  };
}
