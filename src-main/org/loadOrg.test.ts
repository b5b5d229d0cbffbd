// Loading the organisation configuration: ProgramData wins, a malformed file is named and skipped.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../paths';
import { loadOrgConfig, orgConfigPaths } from './loadOrg';

const example = readFileSync(join(appRoot(), 'assets', 'org', 'org.example.json'), 'utf8');

function setup(programData: string | null, resources: string | null) {
  const base = mkdtempSync(join(tmpdir(), 'dad-org-'));
  const pd = join(base, 'ProgramData');
  const res = join(base, 'resources');
  if (programData !== null) {
    mkdirSync(join(pd, 'DirectAccess Doctor'), { recursive: true });
    writeFileSync(join(pd, 'DirectAccess Doctor', 'org.json'), programData);
  }
  if (resources !== null) {
    mkdirSync(join(res, 'org'), { recursive: true });
    writeFileSync(join(res, 'org', 'org.json'), resources);
  }
  return orgConfigPaths({ ProgramData: pd }, res);
}

describe('loadOrgConfig', () => {
  it('the shipped example is valid and pins the Contoso root', () => {
    const r = loadOrgConfig(setup(null, example));
    expect(r.errors).toEqual([]);
    expect(r.config?.pinnedRoots[0]?.thumbprint).toBe('D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B');
  });
  it('ProgramData wins over the resources', () => {
    const other = JSON.stringify({ ...JSON.parse(example), organisation: 'Policy-deployed' });
    expect(loadOrgConfig(setup(other, example)).config?.organisation).toBe('Policy-deployed');
  });
  it('a malformed file is named with its field, skipped, and the next one is used', () => {
    const bad = JSON.stringify({ ...JSON.parse(example), pinnedRoots: [{ subject: 'x', thumbprint: 'nope' }] });
    const r = loadOrgConfig(setup(bad, example));
    expect(r.config?.organisation).toBe('Contoso Ltd');
    expect(r.errors[0]).toMatch(/org\.json: field pinnedRoots\.0\.thumbprint/);
  });
  it('not JSON, and nothing at all', () => {
    const r = loadOrgConfig(setup('{', null));
    expect(r.config).toBeNull();
    expect(r.errors[0]).toMatch(/not valid JSON/);
    expect(loadOrgConfig(setup(null, null))).toEqual({ config: null, source: null, errors: [] });
  });
});
