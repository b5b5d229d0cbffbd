/**
 * One long-lived PowerShell process driven by node-powershell (DESIGN §3): started once, bootstrapped once
 * (module import, host adapters), then one line per invocation. Every call has a timeout; after a timeout or a
 * dead process the session is disposed and the next call starts a fresh one, so later probes never see output
 * that bled over from a hung one.
 */
import { PowerShell } from 'node-powershell';
import { powershellEnv, powershellExecutable } from './executable';

/**
 * How one call ended. Callers decide what an error section says; the session only reports what happened. `cancelled`:
 * the caller's signal fired first (a person cancelled the check); the process is thrown away as after a timeout.
 */
export type CallOutcome = { kind: 'ok'; stdout: string; stderr: string } | { kind: 'timedOut' } | { kind: 'died'; message: string } | { kind: 'cancelled' };

export interface PsSessionOptions {
  /** The single line that prepares a fresh session; must print READY_MARK last. */
  bootstrap: () => string;
  executable?: string;
  bootstrapTimeoutMs?: number;
}

/** Printed by the bootstrap line so a broken module import is caught at start, not at the first probe. */
export const READY_MARK = 'DAD-READY';

export class PsSession {
  private shell: PowerShell | null = null;
  private starting: Promise<PowerShell> | null = null;
  /** How many processes this session has started: tests and the benchmark read it. */
  starts = 0;

  constructor(private readonly opts: PsSessionOptions) {}

  /** Starts the process and runs the bootstrap; concurrent callers share one start. */
  start(): Promise<PowerShell> {
    if (this.shell) return Promise.resolve(this.shell);
    this.starting ??= this.spawn().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async spawn(): Promise<PowerShell> {
    const shell = new PowerShell({
      executable: this.opts.executable ?? powershellExecutable(),
      executableOptions: { '-NoProfile': true, '-NonInteractive': true, '-ExecutionPolicy': 'Bypass' },
      spawnOptions: { env: powershellEnv(), windowsHide: true },
      throwOnInvocationError: false,
    });
    this.starts += 1;
    // child-shell rejects its private exit promise when the process dies while idle; nobody else awaits it then,
    // and an unhandled rejection would end our whole process.
    (shell as unknown as { exitPromise?: Promise<void> }).exitPromise?.catch(() => undefined);
    const prologue =
      "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'; $InformationPreference = 'SilentlyContinue'; " +
      // ::new rather than New-Object (PowerShell 5.0+, which every host of this session is): New-Object would
      // auto-load Microsoft.PowerShell.Utility, ~85 ms that nothing else in the session needs.
      '[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false); ';
    const outcome = await this.race(shell, prologue + this.opts.bootstrap(), this.opts.bootstrapTimeoutMs ?? 30_000);
    if (outcome.kind !== 'ok' || !outcome.stdout.trimEnd().endsWith(READY_MARK)) {
      await shell.dispose('SIGKILL').catch(() => undefined);
      const detail = outcome.kind === 'ok' ? outcome.stderr.trim() || outcome.stdout.trim() : outcome.kind;
      throw new Error(`PowerShell did not start: ${detail.slice(0, 500)}`);
    }
    this.shell = shell;
    return shell;
  }

  /**
   * Runs one line. Never throws for the line's own failures: they come back as an outcome. `signal` stops waiting at
   * once; the line may still be running in PowerShell, so the process is killed rather than reused.
   */
  async call(line: string, timeoutMs: number, signal?: AbortSignal): Promise<CallOutcome> {
    if (/[\r\n]/.test(line)) throw new Error('one line per invocation');
    if (signal?.aborted) return { kind: 'cancelled' };
    const shell = await this.start();
    const outcome = await this.race(shell, line, timeoutMs, signal);
    if (outcome.kind !== 'ok') await this.reset();
    return outcome;
  }

  private async race(shell: PowerShell, line: string, timeoutMs: number, signal?: AbortSignal): Promise<CallOutcome> {
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const timeout = new Promise<CallOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timedOut' }), timeoutMs);
      onAbort = () => resolve({ kind: 'cancelled' });
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    const run = shell.invoke(line).then(
      (r): CallOutcome => ({ kind: 'ok', stdout: r.stdout?.toString('utf8') ?? r.raw, stderr: r.stderr?.toString('utf8') ?? '' }),
      (e: unknown): CallOutcome => ({ kind: 'died', message: describe(e) }),
    );
    try {
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Throws the current process away; the next call starts a new one. */
  async reset(): Promise<void> {
    const shell = this.shell;
    this.shell = null;
    if (shell) await shell.dispose('SIGKILL').catch(() => undefined);
  }

  async dispose(): Promise<void> {
    await this.reset();
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { exitCode?: number | null }).exitCode;
    return code === undefined || code === null ? e.message : `PowerShell exited with code ${code}: ${e.message}`;
  }
  return String(e);
}
