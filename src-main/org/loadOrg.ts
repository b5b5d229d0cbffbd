/**
 * The organisation configuration on Windows (contract.md §4): `resources/org/org.json` shipped with the installer and
 * `%ProgramData%\DirectAccess Doctor\org.json` deployed by policy; ProgramData wins. A malformed file is reported
 * (file and field) and ignored: everything works without it. On the simulated host the scenario's `org` is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { orgConfigSchema, type OrgConfig } from '../../src-shared/orgConfig';

/** The configuration in effect (null without one) and the errors of files that were skipped. */
export interface OrgLoad {
  config: OrgConfig | null;
  source: string | null;
  errors: string[];
}

/** The candidate files, highest priority first. */
export function orgConfigPaths(env: NodeJS.ProcessEnv = process.env, resourcesPath = (process as { resourcesPath?: string }).resourcesPath): string[] {
  const paths: string[] = [];
  const programData = env.ProgramData ?? env.PROGRAMDATA;
  if (programData) paths.push(join(programData, 'DirectAccess Doctor', 'org.json'));
  if (resourcesPath) paths.push(join(resourcesPath, 'org', 'org.json'));
  return paths;
}

/** Reads and checks one file: the config, or an error naming the file and the field. */
export function readOrgConfigFile(path: string): { config: OrgConfig } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    return { error: `organisation configuration ${path} is not valid JSON (${(e as Error).message}); ignored` };
  }
  const parsed = orgConfigSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `organisation configuration ${path}: field ${issue?.path.join('.') || '(root)'}: ${issue?.message}; ignored` };
  }
  return { config: parsed.data };
}

/** The first valid file of the candidates; the errors of those that were malformed. */
export function loadOrgConfig(paths: string[] = orgConfigPaths()): OrgLoad {
  const errors: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const r = readOrgConfigFile(p);
    if ('config' in r) return { config: r.config, source: p, errors };
    errors.push(r.error);
  }
  return { config: null, source: null, errors };
}
