/**
 * The organisation configuration on Windows (contract.md §4, DESIGN §4: "from the install folder or from HKLM
 * policy, never from a place a standard user can write"). Three sources, highest priority first:
 *
 * 1. HKLM policy, `HKLM\SOFTWARE\Policies\DirectAccess Doctor`, REG_SZ `OrgConfig` holding the JSON document. Only
 *    administrators (Group Policy, Intune, Configuration Manager) write HKLM\SOFTWARE\Policies, and it is the place
 *    an organisation manages centrally, so it wins.
 * 2. `resources\org\org.json` in the per-machine install folder (Program Files: administrators only), shipped with
 *    the installer: the organisation's baseline when no policy is set.
 * 3. `%ProgramData%\DirectAccess Doctor\org.json`, but only when that file and its folder are owned by SYSTEM or
 *    Administrators and no one else may write them. ProgramData lets every user create folders, so an unchecked file
 *    there is a planted configuration (its pins make a root "safe to import"); it comes last because even a checked
 *    file is the weakest guarantee (an ACL can be loosened later). Off Windows it is not used at all.
 *
 * A malformed source is reported (source and field) and ignored: everything works without a configuration. On the
 * simulated host the scenario's `org` is used instead.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, win32 } from 'node:path';
import { orgConfigSchema, type OrgConfig } from '../../src-shared/orgConfig';
import { powershellEnv, powershellExecutable } from '../powershell/executable';

/** The configuration in effect (null without one) and the errors of sources that were skipped. */
export interface OrgLoad {
  config: OrgConfig | null;
  source: string | null;
  errors: string[];
}

export const POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\DirectAccess Doctor';
export const POLICY_VALUE = 'OrgConfig';

/** Where the configuration may come from; every OS access is injected so tests can stand in. */
export interface OrgSources {
  /** The policy's `OrgConfig` JSON text, or null when the value is not set. */
  readPolicy?: () => string | null;
  /** `resources\org\org.json` of the install folder. */
  installFile?: string;
  /** `%ProgramData%\DirectAccess Doctor\org.json`: used only with `isAdminOnly`. */
  programDataFile?: string;
  /** null when the file and its folder are owned by SYSTEM/Administrators and not writable by others; else why not. */
  isAdminOnly?: (file: string) => string | null;
}

/** The sources of this machine: all three on Windows, only the install folder elsewhere. */
export function defaultOrgSources(
  env: NodeJS.ProcessEnv = process.env,
  resourcesPath = (process as { resourcesPath?: string }).resourcesPath,
  platform: NodeJS.Platform = process.platform,
): OrgSources {
  const sources: OrgSources = {};
  if (resourcesPath) sources.installFile = join(resourcesPath, 'org', 'org.json');
  if (platform !== 'win32') return sources;
  sources.readPolicy = () => readPolicyWithReg(env);
  const programData = env.ProgramData ?? env.PROGRAMDATA;
  if (programData) sources.programDataFile = win32.join(programData, 'DirectAccess Doctor', 'org.json');
  sources.isAdminOnly = (file) => adminOnlyWithPowerShell(file, env);
  return sources;
}

/** Parses and checks one document: the config, or an error naming the source and the field. */
export function parseOrgConfig(text: string, source: string): { config: OrgConfig } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { error: `organisation configuration ${source} is not valid JSON (${(e as Error).message}); ignored` };
  }
  const parsed = orgConfigSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `organisation configuration ${source}: field ${issue?.path.join('.') || '(root)'}: ${issue?.message}; ignored` };
  }
  return { config: parsed.data };
}

/** Reads and checks one file. */
export function readOrgConfigFile(path: string): { config: OrgConfig } | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { error: `organisation configuration ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ignored` };
  }
  return parseOrgConfig(text, path);
}

