import { describe, expect, it } from 'vitest';
import { ROOT_CAUSE_IDS } from '../ids';
import { codeLabel, describeErrorCode, ERROR_CODES } from '../causes/registry';
import { parseErrorCode, toHex } from './errorCodes';

describe('parseErrorCode', () => {
  it('accepts the uint32 that Get-NetIPHttpsState returns', () => {
    expect(parseErrorCode(2148204809)).toBe(0x800b0109);
    expect(parseErrorCode(2148081683)).toBe(0x80092013);
    expect(parseErrorCode(590624)).toBe(0x90320);
    expect(parseErrorCode(0)).toBe(0);
  });
  it('accepts the signed int32 rendering', () => {
    expect(parseErrorCode(-2146762487)).toBe(0x800b0109);
    expect(parseErrorCode('-2146885613')).toBe(0x80092013);
  });
  it('accepts hex text in either case and with netsh spacing', () => {
    expect(parseErrorCode('0x800b0109')).toBe(0x800b0109);
    expect(parseErrorCode('0x2AF9')).toBe(11001);
    expect(parseErrorCode(' 0x80092013 ')).toBe(0x80092013);
    expect(parseErrorCode('0x0')).toBe(0);
  });
  it('accepts decimal text and refuses what is not a code', () => {
    expect(parseErrorCode('11001')).toBe(0x2af9);
    expect(parseErrorCode('IPHTTPS interface active')).toBeNull();
    expect(parseErrorCode(null)).toBeNull();
    expect(parseErrorCode(1.5)).toBeNull();
    expect(parseErrorCode(2 ** 33)).toBeNull();
  });
});

describe('the code table', () => {
  it('names every code of knowledge A.0 with its symbolic name', () => {
    expect(describeErrorCode(0x800b0109)?.name).toBe('CERT_E_UNTRUSTEDROOT');
    expect(describeErrorCode(0x274d)?.name).toBe('WSAECONNREFUSED');
    expect(describeErrorCode(0x57)?.rootCause).toBeUndefined();
    expect(codeLabel(2148204801)).toBe('0x800b0101 (CERT_E_EXPIRED)');
    expect(codeLabel(0x1234)).toBe('0x1234');
    expect(toHex(11001)).toBe('0x2af9');
  });
  it('only points at root causes that exist, and has no duplicates', () => {
    const codes = ERROR_CODES.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of ERROR_CODES) {
      if (e.rootCause) expect(ROOT_CAUSE_IDS).toContain(e.rootCause);
      expect(e.meaning.length).toBeGreaterThan(0);
    }
  });
});
