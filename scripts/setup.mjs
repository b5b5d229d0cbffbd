// Installs what the program and its tests need and are missing: npm packages, PowerShell 7 (a .NET tool, whose
// assemblies it then compiles ahead of time on Linux), Pester (from the NuGet feed) and Debian's Chromium. Idempotent
// and quiet when everything is there, so the README's two commands can call it every time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tools = join(root, '.tools');
const quiet = process.argv.includes('--quiet');
const PWSH_VERSION = '7.6.9';
const PESTER_VERSION = '5.7.1';

const toolShim = join(tools, 'pwsh', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
/**
 * The PowerShell to run. On Linux the .NET tool's `pwsh` is a shim that starts `dotnet pwsh.dll` as a child and
 * does not pass signals on: killing a hung session would orphan the real PowerShell (and keep our pipes open).
 * `pwsh-exec` execs dotnet in place, so the process we start is the process we kill.
 */
export const pwshPath = process.platform === 'win32' ? toolShim : join(tools, 'pwsh', 'pwsh-exec');
export const pesterManifest = join(tools, 'nuget', 'pester', PESTER_VERSION, 'tools', 'Pester.psd1');
export const chromiumPath = process.env.DAD_CHROMIUM ?? '/usr/bin/chromium';

function say(msg) {
  if (!quiet) process.stderr.write(`setup: ${msg}\n`);
}
function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: quiet ? 'ignore' : ['ignore', 'inherit', 'inherit'], cwd: root, ...opts });
}

function ensureNpm() {
  // npm records what it installed in node_modules/.package-lock.json; a lock file changed since (a pull that added a
  // package) means the tree is stale, so install again.
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs) return;
  say('installing npm packages');
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=warn'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
}

/** The folder of the installed tool's pwsh.dll and the framework it targets (e.g. net10.0). */
function pwshDllDir() {
  const store = join(tools, 'pwsh', '.store', 'powershell', PWSH_VERSION, 'powershell', PWSH_VERSION, 'tools');
  const framework = readdirSync(store).find((d) => d.startsWith('net')) ?? 'net10.0';
  const dir = join(store, framework, 'any', 'unix');
  if (!existsSync(join(dir, 'pwsh.dll'))) throw new Error(`PowerShell's pwsh.dll not found under ${store}`);
  return { dir, framework };
}

