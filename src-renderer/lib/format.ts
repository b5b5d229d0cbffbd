/** Formatting of raw evidence for the technical view. */

const CODE_NAMES: Record<number, string> = {
  0: 'no error',
  0x800b0109: 'CERT_E_UNTRUSTEDROOT',
  0x800b0101: 'CERT_E_EXPIRED',
  0x800b010f: 'CERT_E_CN_NO_MATCH',
  0x80092013: 'CRYPT_E_REVOCATION_OFFLINE',
  0x80090326: 'SEC_E_ILLEGAL_MESSAGE',
  0x90320: 'SEC_I_INCOMPLETE_CREDENTIALS',
  0x2af9: 'WSAHOST_NOT_FOUND',
  0x2afc: 'WSANO_DATA',
  0x274c: 'WSAETIMEDOUT',
  0x274d: 'WSAECONNREFUSED',
  0x103: 'ERROR_NO_MORE_ITEMS',
  0x4be: 'ERROR_INVALID_NETNAME',
  0x643: 'ERROR_INSTALL_FAILURE',
  0x34: 'ERROR_DUP_NAME',
  0x57: 'ERROR_INVALID_PARAMETER',
};

/** `2148204809` → `0x800B0109 (CERT_E_UNTRUSTEDROOT)`: error codes as Windows tools print them, with their name. */
export function formatErrorCode(code: number): string {
  const hex = `0x${(code >>> 0).toString(16).toUpperCase()}`;
  const name = CODE_NAMES[code >>> 0];
  return name ? `${hex} (${name})` : hex;
}

/** A raw observed/expected value as text; error codes get their hex form and name. */
export function formatValue(field: string, value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'number' && /errorcode/i.test(field)) return `${value} = ${formatErrorCode(value)}`;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** An ISO time (the audit log's) as a readable local date and time; text that is not a time stays as it is. */
export function formatLocalTime(iso: string, locale?: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(d);
}
