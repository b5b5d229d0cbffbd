/** Test helper: runs the built `da-doctor` CLI as a child process and returns what it printed, whatever its exit code. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { appRoot } from '../paths';

const run = promisify(execFile);

/** What one CLI run gave. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Builds the Node entry points once, so the tests run the CLI as a user would. */
export async function buildCli(): Promise<void> {
  await run(process.execPath, [join(appRoot(), 'scripts', 'build.mjs'), '--quiet', '--main'], { cwd: appRoot() });
}

/** Runs `node out/main/cli.js …args` with extra environment (e.g. DAD_DATA_DIR). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeout = 90_000): Promise<CliRun> {
  const root = appRoot();
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'out', 'main', 'cli.js'), ...args], {
      cwd: root,
      timeout,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
  }
}
