// electron-builder.yml, offline: valid against the schema of the installed app-builder-lib, and every setting the
// security of the install rests on (docs/security.md) is what it should be. Flip a fuse and this fails.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../paths';

const root = appRoot();
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface FileSet {
  from: string;
  to: string;
  filter: string[];
}
interface BuilderConfig {
  asar: boolean;
  directories: { output: string; buildResources: string };
  extraResources: FileSet[];
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[]; requestedExecutionLevel: string; signtoolOptions?: Record<string, unknown> };
  nsis: Record<string, unknown>;
}

const configText = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('flips every fuse the app does not need (Electron checklist 19)', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('installs per machine into Program Files with an assisted NSIS installer, and the app runs asInvoker', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowElevation: true, allowToChangeInstallationDirectory: false });
    // Stable, so upgrades replace the installed program and deployment detection rules hold.
    expect(config.nsis.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('ships the PowerShell scripts and the organisation configuration outside app.asar, without tests or the simulator', () => {
    const ps = config.extraResources.find((r) => r.to === 'ps');
    expect(ps).toMatchObject({ from: 'assets/ps' });
    expect(ps?.filter).toEqual(expect.arrayContaining(['**/*.ps1', '**/*.psm1', 'fixes/FixCommands.json', '!**/*.Tests.ps1', '!sim/**', '!TestSupport.ps1']));
    expect(existsSync(join(root, 'assets', 'ps', 'fixes', 'FixCommands.json'))).toBe(true);
    // src-main/org/loadOrg.ts reads resources/org/org.json.
    expect(config.extraResources.find((r) => r.to === 'org')).toEqual({ from: 'assets/org', to: 'org', filter: ['org.json'] });
  });

  it('creates %ProgramData%\\DirectAccess Doctor admin-only, with icacls by full path', () => {
    const include = String(config.nsis.include);
    const nsh = readFileSync(join(root, include), 'utf8');
    expect(nsh).toMatch(/!macro customInstall/);
    expect(nsh).toMatch(/SetShellVarContext all/);
    expect(nsh).toMatch(/StrCpy \$0 "\$APPDATA\\DirectAccess Doctor"/);
    expect(nsh).toContain('"$SYSDIR\\icacls.exe"');
    expect(nsh).not.toMatch(/^\s*nsExec::\w+\s+'?"?icacls/m); // never a bare name the search path resolves
    expect(nsh).toContain('/setowner *S-1-5-32-544');
    // SYSTEM and Administrators full, Users read and execute, nothing inherited from ProgramData.
    expect(nsh).toContain('/inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX');
    expect(nsh).toMatch(/Abort/);
  });

  it('signs only with what the environment provides: no certificate, path or password in the file', () => {
    for (const key of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword', 'certificateSha1', 'certificateSubjectName']) {
      expect(configText, key).not.toContain(`${key}:`);
    }
    expect(configText).not.toMatch(/password\s*:/i);
    expect(config.win.signtoolOptions).toEqual({ signingHashAlgorithms: ['sha256'] });
  });
});
