/** Where the program's files are: the repository in development, the install folder when packaged. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json (dev) — found by walking up, so it works from src-main/ and out/main/. */
export function appRoot(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"directaccess-doctor"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the DirectAccess Doctor folder above ${start}`);
    dir = up;
  }
}

/**
 * The PowerShell module folder. Packaged, it is `resources/ps` in the per-machine install folder (never a
 * user-writable copy: the elevated fixes run from it); in development, `assets/ps`.
 */
export function psDir(): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && existsSync(join(resources, 'ps', 'DaDoctor.psm1'))) return join(resources, 'ps');
  return join(appRoot(), 'assets', 'ps');
}

/** The scenario folder of the simulated host. */
export function scenariosDir(): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && existsSync(join(resources, 'scenarios'))) return join(resources, 'scenarios');
  return join(appRoot(), 'assets', 'scenarios');
}

/** The program's version, written into every snapshot and report. */
export function appVersion(): string {
  return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
