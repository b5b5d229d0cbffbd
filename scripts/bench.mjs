// `npm run bench`: how fast the whole diagnosis is, measured against what PowerShell itself costs.
//   ratio A = diagnose --scenario healthy (the CLI, end to end) / one bare `pwsh -NoProfile -Command exit`
//             target: at most 2.5
//   ratio B = every probe in its own pwsh process / the whole diagnosis in one session
//             target: at least 5
//   ratio C = (diagnose on black-hole-network - diagnose on healthy) / the network timeout (5 s): the network
//             probes wait at the same time, so a network that answers nothing costs about one timeout (issue 12)
//             target: at most 1.3
//   slow    = diagnose on slow-network / diagnose on healthy (every endpoint answers after 1-2 s): printed
// Medians of several runs; prints a table and writes .bench/results.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pwshPath } from './setup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const scenario = join(root, 'assets', 'scenarios', 'healthy.json');
const env = { ...process.env, TERM: 'dumb', POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off' };
delete env.NODE_POWERSHELL;

function timeOnce(cmd, args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function measure(label, fn) {
  fn(); // warm the file cache
  const xs = Array.from({ length: runs }, fn);
  const m = median(xs);
  console.log(`${label.padEnd(44)} median ${m.toFixed(0).padStart(6)} ms   (${xs.map((x) => x.toFixed(0)).join(', ')})`);
  return m;
}

const bare = measure('bare pwsh -NoProfile -Command exit', () => timeOnce(pwshPath, ['-NoProfile', '-Command', 'exit']).ms);
let sections = [];
const ours = measure('diagnose --scenario healthy (one session)', () => {
  const r = timeOnce(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'diagnose', '--scenario', scenario, '--json']);
  sections = Object.keys(JSON.parse(r.stdout).probes);
  return r.ms;
});

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64');
const q = (p) => `'${p.replace(/'/g, "''")}'`;
const boot = [
  `Import-Module ${q(join(root, 'assets', 'ps', 'DaDoctor.psm1'))} -DisableNameChecking`,
  `. ${q(join(root, 'assets', 'ps', 'sim', 'SimHost.ps1'))}`,
  `Import-DadSimScenario -InputB64 '${b64({ path: scenario })}' | Out-Null`,
].join('; ');
const perProcessRuns = Math.max(3, Math.floor(runs / 2));
const perProbe = (() => {
  const xs = [];
  for (let i = 0; i < perProcessRuns; i++) {
    let total = 0;
    for (const name of sections) {
      total += timeOnce(pwshPath, ['-NoProfile', '-NonInteractive', '-Command', `${boot}; Invoke-DadProbe -InputB64 '${b64({ name })}'`]).ms;
    }
    xs.push(total);
  }
  const m = median(xs);
  console.log(
    `${`a pwsh process per probe (${sections.length} probes)`.padEnd(44)} median ${m.toFixed(0).padStart(6)} ms   (${xs.map((x) => x.toFixed(0)).join(', ')})`,
  );
  return m;
})();

// The network scenarios wait on simulated network time: fewer runs, the same command.
const NETWORK_TIMEOUT_MS = 5000;
const networkRuns = Math.max(3, Math.floor(runs / 2));
const diagnoseMs = (name) => () =>
  timeOnce(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'diagnose', '--scenario', join(root, 'assets', 'scenarios', `${name}.json`), '--json']).ms;
const measureFew = (label, fn) => {
  const xs = Array.from({ length: networkRuns }, fn);
  const m = median(xs);
  console.log(`${label.padEnd(44)} median ${m.toFixed(0).padStart(6)} ms   (${xs.map((x) => x.toFixed(0)).join(', ')})`);
  return m;
};
const blackHole = measureFew('diagnose --scenario black-hole-network', diagnoseMs('black-hole-network'));
const slow = measureFew('diagnose --scenario slow-network', diagnoseMs('slow-network'));

const ratioA = ours / bare;
const ratioB = perProbe / ours;
const ratioC = (blackHole - ours) / NETWORK_TIMEOUT_MS;
const slowRatio = slow / ours;
console.log(`\nratio A  diagnosis / bare PowerShell start   ${ratioA.toFixed(2)}  (target <= 2.5) ${ratioA <= 2.5 ? 'met' : 'NOT met'}`);
console.log(`ratio B  process per probe / diagnosis       ${ratioB.toFixed(1)}  (target >= 5)   ${ratioB >= 5 ? 'met' : 'NOT met'}`);
console.log(`ratio C  (black hole - healthy) / 5 s        ${ratioC.toFixed(2)}  (target <= 1.3) ${ratioC <= 1.3 ? 'met' : 'NOT met'}`);
console.log(`slow network / healthy                       ${slowRatio.toFixed(1)}`);

const extra = [];
if (!process.argv.includes('--engine-only')) {
  const { benchRenderer } = await import('./benchRenderer.mjs').catch(() => ({ benchRenderer: null }));
  if (benchRenderer) extra.push(await benchRenderer(root, bare, NETWORK_TIMEOUT_MS));
}
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(
  join(root, '.bench', 'results.json'),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      runs,
      bareMs: bare,
      diagnoseMs: ours,
      perProbeMs: perProbe,
      blackHoleMs: blackHole,
      slowMs: slow,
      ratioA,
      ratioB,
      ratioC,
      slowRatio,
      renderer: extra[0] ?? null,
    },
    null,
    2,
  ),
);
