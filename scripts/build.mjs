// Builds the main-process entry points (CLI, harness, Electron main and preload) with esbuild and the renderer
// with Vite. `--main` builds only the Node entries (what the CLI needs). Skips work whose output is newer than
// every source, so `npm run cli` stays fast.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const mainOnly = process.argv.includes('--main');

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

const nodeEntries = ['cli', 'harness', 'main'].filter((n) => existsSync(join(root, 'src-main', `${n}.ts`)));
// src-shared imports the fixes' command declaration from assets/ps (the catalogue's preview is built from it).
const fixCommands = mtime(join(root, 'assets', 'ps', 'fixes', 'FixCommands.json'));
const srcTime = Math.max(newest(join(root, 'src-main')), newest(join(root, 'src-shared')), mtime(join(root, 'package.json')), fixCommands);
const outMain = join(root, 'out', 'main');
const stale = (names) => names.some((n) => mtime(join(outMain, `${n}.js`)) < srcTime);

if (stale(nodeEntries)) {
  await build({
    entryPoints: Object.fromEntries(nodeEntries.map((n) => [n, join(root, 'src-main', `${n}.ts`)])),
    outdir: outMain,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    external: ['electron', 'node-powershell'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: quiet ? 'error' : 'info',
  });
}
if (existsSync(join(root, 'src-main', 'preload.ts')) && stale(['preload'])) {
  // The sandboxed preload can only require('electron'): one CommonJS file.
  await build({
    entryPoints: { preload: join(root, 'src-main', 'preload.ts') },
    outdir: outMain,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    logLevel: quiet ? 'error' : 'info',
  });
}
if (!mainOnly && existsSync(join(root, 'src-renderer', 'index.html'))) {
  // The bundler's settings and the packages shape the bundle as much as the sources do.
  const rendererTime = Math.max(
    newest(join(root, 'src-renderer')),
    newest(join(root, 'src-shared')),
    fixCommands,
    mtime(join(root, 'vite.config.ts')),
    mtime(join(root, 'package-lock.json')),
  );
  if (mtime(join(root, 'out', 'renderer', 'index.html')) < rendererTime) {
    const { build: viteBuild } = await import('vite');
    await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'info' });
  }
}
