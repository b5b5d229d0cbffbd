// The words the end user reads from the cause modules' guide steps and nodes (titles, plain texts, answers): plain
// (no codes, paths, cmdlets or admin instructions) and one name for the organisation. The findings' own plain texts
// are checked over every scenario in src-main/findingTexts.integration.test.tsx.
import { describe, expect, it } from 'vitest';
import { plainJargonIn, placeholderIn } from '../../test-support/textChecks';
import { FIXES } from '../fixes/catalogue';
import { CAUSES } from './registry';

/** Every text of a cause's guide shown in the plain view, with where it is. */
function guideTexts(): { where: string; text: string }[] {
  return CAUSES.flatMap((c) => [
    ...c.guide.steps.flatMap((s) => [
      { where: `${c.id} step ${s.id} title`, text: s.title },
      { where: `${c.id} step ${s.id} plain`, text: s.plain },
    ]),
    ...(c.guide.nodes ?? []).flatMap((n) => [
      { where: `${n.id} title`, text: n.title },
      { where: `${n.id} plain`, text: n.plain },
      ...('elevation' in n ? [{ where: `${n.id} elevation`, text: n.elevation }] : []),
      ...('options' in n ? n.options.map((o) => ({ where: `${n.id} answer ${o.value}`, text: o.label })) : []),
    ]),
  ]);
}

// Other names for the organisation and its network that crept into plain texts.
const OTHER_NAMES =
  /\b(your|the|a) company\b|\bcompany (network|computer|settings|certificate|rule|domain)\b|\b(office|corporate) (network|server|side)\b|\b(inside|from|in) the office\b|\byour IT\b(?! department)|\bIT (must|should|has to)\b/i;

describe('plain words of the guide', () => {
  const texts = guideTexts();
  it('there are texts to check', () => expect(texts.length).toBeGreaterThan(50));

  it('show no codes, thumbprints, registry paths, cmdlets or admin instructions', () => {
    expect(texts.flatMap(({ where, text }) => plainJargonIn(text).map((j) => `${where}: ${j}`))).toEqual([]);
  });

  it('call the organisation "your organisation", nothing else (the fix catalogue\'s plain texts too)', () => {
    const fixTexts = [...FIXES.values()].map((f) => ({ where: `fix ${f.id}`, text: f.plain }));
    expect([...texts, ...fixTexts].filter(({ text }) => OTHER_NAMES.test(text)).map(({ where, text }) => `${where}: ${text}`)).toEqual([]);
  });
});

describe('the checkers themselves', () => {
  it('find each kind of jargon, and leave plain words alone', () => {
    expect(plainJargonIn('<p>fails with error 0x800b0109</p>')).toHaveLength(1);
    expect(plainJargonIn('<p>D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B</p>')).toHaveLength(1);
    expect(plainJargonIn('<p>HKLM\\SYSTEM\\CurrentControlSet</p>').length).toBeGreaterThanOrEqual(2);
    expect(plainJargonIn('<p>run Get-NetIPHttpsState</p>')).toHaveLength(1);
    expect(plainJargonIn('<p>netsh winhttp reset proxy</p>')).toHaveLength(1);
    expect(plainJargonIn('<p>Run as administrator</p>')).toHaveLength(1);
    expect(plainJargonIn('<p>Try the Wi-Fi; the IP-HTTPS tunnel to your organisation’s network.</p>')).toEqual([]);
  });
  it('find placeholders, and leave real commands alone', () => {
    for (const c of ['certutil -verify <file>', 'Set-X -Router {router}', 'Get-X ...', 'Get-X …', 'TODO']) expect(placeholderIn(c), c).toBe(true);
    for (const c of ["Get-NetIPAddress | Where-Object InterfaceAlias -like 'isatap*'", 'New-Object X($a, $false, { $true })', 'certutil -urlcache * delete'])
      expect(placeholderIn(c), c).toBe(false);
  });
});