/** The first valid source in the order policy > install folder > ProgramData (see the module comment for why). */
export function loadOrgConfig(sources: OrgSources = defaultOrgSources()): OrgLoad {
  const errors: string[] = [];
  const candidates: { source: string; read: () => { config: OrgConfig } | { error: string } | null }[] = [
    {
      source: `${POLICY_KEY}\\${POLICY_VALUE}`,
      read: () => {
        let text: string | null;
        try {
          text = sources.readPolicy ? sources.readPolicy() : null;
        } catch (e) {
          return { error: `organisation policy ${POLICY_KEY} cannot be read (${(e as Error).message}); ignored` };
        }
        return text === null ? null : parseOrgConfig(text, `${POLICY_KEY}\\${POLICY_VALUE}`);
      },
    },
    { source: sources.installFile ?? '', read: () => (sources.installFile && existsSync(sources.installFile) ? readOrgConfigFile(sources.installFile) : null) },
    {
      source: sources.programDataFile ?? '',
      read: () => {
        const file = sources.programDataFile;
        if (!file || !sources.isAdminOnly || !existsSync(file)) return null;
        let why: string | null;
        try {
          why = sources.isAdminOnly(file);
        } catch (e) {
          why = `its permissions cannot be read (${(e as Error).message})`;
        }
        if (why !== null) return { error: `organisation configuration ${file} is not used: ${why}` };
        return readOrgConfigFile(file);
      },
    },
  ];
  for (const c of candidates) {
    const r = c.read();
    if (r === null) continue;
    if ('config' in r) return { config: r.config, source: c.source, errors };
    errors.push(r.error);
  }
  return { config: null, source: null, errors };
}

/** `reg.exe query` by its full path; null when the key or value is absent (exit code 1). */
export function readPolicyWithReg(env: NodeJS.ProcessEnv = process.env): string | null {
  const reg = win32.join(env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows', 'System32', 'reg.exe');
  let out: string;
  try {
    out = execFileSync(reg, ['query', POLICY_KEY, '/v', POLICY_VALUE], { encoding: 'utf8', windowsHide: true, timeout: 10_000 });
  } catch (e) {
    if ((e as { status?: number }).status === 1) return null;
    throw e;
  }
  return parseRegQueryValue(out, POLICY_VALUE);
}

/** The data of one REG_SZ / REG_EXPAND_SZ value in `reg query` output, or null when it is not there. */
export function parseRegQueryValue(output: string, name: string): string | null {
  for (const line of output.split(/\r?\n/)) {
    const m = /^\s+(\S.*?)\s{4}(REG_SZ|REG_EXPAND_SZ)\s{4}(.*)$/.exec(line);
    if (m && m[1]?.toLowerCase() === name.toLowerCase()) return m[3] ?? '';
  }
  return null;
}

/**
 * The ACL check, in Windows PowerShell: the path comes in through an environment variable (data, never code). Owner
 * of the file and of its folder must be SYSTEM or Administrators (or TrustedInstaller); every Allow rule that applies
 * to the object and grants any write, delete, permission or ownership right must belong to one of those.
 */
const ACL_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  "$ok = @('S-1-5-18', 'S-1-5-32-544', 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464')",
  '$write = [int](0x2 -bor 0x4 -bor 0x10 -bor 0x40 -bor 0x100 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x10000000 -bor 0x40000000)',
  '$why = @()',
  'foreach ($p in @($env:DAD_ACL_PATH, (Split-Path -LiteralPath $env:DAD_ACL_PATH -Parent))) {',
  '  $acl = Get-Acl -LiteralPath $p',
  '  $owner = (New-Object System.Security.Principal.NTAccount($acl.Owner)).Translate([System.Security.Principal.SecurityIdentifier]).Value',
  "  if ($ok -notcontains $owner) { $why += ($p + ' is owned by ' + $acl.Owner) }",
  '  foreach ($r in $acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])) {',
  "    if ($r.AccessControlType -ne 'Allow' -or ($r.PropagationFlags -band 2)) { continue }",
  "    if (([int]$r.FileSystemRights -band $write) -and ($ok -notcontains $r.IdentityReference.Value)) { $why += ($p + ' is writable by ' + $r.IdentityReference.Value) }",
  '  }',
  '}',
  "if ($why.Count -eq 0) { 'ADMIN-ONLY' } else { $why -join '; ' }",
].join('\n');

/** Runs ACL_SCRIPT; null when admin-only, else the reason. */
export function adminOnlyWithPowerShell(file: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const out = execFileSync(
    powershellExecutable(env),
    ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(ACL_SCRIPT, 'utf16le').toString('base64')],
    {
      encoding: 'utf8',
      windowsHide: true,
      timeout: 20_000,
      env: { ...powershellEnv(env), DAD_ACL_PATH: file },
    },
  ).trim();
  return out === 'ADMIN-ONLY' ? null : out || `the permissions of ${dirname(file)} could not be checked`;
}
