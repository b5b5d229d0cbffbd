/**
 * IP-HTTPS LastErrorCode table (knowledge A.0): hex → symbolic name → meaning, and which root cause claims the code.
 * Codes reach us as uint32 (Get-NetIPHttpsState), as hex text (netsh), or now and then as signed int32; all parse
 * to the same unsigned number.
 */
import type { RootCauseId } from '../ids';

/** One known code: its symbolic name, what it means in plain words, and the rule that explains it (if any). */
export interface ErrorCodeInfo {
  code: number;
  name: string;
  meaning: string;
  /** The root cause whose rule owns this code; absent means iphttps-unknown-error. */
  rootCause?: RootCauseId;
}

/** The known IP-HTTPS codes, keyed by their unsigned value. */
export const ERROR_CODES: readonly ErrorCodeInfo[] = [
  { code: 0x0, name: 'ERROR_SUCCESS', meaning: 'no error: the IP-HTTPS interface is active' },
  { code: 0x800b0109, name: 'CERT_E_UNTRUSTEDROOT', meaning: 'the server certificate chain ends in a root this machine does not trust', rootCause: 'iphttps-untrusted-root' },
  { code: 0x800b010a, name: 'CERT_E_CHAINING', meaning: 'the certificate chain could not be built up to a root (an intermediate is missing)', rootCause: 'iphttps-partial-chain' },
  { code: 0x800b0101, name: 'CERT_E_EXPIRED', meaning: 'the server certificate is outside its validity period (by this machine\'s clock)', rootCause: 'iphttps-cert-expired' },
  { code: 0x800b010f, name: 'CERT_E_CN_NO_MATCH', meaning: 'the server certificate does not carry the name of the IP-HTTPS server', rootCause: 'iphttps-name-mismatch' },
  { code: 0x80092013, name: 'CRYPT_E_REVOCATION_OFFLINE', meaning: 'revocation could not be checked: the CRL/OCSP location was unreachable', rootCause: 'iphttps-revocation-offline' },
  { code: 0x80090326, name: 'SEC_E_ILLEGAL_MESSAGE', meaning: 'fatal error during the TLS handshake', rootCause: 'iphttps-tls-handshake-failed' },
  { code: 0x90320, name: 'SEC_I_INCOMPLETE_CREDENTIALS', meaning: 'the server asked for a client certificate the machine could not supply', rootCause: 'preauth-client-cert-missing' },
  { code: 0x2af9, name: 'WSAHOST_NOT_FOUND', meaning: 'the IP-HTTPS server name could not be resolved', rootCause: 'iphttps-server-unreachable' },
  { code: 0x2afc, name: 'WSANO_DATA', meaning: 'the name lookup for the IP-HTTPS server returned no usable data', rootCause: 'iphttps-server-unreachable' },
  { code: 0x274c, name: 'WSAETIMEDOUT', meaning: 'the connection to the IP-HTTPS server timed out', rootCause: 'iphttps-server-unreachable' },
  { code: 0x274d, name: 'WSAECONNREFUSED', meaning: 'the connection to the IP-HTTPS server was refused', rootCause: 'iphttps-server-unreachable' },
  { code: 0x103, name: 'ERROR_NO_MORE_ITEMS', meaning: 'no usable certificate found: the certificate does not match the IP-HTTPS URL', rootCause: 'iphttps-name-mismatch' },
  { code: 0x4be, name: 'ERROR_INVALID_NETNAME', meaning: 'invalid IP-HTTPS URL specified (the URL must use a DNS name, not an IP address)', rootCause: 'iphttps-invalid-url' },
  { code: 0x643, name: 'ERROR_INSTALL_FAILURE', meaning: 'the IP-HTTPS interface could not be created', rootCause: 'iphttps-interface-error' },
  { code: 0x34, name: 'ERROR_DUP_NAME', meaning: 'the IP-HTTPS interface could not be created (duplicate interface)', rootCause: 'iphttps-interface-error' },
  { code: 0x57, name: 'ERROR_INVALID_PARAMETER', meaning: 'invalid parameter: no DirectAccess-specific explanation is published' },
];

const BY_CODE = new Map(ERROR_CODES.map((e) => [e.code, e]));

/** Codes that mean "could not reach the server" (name resolution or TCP). */
export const CONNECT_CODES: ReadonlySet<number> = new Set([0x2af9, 0x2afc, 0x274c, 0x274d]);
/** Connect codes that a proxy or an NRPT capture explains (contract §1). */
export const PROXY_CODES: ReadonlySet<number> = new Set([0x2af9, 0x2afc, 0x274d]);

/**
 * Parse an error code as Windows writes it: a number (uint32 or signed int32), hex text (`0x800B0109`, any case,
 * any surrounding white space) or decimal text. Returns the unsigned 32-bit value, or null when it is not a code.
 */
export function parseErrorCode(raw: number | string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < -0x80000000 || raw > 0xffffffff) return null;
    return raw >>> 0;
  }
  const s = raw.trim();
  if (/^0x[0-9a-f]{1,8}$/i.test(s)) return parseInt(s.slice(2), 16) >>> 0;
  if (/^-?\d+$/.test(s)) return parseErrorCode(Number(s));
  return null;
}

/** `0x800b0109` form (lower case, as Get-NetIPHttpsState shows it). */
export function toHex(code: number): string {
  return '0x' + (code >>> 0).toString(16);
}

/** The table entry for a code, or undefined for a code we do not know. */
export function describeErrorCode(code: number): ErrorCodeInfo | undefined {
  return BY_CODE.get(code >>> 0);
}

/** `0x800b0109 (CERT_E_UNTRUSTEDROOT)` — for the technical text and evidence notes. */
export function codeLabel(code: number): string {
  const info = describeErrorCode(code);
  return info ? `${toHex(code)} (${info.name})` : toHex(code);
}
