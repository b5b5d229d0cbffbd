/** Test-only helpers: run diagnose and check every finding against the contract. */
import { expect } from 'vitest';
import { diagnosisSchema, findingSchema, type Diagnosis, type Finding } from '../src-shared/finding';
import { diagnose } from '../src-shared/diagnose';
import { buildSnapshot, type Mutator } from './snapshotBuilder';

/** Diagnose the healthy client with the mutators applied, and check the output against the schemas. */
export function run(...mutators: Mutator[]): Diagnosis {
  const d = diagnose(buildSnapshot(...mutators));
  expect(() => diagnosisSchema.parse(d)).not.toThrow();
  for (const f of d.findings) checkFinding(f);
  return d;
}

/** A finding is valid, explains itself in both voices and gives the helpdesk something to run. */
export function checkFinding(f: Finding): void {
  expect(findingSchema.safeParse(f).success, `${f.id} validates`).toBe(true);
  expect(f.title.trim().length, `${f.id} title`).toBeGreaterThan(0);
  expect(f.plain.trim().length, `${f.id} plain`).toBeGreaterThan(40);
  expect(f.technical.trim().length, `${f.id} technical`).toBeGreaterThan(20);
  expect(f.evidence.length, `${f.id} evidence`).toBeGreaterThan(0);
  expect(f.commands.length, `${f.id} commands`).toBeGreaterThan(0);
  if (f.escalate) expect(f.adminAction?.length ?? 0, `${f.id} adminAction`).toBeGreaterThan(0);
  expect(f.plain).not.toMatch(/undefined|\bnull\b|\[object/);
  expect(f.technical).not.toMatch(/undefined|\[object/);
  if (f.adminAction) expect(f.adminAction).not.toMatch(/undefined|\[object/);
}

/** The ids of the error findings, sorted. */
export function errorIds(d: Diagnosis): string[] {
  return d.findings
    .filter((f) => f.severity === 'error')
    .map((f) => f.id)
    .sort();
}

/** The one finding with this id (fails when absent). */
export function get(d: Diagnosis, id: Finding['id']): Finding {
  const f = d.findings.find((x) => x.id === id);
  expect(f, `finding ${id} in ${d.findings.map((x) => x.id).join(', ') || '(none)'}`).toBeDefined();
  return f!;
}
