// Every scenario file states its own expectations ("expect", docs/scenarios.md). For each one, end to end: the
// built CLI, real pwsh, the real probe module on the simulated host and the real rules give exactly the expected
// error root causes; then the real decision tree, walked with the scenario's answers and no fix applied, stops at
// the expected node. This is the only place that knows where a scenario ends.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnosisSchema } from '../src-shared/finding';
import { TREE, walk } from '../src-shared/tree';
import { appRoot } from './paths';
import { listScenarios, resolveScenario, scenarioExpect } from './scenarios';
import { buildCli, runCli } from './testing/runCli';

const root = appRoot();
const SCENARIOS = listScenarios();

beforeAll(buildCli);

describe('scenario files', () => {
  it('there are scenarios, and each states a valid expect whose end is a node of the tree', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(24);
    for (const name of SCENARIOS) expect(TREE.nodes[scenarioExpect(name).end], `${name}: end`).toBeDefined();
  });
});

describe.each(SCENARIOS)('scenario %s', (name) => {
  it('gives exactly its expected error root causes, and the guided path ends where it says', async () => {
    const expected = scenarioExpect(name);
    const { code, stdout, stderr } = await runCli(['diagnose', '--scenario', join(root, 'assets', 'scenarios', `${name}.json`), '--json'], {}, 60_000);
    expect(stderr).toBe('');
    const diagnosis = diagnosisSchema.parse(JSON.parse(stdout));
    const errors = diagnosis.findings.filter((f) => f.severity === 'error').map((f) => f.id);
    expect(errors.sort()).toEqual([...expected.errors].sort());
    for (const id of expected.present ?? []) expect(diagnosis.findings.map((f) => f.id)).toContain(id);
    expect(diagnosis.role).toBe(expected.role ?? 'client');
    expect(code).toBe(expected.errors.length ? 1 : 0);
    expect(diagnosis.status).toBe(expected.status ?? (expected.errors.length ? 'problems' : 'healthy'));
    for (const [section, status] of Object.entries(diagnosis.probes)) {
      const want = expected.sections?.[section as keyof typeof expected.sections];
      expect(status.status, `${section}: ${status.message ?? ''}`).toBe(want ?? (status.status === 'notApplicable' ? 'notApplicable' : 'ok'));
    }

    const w = walk(TREE, { diagnosis, snapshot: { org: resolveScenario(name).org }, answers: expected.answers ?? {}, fixResults: {} });
    expect(w.current.id, `path: ${w.path.map((s) => s.node.id).join(' → ')}`).toBe(expected.end);
  });
});
