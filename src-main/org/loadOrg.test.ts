// Loading the organisation configuration: policy > install folder > ProgramData, ProgramData only when admin-only,
// a malformed source named with its field and skipped.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appRoot } from '../paths';
import { defaultOrgSources, loadOrgConfig, parseRegQueryValue, type OrgSources } from './loadOrg';

const example = readFileSync(join(appRoot(), 'assets', 'org', 'org.example.json'), 'utf8');
const named = (organisation: string) => JSON.stringify({ ...JSON.parse(example), organisation });

function setup(o: { policy?: string | null; install?: string | null; programData?: string | null; adminOnly?: string | null }): OrgSources {
  const base = mkdtempSync(join(tmpdir(), 'dad-org-'));
  const pdFile = join(base, 'ProgramData', 'DirectAccess Doctor', 'org.json');
  const installFile = join(base, 'resources', 'org', 'org.json');
  if (o.programData != null) {
    mkdirSync(join(pdFile, '..'), { recursive: true });
    writeFileSync(pdFile, o.programData);
  }
  if (o.install != null) {
    mkdirSync(join(installFile, '..'), { recursive: true });
    writeFileSync(installFile, o.install);
  }
  return {
    readPolicy: () => o.policy ?? null,
    installFile,
    programDataFile: pdFile,
    isAdminOnly: () => (o.adminOnly === undefined ? 'C:\\ProgramData\\DirectAccess Doctor is owned by LAPTOP\\mallory' : o.adminOnly),
  };
}

describe('loadOrgConfig', () => {
  it('the shipped example is valid and pins the Contoso root', () => {
    const r = loadOrgConfig(setup({ install: example }));
    expect(r.errors).toEqual([]);
    expect(r.config?.pinnedRoots[0]?.thumbprint).toBe('D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B');
  });

  it('a ProgramData file any user could have planted is not used, and says why', () => {
    const r = loadOrgConfig(setup({ programData: named('Planted'), install: example }));
    expect(r.config?.organisation).toBe('Contoso Ltd');
    const alone = loadOrgConfig(setup({ programData: named('Planted') }));
    expect(alone.config).toBeNull();
    expect(alone.errors[0]).toMatch(/is not used: .*owned by LAPTOP\\mallory/);
  });

  it('a ProgramData file owned by administrators and not writable by users is used when nothing else is set', () => {
    expect(loadOrgConfig(setup({ programData: named('Deployed'), adminOnly: null })).config?.organisation).toBe('Deployed');
  });

  it('precedence: policy > install folder > admin-only ProgramData', () => {
    const all = setup({ policy: named('Policy'), install: named('Install'), programData: named('ProgramData'), adminOnly: null });
    expect(loadOrgConfig(all)).toMatchObject({ config: { organisation: 'Policy' }, source: 'HKLM\\SOFTWARE\\Policies\\DirectAccess Doctor\\OrgConfig' });
    expect(loadOrgConfig({ ...all, readPolicy: () => null }).config?.organisation).toBe('Install');
    expect(loadOrgConfig({ ...all, readPolicy: () => null, installFile: undefined }).config?.organisation).toBe('ProgramData');
  });

  it('a malformed source is named with its field, skipped, and the next one is used', () => {
    const bad = JSON.stringify({ ...JSON.parse(example), pinnedRoots: [{ subject: 'x', thumbprint: 'nope' }] });
    const r = loadOrgConfig(setup({ policy: bad, install: example }));
    expect(r.config?.organisation).toBe('Contoso Ltd');
    expect(r.errors[0]).toMatch(/OrgConfig: field pinnedRoots\.0\.thumbprint/);
  });

  it('not JSON, and nothing at all', () => {
    const r = loadOrgConfig(setup({ install: '{' }));
    expect(r.config).toBeNull();
    expect(r.errors[0]).toMatch(/not valid JSON/);
    expect(loadOrgConfig(setup({}))).toEqual({ config: null, source: null, errors: [] });
  });

  it('off Windows neither the policy nor ProgramData is a source; on Windows ProgramData always goes through the ACL check', () => {
    const linux = defaultOrgSources({ ProgramData: '/pd' }, '/res', 'linux');
    expect(linux).toEqual({ installFile: join('/res', 'org', 'org.json') });
    const win = defaultOrgSources({ ProgramData: 'C:\\ProgramData', SystemRoot: 'C:\\Windows' }, 'C:\\Program Files\\DAD\\resources', 'win32');
    expect(win.programDataFile).toBe('C:\\ProgramData\\DirectAccess Doctor\\org.json');
    expect(win.isAdminOnly).toBeTypeOf('function');
    expect(win.readPolicy).toBeTypeOf('function');
  });

  it('a checker that throws counts as "not admin-only"', () => {
    const s = setup({ programData: named('Planted') });
    const r = loadOrgConfig({
      ...s,
      isAdminOnly: vi.fn(() => {
        throw new Error('access denied');
      }),
    });
    expect(r.config).toBeNull();
    expect(r.errors[0]).toMatch(/permissions cannot be read/);
  });
});

describe('parseRegQueryValue', () => {
  it('reads the JSON of a REG_SZ value from reg query output', () => {
    const out = `\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\DirectAccess Doctor\r\n    OrgConfig    REG_SZ    {"schema":"da-doctor/org@1", "organisation":"A  B"}\r\n\r\n`;
    expect(parseRegQueryValue(out, 'OrgConfig')).toBe('{"schema":"da-doctor/org@1", "organisation":"A  B"}');
    expect(parseRegQueryValue(out, 'Other')).toBeNull();
    expect(parseRegQueryValue('    OrgConfig    REG_DWORD    0x1', 'OrgConfig')).toBeNull();
  });
});
