// The fix verb's argument handling and exit codes.
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { fixExitCode, fixRequest } from './fix';

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
