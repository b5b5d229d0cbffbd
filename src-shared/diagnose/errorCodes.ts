/**
 * IP-HTTPS LastErrorCode parsing (knowledge A.0). Codes reach us as uint32 (Get-NetIPHttpsState), as hex text
 * (netsh), or now and then as signed int32; all parse to the same unsigned number. Each cause module declares the
 * codes it owns; the registry joins them with the general codes below into the one code table.
 */
import type { ErrorCodeInfo } from '../causes/cause';

/** Codes no cause owns: success, and those with no published DirectAccess meaning (iphttps-unknown-error). */
export const GENERAL_CODES: readonly ErrorCodeInfo[] = [
  { code: 0x0, name: 'ERROR_SUCCESS', meaning: 'no error: the IP-HTTPS interface is active' },
  { code: 0x57, name: 'ERROR_INVALID_PARAMETER', meaning: 'invalid parameter: no DirectAccess-specific explanation is published' },
];

/** Codes that mean "could not reach the server" (name resolution or TCP). */
export const CONNECT_CODES: ReadonlySet<number> = new Set([0x2af9, 0x2afc, 0x274c, 0x274d]);
/**
 * Connect codes a proxy explains (contract §1, knowledge A.6–A.8): Microsoft lists the proxy causes for 0x2AF9 and
 * 0x2AFC only; 0x274D (connection refused) is the NRPT, the client firewall or the server, never a proxy.
 */
export const PROXY_CODES: ReadonlySet<number> = new Set([0x2af9, 0x2afc]);

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

/** `0x800b0109` form (lower case, as Get-NetIPHttpsState shows it): the one hex formatter. */
export { toHex } from '../format';
