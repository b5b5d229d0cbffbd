// The standalone collector (assets/ps/Collect-DadSnapshot.ps1, for Windows 7 and managed collection) writes the
// same snapshot as the app: the app's own parser accepts it and the diagnosis matches the acceptance table.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src-shared/diagnose';
import { parseSnapshotText } from '../src-shared/snapshotParse';
import { powershellEnv, powershellExecutable } from './powershell/executable';
import { appRoot } from './paths';
import { scenarioExpect } from './scenarios';

const run = promisify(execFile);
const root = appRoot();
const script = join(root, 'assets', 'ps', 'Collect-DadSnapshot.ps1');

async function collect(args: string[]) {
  return run(powershellExecutable(), ['-NoProfile', '-NonInteractive', '-File', script, ...args], { env: powershellEnv(), timeout: 60_000 });
}

describe('Collect-DadSnapshot.ps1', () => {
  it.each(['win7-untrusted-root', 'revocation-offline', 'healthy', 'isatap-blocked-name'])(
    'writes a snapshot the app diagnoses like its own: %s',
    async (name) => {
      const out = join(mkdtempSync(join(tmpdir(), 'dad-standalone-')), 'snapshot.json');
      await collect(['-OutFile', out, '-Scenario', join(root, 'assets', 'scenarios', `${name}.json`)]);
      const parsed = parseSnapshotText(readFileSync(out, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.message);
      expect(parsed.snapshot.collector).toMatchObject({ host: 'simulated', scenario: name });
      const errors = diagnose(parsed.snapshot)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.id);
      // The standalone file carries no organisation configuration, which only changes which fixes are one click.
      expect(errors.sort()).toEqual([...scenarioExpect(name).errors].sort());
    },
  );

  it('leaves no file behind when it cannot write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dad-standalone-'));
    const out = join(dir, 'no-such-folder', 'snapshot.json');
    await expect(collect(['-OutFile', out, '-Scenario', join(root, 'assets', 'scenarios', 'healthy.json')])).rejects.toThrow();
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
