import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTER_NAME } from './hostName';
import { orgConfigSchema } from './orgConfig';
import { routerSchema } from './fixes/params';

const good = [
  'isatap',
  'ISATAP',
  'isatap-da.corp.contoso.com',
  '10.0.0.1',
  'a',
  'x1.y2',
  `${'a'.repeat(63)}.com`,
  Array(64).fill('abc').join('.').slice(0, 253),
];
const bad = [
  '',
  '-isatap',
  'isatap-',
  'isa_tap',
  'isatap..corp',
  '.isatap',
  'isatap.',
  'isatap corp',
  'isatap\n',
  "isatap'; $(New-Item canary)",
  `${'a'.repeat(64)}.com`,
  `${'a.'.repeat(126)}ab`, // 254 characters
  'fe80::1',
];

describe('ROUTER_NAME', () => {
  it.each(good)('accepts %j', (name) => expect(ROUTER_NAME.test(name)).toBe(true));
  it.each(bad)('refuses %j', (name) => expect(ROUTER_NAME.test(name)).toBe(false));

  it('is the one pattern of the organisation configuration and of the fixes', () => {
    const org = (isatapRouter: string) => orgConfigSchema.safeParse({ schema: 'da-doctor/org@1', organisation: 'Contoso', isatapRouter }).success;
    for (const name of good) expect([org(name), routerSchema.safeParse(name).success], name).toEqual([true, true]);
    for (const name of bad) expect([org(name), routerSchema.safeParse(name).success], name).toEqual([false, false]);
  });

  it("agrees with its PowerShell twin, the fix scripts' case-sensitive router check", () => {
    const core = readFileSync(new URL('../assets/ps/fixes/FixCore.ps1', import.meta.url), 'utf8');
    const isatap = readFileSync(new URL('../assets/ps/fixes/Isatap.ps1', import.meta.url), 'utf8');
    const pattern = /\$script:DadRouterPattern = '([^']+)'/.exec(core)?.[1];
    expect(pattern).toBeDefined();
    // Both ISATAP fixes check their router with that one pattern (-cmatch: case-sensitive, so no Kelvin sign).
    expect([...isatap.matchAll(/Assert-DadMatch \$_ \$script:DadRouterPattern/g)].length).toBeGreaterThanOrEqual(2);
    // PowerShell's \z is JavaScript's $ without the m flag; its groups capture, ours do not: same language.
    const twin = new RegExp(pattern!.replace(/\\z/g, '$'));
    for (const name of good) expect(twin.test(name), `${pattern} accepts ${name}`).toBe(true);
    for (const name of bad) expect(twin.test(name), `${pattern} refuses ${JSON.stringify(name)}`).toBe(false);
  });
});
