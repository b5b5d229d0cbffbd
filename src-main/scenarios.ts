/** The simulated host's scenario files: find them by name or path, and read what Node needs of them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { fixIdSchema, rootCauseIdSchema } from '../src-shared/ids';
import { orgConfigSchema, type OrgConfig } from '../src-shared/orgConfig';
import { SECTION_NAMES, type SectionName } from '../src-shared/snapshot';
import { scenariosDir } from './paths';

export const SCENARIO_SCHEMA = 'da-doctor/scenario@1';

/** The names of the built-in scenarios (files in assets/scenarios, not the _base machines). */
export function listScenarios(): string[] {
  const dir = scenariosDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** A scenario that was found and checked: its absolute path, name and organisation configuration. */
export interface ScenarioRef {
  path: string;
  name: string;
  org: OrgConfig | null;
}

/** A bad scenario argument: the CLI turns it into exit code 2 with this message. */
export class InputError extends Error {}

/**
 * Resolves `nameOrPath` (a built-in name such as `untrusted-root`, or a file path) and checks that it is a
 * scenario file, so that bad input is refused before any PowerShell starts.
 */
export function resolveScenario(nameOrPath: string): ScenarioRef {
  const isName = /^[a-z0-9][a-z0-9-]{0,63}$/.test(nameOrPath);
  const path = isName && !nameOrPath.endsWith('.json') ? join(scenariosDir(), `${nameOrPath}.json`) : isAbsolute(nameOrPath) ? nameOrPath : resolve(nameOrPath);
  if (!existsSync(path)) throw new InputError(`scenario not found: ${nameOrPath}`);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(`scenario ${path} is not JSON: ${(e as Error).message}`);
  }
  const tag = (doc as { schema?: unknown } | null)?.schema;
  if (tag !== SCENARIO_SCHEMA) throw new InputError(`scenario ${path} has schema ${JSON.stringify(tag)}; expected ${SCENARIO_SCHEMA}`);
  const rawOrg = (doc as { org?: unknown }).org;
  let org: OrgConfig | null = null;
  if (rawOrg !== undefined && rawOrg !== null) {
    const parsed = orgConfigSchema.safeParse(rawOrg);
    if (!parsed.success) throw new InputError(`scenario ${path} has an invalid org configuration: ${parsed.error.issues[0]?.message}`);
    org = parsed.data;
  }
  return { path, name: basename(path, '.json'), org };
}

/**
 * What a scenario states about itself (docs/scenarios.md, "expect"): the exact error root causes of its diagnosis,
 * the tree node where the guided path stops with the given answers and no fix applied, and optionally other
 * findings, sections that must fail, and the end node's fixes that verify (or not) on the simulated host. The
 * integration tests and the Playwright walks read it; no other table of where scenarios end exists.
 */
export const scenarioExpectSchema = z
  .object({
    /** The role the diagnosis derives (default client); the walks pick it as the start choice (the checks decide the role anyway). */
    role: z.enum(['client', 'manageOut', 'server']).optional(),
    errors: z.array(rootCauseIdSchema),
    /** The diagnosis status when it is not the one `errors` implies (a latent warning makes it `problems`). */
    status: z.enum(['healthy', 'problems', 'unknown']).optional(),
    end: z.string().min(1),
    answers: z.record(z.string(), z.string()).optional(),
    present: z.array(rootCauseIdSchema).optional(),
    sections: z.partialRecord(z.enum(SECTION_NAMES as [SectionName, ...SectionName[]]), z.enum(['error', 'timedOut'])).optional(),
    verified: z.array(fixIdSchema).optional(),
    notVerified: z.array(fixIdSchema).optional(),
  })
  .strict();
export type ScenarioExpect = z.infer<typeof scenarioExpectSchema>;

/** The `expect` block of a built-in scenario; throws InputError when it is missing or malformed. */
export function scenarioExpect(name: string): ScenarioExpect {
  const ref = resolveScenario(name);
  const doc = JSON.parse(readFileSync(ref.path, 'utf8')) as { expect?: unknown };
  const parsed = scenarioExpectSchema.safeParse(doc.expect);
  if (!parsed.success) throw new InputError(`scenario ${ref.name} has no valid "expect": ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
