// What people read, over every scenario with real pwsh and the real probes on the simulated host: every evidence row
// is named as Windows names it, every command a technician may paste (a finding's and a fix preview's) holds real
// values and no placeholder, and the end user's plain view carries no codes, paths, cmdlets or admin instructions.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceSource, sourceKey } from '../src-shared/evidenceSource';
import type { Finding } from '../src-shared/finding';
import { FindingDetails } from '../src-renderer/components/FindingDetails';
import { createFixExecutor } from './fixes/forDoctor';
import { listScenarios } from './scenarios';
import { Doctor } from './services/doctor';
import { placeholderIn, plainJargonIn } from '../test-support/textChecks';

const SCENARIOS = listScenarios();
const doctor = Doctor.simulated(SCENARIOS[0] as string);
const executor = createFixExecutor(doctor, mkdtempSync(join(tmpdir(), 'dad-texts-')));
/** Every finding of every scenario, and every fix preview the simulated host gives for them. */
const found: { scenario: string; finding: Finding }[] = [];
const previews: { scenario: string; fix: string; commands: string[] }[] = [];

beforeAll(async () => {
  for (const scenario of SCENARIOS) {
    await doctor.useScenario(scenario);
    const { snapshot, diagnosis } = await doctor.collect();
    executor.noteSnapshot(snapshot);
    for (const finding of diagnosis.findings) {
      found.push({ scenario, finding });
      for (const fix of finding.fixes) previews.push({ scenario, fix, commands: executor.preview(fix, {}).commands });
    }
  }
}, 300_000);
afterAll(() => doctor.dispose());

describe('over every scenario', () => {
  it('has findings and fix previews to look at', () => {
    expect(found.length).toBeGreaterThan(SCENARIOS.length / 2);
    expect(previews.length).toBeGreaterThan(10);
  });

  it('names every evidence field as Windows names it (src-shared/evidenceSource.ts)', () => {
    const unnamed = found.flatMap(({ scenario, finding }) =>
      finding.evidence.filter((e) => evidenceSource(e) === null).map((e) => `${scenario} ${finding.id}: ${sourceKey(e)}`),
    );
    expect(unnamed).toEqual([]);
  });

  it("a finding's commands hold real values: no placeholder a technician would have to fill in", () => {
    const bad = found.flatMap(({ scenario, finding }) => finding.commands.filter(placeholderIn).map((c) => `${scenario} ${finding.id}: ${c}`));
    expect(bad).toEqual([]);
  });

  it("a fix preview's commands hold real values: no placeholder", () => {
    const bad = previews.flatMap(({ scenario, fix, commands }) => commands.filter(placeholderIn).map((c) => `${scenario} ${fix}: ${c}`));
    expect(bad).toEqual([]);
  });

  it('the plain view (FindingDetails, technical off) shows no code, thumbprint, registry path, cmdlet or admin instruction', () => {
    const bad = found.flatMap(({ scenario, finding }) => {
      const html = renderToStaticMarkup(<FindingDetails finding={finding} technical={false} />);
      return plainJargonIn(html).map((hit) => `${scenario} ${finding.id}: ${hit}`);
    });
    expect(bad).toEqual([]);
  });
});
