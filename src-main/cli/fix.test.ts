// The fix verb's argument handling and exit codes.
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { REASON_CODES, reasonValueNames, type Reason } from '../../src-shared/reasons';
import { cliResult, fixExitCode, fixRequest } from './fix';
import { auditJson } from './undo';

describe('fix arguments', () => {
  it('takes the id and repeated --param k=v', () => {
    const r = fixRequest(parseArgs(['fix', 'enable-isatap', '--param', 'router=isatap-da.corp.contoso.com', '--yes']));
    expect(r).toEqual({ id: 'enable-isatap', params: { router: 'isatap-da.corp.contoso.com' } });
    expect(fixRequest(parseArgs(['fix', 'import-root-ca', '--param=file=C:\\a=b.cer'])).params).toEqual({ file: 'C:\\a=b.cer' });
  });
  it('refuses a missing id, a second id, a repeated or odd parameter name', () => {
    expect(() => fixRequest(parseArgs(['fix']))).toThrow(/id of a fix/);
    expect(() => fixRequest(parseArgs(['fix', 'a', 'b']))).toThrow(/unexpected/);
    expect(() => fixRequest(parseArgs(['fix', 'a', '--param', 'router=x', '--param', 'router=y']))).toThrow(/twice/);
    expect(() => fixRequest(parseArgs(['fix', 'a', '--param', '$(x)=y']))).toThrow(/not a parameter name/);
    expect(() => parseArgs(['fix', 'a', '--param', 'novalue'])).toThrow(/name=value/);
  });
  it('exit codes: 0 verified, 1 not verified or failed, 2 refused or cancelled', () => {
    expect(fixExitCode({ outcome: 'applied', verified: true })).toBe(0);
    expect(fixExitCode({ outcome: 'applied', verified: false })).toBe(1);
    expect(fixExitCode({ outcome: 'failed', verified: false })).toBe(1);
    expect(fixExitCode({ outcome: 'refused', verified: false })).toBe(2);
    expect(fixExitCode({ outcome: 'cancelled', verified: false })).toBe(2);
  });
});

describe('the CLI words every reason code', () => {
  it.each(REASON_CODES)('%s: `reason` in words, with reasonCode and reasonValues next to it', (code) => {
    const values = Object.fromEntries(reasonValueNames(code).map((n) => [n, `v-${n}`]));
    const r = cliResult({ outcome: code.startsWith('refused.') ? 'refused' : 'failed', reason: { code, values } as Reason });
    expect(r.reason).toEqual(expect.any(String));
    expect(r.reason.trim()).not.toBe('');
    expect(r.reason).not.toMatch(/undefined|\[object/);
    if (code.startsWith('refused.')) expect(r.reason).toMatch(/^Refused: /);
    expect(r).toMatchObject({ reasonCode: code, reasonValues: values });
  });
  it('audit --json words a coded record and leaves an old worded one as it was', () => {
    const base = {
      id: 'a',
      time: 't',
      user: 'u',
      machine: 'm',
      fix: 'start-ip-helper' as const,
      params: {},
      kind: 'fix' as const,
      outcome: 'refused' as const,
      elevation: 'notNeeded',
      verified: false,
      before: null,
      after: null,
      undoData: null,
    };
    expect(auditJson({ ...base, reason: { code: 'refused.noChain', values: {} } })).toMatchObject({
      reason: expect.stringMatching(/^Refused: No chain known/),
      reasonCode: 'refused.noChain',
    });
    expect(auditJson({ ...base, reason: 'Refused: an old sentence' })).toEqual({ ...base, reason: 'Refused: an old sentence' });
  });
});