export function ensurePwsh() {
  if (!existsSync(toolShim)) {
    say(`installing PowerShell ${PWSH_VERSION} as a .NET tool`);
    run('dotnet', ['tool', 'install', 'PowerShell', '--version', PWSH_VERSION, '--tool-path', join(tools, 'pwsh')]);
  }
  if (process.platform === 'win32') return;
  ensurePwshLogLevel();
  // Written again when it names another folder's pwsh.dll (a copied .tools): it must run the assemblies in this one.
  // The real path, so a worktree whose .tools is a link to another's finds the script right and leaves it alone.
  const script = `#!/bin/sh\nexec dotnet '${realpathSync(join(pwshDllDir().dir, 'pwsh.dll')).replace(/'/g, `'\\''`)}' "$@"\n`;
  if (existsSync(pwshPath) && readFileSync(pwshPath, 'utf8') === script) return;
  writeFileSync(pwshPath, script, { mode: 0o755 });
}

/**
 * PowerShell on Linux logs the start and end of every command to syslog at its default level (Informational); on
 * Windows the same events go to ETW, where they cost next to nothing while nobody listens. Here that logging took about
 * a fifth of the probes' CPU, which `npm run bench` would count as ours, so the development PowerShell logs warnings
 * and worse only. Linux only: on Windows, $PSHOME's settings file carries the machine's policy and is not ours.
 */
function ensurePwshLogLevel() {
  const file = join(pwshDllDir().dir, 'powershell.config.json');
  let settings = {};
  try {
    settings = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // absent (the .NET tool ships none for Linux) or unreadable: written afresh
  }
  if (settings?.LogLevel === 'Warning') return;
  writeFileSync(file, JSON.stringify({ ...settings, LogLevel: 'Warning' }, null, 2) + '\n');
}

// Roslyn is loaded only by Add-Type, which nothing of ours calls, and is a third of the compile time.
const R2R_SKIP = /^Microsoft\.CodeAnalysis(\.|$)/;

/**
 * The .NET tool's assemblies are IL only, so every PowerShell start JITs System.Management.Automation and friends
 * (docs/decisions.md, "ReadyToRun"). Compiles them once, in place, with the crossgen2 of the SDK's own choosing;
 * a marker beside pwsh.dll records the versions, so later runs do nothing. Best effort: whatever fails stays IL
 * (still a working PowerShell, only slower to start) and set-up goes on. DAD_NO_R2R=1 skips it.
 */
export function ensureReadyToRun() {
  if (process.platform !== 'linux' || process.env.DAD_NO_R2R === '1') return;
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!arch) return;
  const { dir, framework } = pwshDllDir();
  const marker = join(dir, '.dad-readytorun.json');
  if (existsSync(marker)) return;
  const record = (r) => writeFileSync(marker, JSON.stringify({ pwsh: PWSH_VERSION, ...r }, null, 2) + '\n');
  const capture = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  let crossgen2, pack, fx;
  try {
    // The SDK names the crossgen2 pack (and its version) for the framework; only that pack is restored.
    const proj = join(tools, 'r2r-restore');
    mkdirSync(proj, { recursive: true });
    const sdkProject = `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>${framework}</TargetFramework></PropertyGroup>`;
    writeFileSync(join(proj, 'query.csproj'), `${sdkProject}</Project>\n`);
    const sdk = JSON.parse(capture('dotnet', ['msbuild', 'query.csproj', '-getItem:KnownCrossgen2Pack', '-getProperty:NETCoreSdkRuntimeIdentifier'], proj));
    const known = (sdk.Items?.KnownCrossgen2Pack ?? []).find((k) => k.TargetFramework === framework);
    if (!known) throw new Error(`this .NET SDK knows no crossgen2 for ${framework}`);
    pack = { name: known.Crossgen2PackNamePattern.replace('**RID**', sdk.Properties.NETCoreSdkRuntimeIdentifier), version: known.Crossgen2PackVersion };
    writeFileSync(
      join(proj, 'restore.csproj'),
      `${sdkProject}<ItemGroup><PackageDownload Include="${pack.name}" Version="[${pack.version}]" /></ItemGroup></Project>\n`,
    );
    say(`compiling PowerShell's assemblies ahead of time (ReadyToRun, once; a few minutes)`);
    capture('dotnet', ['restore', 'restore.csproj', '--packages', join(tools, 'nuget')], proj);
    crossgen2 = join(tools, 'nuget', pack.name.toLowerCase(), pack.version, 'tools', 'crossgen2');
    if (!existsSync(crossgen2)) throw new Error(`${crossgen2} missing after restore`);
    // The shared framework pwsh rolls forward to: the newest installed patch of its major version.
    const major = framework.replace(/^net(\d+).*$/, '$1');
    const runtimes = capture('dotnet', ['--list-runtimes'])
      .split('\n')
      .map((l) => /^Microsoft\.NETCore\.App ((\d+)\.(\d+)\.(\d+)\S*) \[(.+)\]$/.exec(l.trim()))
      .filter((m) => m && m[2] === major)
      .sort((a, b) => a[3] - b[3] || a[4] - b[4]);
    const newest = runtimes.at(-1);
    if (!newest) throw new Error(`no Microsoft.NETCore.App ${major}.x runtime installed`);
    fx = { version: newest[1], dir: join(newest[5], newest[1]) };
  } catch (e) {
    const why = String(e.stderr || e.stdout || e.message || e)
      .trim()
      .split('\n')
      .filter(Boolean)
      .at(-1);
    record({ readyToRun: false, reason: why });
    say(`ReadyToRun skipped, PowerShell stays IL-only (slower to start): ${why} (delete ${marker} to retry)`);
    return;
  }
  // The assemblies pwsh loads on Linux: its folder's, and the unix/linux ones that its deps.json picks over them.
  const inputs = readdirSync(dir)
    .filter((f) => f.endsWith('.dll'))
    .map((f) => join(dir, f));
  for (const rid of ['unix', 'linux']) {
    const lib = join(dir, 'runtimes', rid, 'lib');
    if (!existsSync(lib)) continue;
    for (const tfm of readdirSync(lib)) {
      inputs.push(
        ...readdirSync(join(lib, tfm))
          .filter((f) => f.endsWith('.dll'))
          .map((f) => join(lib, tfm, f)),
      );
    }
  }
  const compiled = [];
  const keptIL = [];
  const skipped = [];
  for (const input of inputs) {
    const name = input.slice(dir.length + 1);
    if (R2R_SKIP.test(name.split('/').at(-1))) {
      skipped.push(name);
      continue;
    }
    const tmp = `${input}.r2r-${process.pid}.tmp`;
    try {
      capture(crossgen2, [input, '-o', tmp, '-r', join(fx.dir, '*.dll'), '-r', join(dir, '*.dll'), '--targetos', 'linux', '--targetarch', arch, '-O']);
      renameSync(tmp, input); // atomic: a PowerShell starting meanwhile loads either file whole
      compiled.push(name);
    } catch {
      rmSync(tmp, { force: true });
      keptIL.push(name);
    }
  }
  record({ readyToRun: true, framework: fx.version, crossgen2: `${pack.name} ${pack.version}`, compiled, keptIL, skipped });
  say(
    `ReadyToRun: compiled ${compiled.length} of PowerShell's assemblies` +
      (keptIL.length ? `; ${keptIL.length} failed and stay IL (${keptIL.join(', ')})` : ''),
  );
}

function ensurePester() {
  if (existsSync(pesterManifest)) return;
  say(`restoring Pester ${PESTER_VERSION} from the NuGet feed`);
  const proj = join(tools, 'pester-restore');
  mkdirSync(proj, { recursive: true });
  writeFileSync(
    join(proj, 'restore.csproj'),
    `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>` +
      `<ItemGroup><PackageDownload Include="Pester" Version="[${PESTER_VERSION}]" /></ItemGroup></Project>\n`,
  );
  run('dotnet', ['restore', join(proj, 'restore.csproj'), '--packages', join(tools, 'nuget')]);
}

function ensureChromium() {
  if (existsSync(chromiumPath) || process.platform !== 'linux') return;
  say('installing Chromium from Debian');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv.includes('--pwsh-only');
  ensureNpm();
  ensurePwsh();
  try {
    ensureReadyToRun();
  } catch (e) {
    say(`ReadyToRun skipped, PowerShell stays IL-only (slower to start): ${e.message ?? e}`);
  }
  if (!only) {
    ensurePester();
    if (!process.argv.includes('--no-browser')) ensureChromium();
  }
}
