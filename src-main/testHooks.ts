/**
 * The DAD_* environment hooks, read in one place. They let tests, the browser harness and the CLI's simulated mode
 * point the program at a scenario, a scratch data folder or another PowerShell. A packaged app and the CLI on a real
 * machine ignore them: an environment variable must not move a user's audit log, pick the PowerShell that runs, or
 * swap the live machine for a simulated one.
 */

/** Who is running: decides whether the hooks count. */
export type Runner = { kind: 'electron'; packaged: boolean } | { kind: 'harness' } | { kind: 'cli'; scenario: boolean } | { kind: 'test' };

/** What the DAD_* variables ask for; a field is absent when its variable is unset or does not count. */
export interface TestHooks {
  /** DAD_SCENARIO: run the Electron app on this simulated machine instead of the live one. */
  scenario?: string;
  /** DAD_DATA_DIR: the folder for the audit log and saved snapshots (tests isolate them). */
  dataDir?: string;
  /** DAD_REPORTS_DIR: the folder report:save writes to instead of Downloads (the harness's end-to-end tests read it). */
  reportsDir?: string;
  /** DAD_PWSH: the PowerShell to run off Windows. */
  pwsh?: string;
  /** DAD_PROBE_TIMEOUT_SCALE: multiplies every probe's timeout (slow test machines). */
  probeTimeoutScale?: number;
  /** DAD_HARNESS_TOKEN: the browser harness's API token, so Playwright knows it (otherwise random per run). */
  harnessToken?: string;
}

/** Whether this runner obeys the DAD_* variables: never a packaged app, never the CLI on the live machine. */
export function hooksHonoured(runner: Runner): boolean {
  switch (runner.kind) {
    case 'electron':
      return !runner.packaged;
    case 'cli':
      return runner.scenario;
    case 'harness':
    case 'test':
      return true;
  }
}

/** The hooks the environment asks for, if this runner obeys them. */
export function readTestHooks(runner: Runner, env: NodeJS.ProcessEnv = process.env): TestHooks {
  if (!hooksHonoured(runner)) return {};
  const hooks: TestHooks = {};
  if (env.DAD_SCENARIO) hooks.scenario = env.DAD_SCENARIO;
  if (env.DAD_DATA_DIR) hooks.dataDir = env.DAD_DATA_DIR;
  if (env.DAD_REPORTS_DIR) hooks.reportsDir = env.DAD_REPORTS_DIR;
  if (env.DAD_PWSH) hooks.pwsh = env.DAD_PWSH;
  const scale = Number(env.DAD_PROBE_TIMEOUT_SCALE);
  if (Number.isFinite(scale) && scale > 0) hooks.probeTimeoutScale = scale;
  if (env.DAD_HARNESS_TOKEN) hooks.harnessToken = env.DAD_HARNESS_TOKEN;
  return hooks;
}

let installed: TestHooks | null = null;

/** Called once by each entry point (Electron main, harness, CLI) before anything else reads the hooks. */
export function installTestHooks(runner: Runner, env: NodeJS.ProcessEnv = process.env): TestHooks {
  installed = readTestHooks(runner, env);
  return installed;
}

/**
 * The hooks the entry point installed, for modules deep in the program (the collector, the PowerShell session).
 * Before any entry point ran, only a vitest run obeys the environment; a packaged app installs its empty set first.
 */
export function testHooks(env: NodeJS.ProcessEnv = process.env): TestHooks {
  return installed ?? (env.VITEST ? readTestHooks({ kind: 'test' }, env) : {});
}

/** The environment without any DAD_* variable: for code that reads them itself but must not obey them here. */
export function withoutTestHooks(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('DAD_')));
}
