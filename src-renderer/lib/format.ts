/** Formatting of raw evidence for the technical view. */
import { describeErrorCode } from '../../src-shared/causes/registry';
import { toHex } from '../../src-shared/format';

/** `2148204809` → `0x800B0109 (CERT_E_UNTRUSTEDROOT)`: error codes as Windows tools print them, with their name. */
export function formatErrorCode(code: number): string {
  const hex = toHex(code, { upper: true });
  // The rules' own code table names them; success reads better as words than as ERROR_SUCCESS.
  const name = code >>> 0 === 0 ? 'no error' : describeErrorCode(code)?.name;
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
