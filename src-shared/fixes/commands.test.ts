import { describe, expect, it } from 'vitest';
import { FIXES } from './catalogue';
import { DECLARED_FIX_IDS, declaredPreview, FIX_COMMANDS, unexplainedValues } from './commands';

/** The {name} parameters a fix's declared commands use. */
function paramNames(id: string): string[] {
  const entry = FIX_COMMANDS[id];
  const runs = [...(entry?.fix.commands ?? []), ...(entry?.undo?.commands ?? [])].map((c) => c.run);
  return [...new Set(runs.flatMap((r) => [...r.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1] as string)))];
}

describe('the fix commands declaration (assets/ps/fixes/FixCommands.json)', () => {
  it('declares every fix of the catalogue, and the catalogue has every fix it declares', () => {
    expect([...DECLARED_FIX_IDS].sort()).toEqual([...FIXES.keys()].sort());
  });

  it('declares undo commands exactly for the fixes the catalogue says can be undone', () => {
    for (const [id, spec] of FIXES) {
      expect({ id, undo: FIX_COMMANDS[id]?.undo !== undefined }).toEqual({ id, undo: spec.undo !== null });
    }
  });

  it("the catalogue's preview is the declaration, with every known parameter filled in", () => {
    for (const [id, spec] of FIXES) {
      const values = Object.fromEntries(paramNames(id).map((n) => [n, `VALUE-OF-${n}`]));
      const lines = spec.preview(values);
      expect(lines.length).toBe(FIX_COMMANDS[id]?.fix.commands.length);
      expect(lines).toEqual(declaredPreview(id, values));
      for (const line of lines) expect(line, `${id}: ${line}`).not.toMatch(/\{[A-Za-z]+\}/);
      for (const n of paramNames(id)) {
        expect(lines.join('\n')).not.toContain(`$${n} `);
        expect(lines.join('\n')).toContain(`VALUE-OF-${n}`);
      }
    }
  });

  it('shows the real values: the router, the thumbprint, and what the import really calls', () => {
    expect(FIXES.get('enable-isatap')?.preview({ router: 'isatap.contoso.com' })).toContain(
      'Set-NetIsatapConfiguration -State Enabled -Router isatap.contoso.com',
    );
    const root = FIXES.get('import-root-ca')?.preview({ thumbprint: 'D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B' }) ?? [];
    expect(root.join('\n')).toContain(
      "Import-DadCertificate -Store Root -Certificate $ApprovedCertificate -Thumbprint D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B   # $ApprovedCertificate is the approved certificate's bytes, held in memory (no file); only when the root is not trusted yet",
    );
    expect(root.join('\n')).not.toContain('-Path ');
    expect(root.join('\n')).not.toContain('Import-Certificate ');
    expect(root).toContain('Restart-Service -Name iphlpsvc -Force');
  });

  it('explains every run-time $Value a declared line uses, and uses no <placeholder> for one', () => {
    for (const [id, entry] of Object.entries(FIX_COMMANDS)) {
      for (const c of [...entry.fix.commands, ...(entry.undo?.commands ?? [])]) {
        expect(unexplainedValues(c), `${id}: ${c.run}`).toEqual([]);
        expect(c.run, id).not.toMatch(/<[^<>]*>/);
      }
    }
  });

  it('names a parameter it does not know as a variable the comment explains, never as an empty string or <name>', () => {
    expect(FIXES.get('set-isatap-router')?.preview({})).toContain("Set-NetIsatapConfiguration -Router $router   # $router is the fix's router, not given yet");
  });
});
