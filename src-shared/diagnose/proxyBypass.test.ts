import { describe, expect, it } from 'vitest';
import { bypassEntryFor, bypasses } from './proxyBypass';

const HOST = 'da.contoso.com';

describe('proxy bypass lists (knowledge J.5)', () => {
  it('no list, an empty list or unrelated entries do not bypass', () => {
    expect(bypasses(null, HOST)).toBe(false);
    expect(bypasses('', HOST)).toBe(false);
    expect(bypasses('intranet.contoso.com;*.fabrikam.com', HOST)).toBe(false);
  });
  it('<local> matches only names without a dot', () => {
    expect(bypasses('<local>', HOST)).toBe(false);
    expect(bypasses('<local>', 'intranet')).toBe(true);
  });
  it('exact names, case-insensitive, with ; and , separators and spaces', () => {
    expect(bypassEntryFor('<local>;DA.Contoso.com', HOST)).toBe('DA.Contoso.com');
    expect(bypasses('<local>, da.contoso.com', HOST)).toBe(true);
    expect(bypasses('a.example ; da.contoso.com.', HOST)).toBe(false); // a trailing dot in the entry is another name
    expect(bypasses('da.contoso.com', 'DA.CONTOSO.COM.')).toBe(true);
  });
  it('wildcards: *.contoso.com, *contoso.com, da.*, but not a bare parent domain', () => {
    expect(bypassEntryFor('<local>;*.contoso.com', HOST)).toBe('*.contoso.com');
    expect(bypasses('*contoso.com', HOST)).toBe(true);
    expect(bypasses('da.*', HOST)).toBe(true);
    expect(bypasses('contoso.com', HOST)).toBe(false);
    expect(bypasses('*.directaccess.contoso.com', HOST)).toBe(false);
    expect(bypasses('*.contoso.com', 'da.contoso.com.evil.example')).toBe(false);
  });
  it('host:port applies only to the server port; scheme prefixes are dropped', () => {
    expect(bypasses('da.contoso.com:443', HOST)).toBe(true);
    expect(bypasses('da.contoso.com:8443', HOST)).toBe(false);
    expect(bypasses('da.contoso.com:8443', HOST, { port: 8443 })).toBe(true);
    expect(bypasses('*.contoso.com:*', HOST)).toBe(true);
    expect(bypasses('https://da.contoso.com', HOST)).toBe(true);
  });
  it('address entries bypass only when they match an address the name resolves to', () => {
    expect(bypasses('203.0.113.*', HOST)).toBe(false);
    expect(bypasses('203.0.113.*', HOST, { addresses: ['203.0.113.10'] })).toBe(true);
    expect(bypasses('[2001:db8::10]:443', HOST, { addresses: ['2001:DB8::10'] })).toBe(true);
    expect(bypasses('2001:db8::10', HOST, { addresses: ['2001:db8::10'] })).toBe(true);
  });
});
