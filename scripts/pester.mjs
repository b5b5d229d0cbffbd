// Runs every Pester test under assets/ps with the PowerShell 7 and Pester that setup installed.
// Exits non-zero when any test fails or when no test ran (a suite that silently finds nothing must not pass).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pesterManifest, pwshPath } from './setup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = [
  "$ErrorActionPreference = 'Stop'",
  `Import-Module '${pesterManifest.replace(/'/g, "''")}'`,
  '$c = New-PesterConfiguration',
  `$c.Run.Path = '${join(root, 'assets', 'ps').replace(/'/g, "''")}'`,
  '$c.Run.PassThru = $true',
  "$c.Output.Verbosity = 'Normal'",
  '$r = Invoke-Pester -Configuration $c',
  "if ($r.Result -ne 'Passed' -or $r.PassedCount -eq 0 -or $r.SkippedCount -gt 0) { exit 1 }",
].join('; ');
const res = spawnSync(pwshPath, ['-NoProfile', '-NonInteractive', '-Command', script], { stdio: 'inherit', cwd: root });
process.exit(res.status ?? 1);
