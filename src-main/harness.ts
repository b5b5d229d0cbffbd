/**
 * The browser harness (`npm run demo`): the real main services with the simulated host behind a loopback HTTP
 * bridge, serving the renderer. How the wizard is shown and end-to-end tested where Electron cannot run, and how a
 * helpdesk trainer practises scenarios. The page's URL is the last line it prints; its fragment carries the run's
 * API token (src-main/harness/httpBridge.ts), so open that exact URL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpBridge } from './harness/httpBridge';
import { appRoot } from './paths';
import { InputError } from './scenarios';
import { Doctor } from './services/doctor';
import { Router } from './services/handlers';
import { installTestHooks } from './testHooks';

const DEFAULT_SCENARIO = 'untrusted-root';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const scenario = option('scenario') ?? DEFAULT_SCENARIO;
  const port = Number(option('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port must be a port number, got ${option('port')}`);
  const doctor = Doctor.simulated(scenario);
  // The simulated machine's audit log and snapshots must not mix with a real one: a fresh folder per run.
  const hooks = installTestHooks({ kind: 'harness' });
  const dataDir = hooks.dataDir ?? mkdtempSync(join(tmpdir(), 'da-doctor-demo-'));
  // PowerShell starts while the page loads; the first check waits for it (Doctor.warmed), the page does not.
  void doctor.warmUp().catch(() => undefined);
  const { server, url } = await startHttpBridge({
    // Saved reports go to DAD_REPORTS_DIR (the end-to-end tests read them there), else beside the run's data.
    router: new Router(doctor, { dataDir, reportsDir: hooks.reportsDir ?? join(dataDir, 'reports') }),
    rendererDir: join(appRoot(), 'out', 'renderer'),
    port,
    token: hooks.harnessToken,
  });
  const stop = () => {
    server.close();
    void doctor.dispose().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`DirectAccess Doctor — simulated machine: ${doctor.scenarioName}\nOpen the wizard at:\n${url}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`da-doctor demo: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof InputError ? 2 : 1);
});
