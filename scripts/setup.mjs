// Installs what the program and its tests need and are missing: npm packages, PowerShell 7 (a .NET tool),
// Pester (from the NuGet feed) and Debian's Chromium. Idempotent and quiet when everything is there, so the
// README's two commands can call it every time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

function ensurePwsh() {
  if (existsSync(pwshPath)) return;
  if (!existsSync(toolShim)) {
    say(`installing PowerShell ${PWSH_VERSION} as a .NET tool`);
    run('dotnet', ['tool', 'install', 'PowerShell', '--version', PWSH_VERSION, '--tool-path', join(tools, 'pwsh')]);
  }
  if (process.platform === 'win32') return;
  const store = join(tools, 'pwsh', '.store', 'powershell', PWSH_VERSION, 'powershell', PWSH_VERSION, 'tools');
  const framework = readdirSync(store).find((d) => d.startsWith('net'));
  const dll = join(store, framework ?? 'net10.0', 'any', 'unix', 'pwsh.dll');
  if (!existsSync(dll)) throw new Error(`PowerShell's pwsh.dll not found under ${store}`);
  writeFileSync(pwshPath, `#!/bin/sh\nexec dotnet '${dll.replace(/'/g, `'\\''`)}' "$@"\n`, { mode: 0o755 });
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
  if (!only) {
    ensurePester();
    if (!process.argv.includes('--no-browser')) ensureChromium();
  }
}
