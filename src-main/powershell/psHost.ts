/**
 * The machine the probes run on, as a PowerShell session: real Windows (the module plus WindowsHost adapters) or
 * the simulated host with one scenario loaded. Owns the bootstrap so that a session restarted after a timeout comes
 * back on the same machine, and turns each call's output into one parsed JSON value.
 */
import { join } from 'node:path';
import { psDir } from '../paths';
import { psLiteral, toB64Json } from './psLiteral';
import { PsSession, READY_MARK } from './psSession';

/** What one JSON call gave: a parsed value, or why there is none. */
export type JsonOutcome =
  | { kind: 'ok'; value: unknown; ms: number }
  | { kind: 'timedOut'; ms: number }
  | { kind: 'died'; message: string; ms: number }
  | { kind: 'malformed'; message: string; ms: number }
  | { kind: 'cancelled'; ms: number };

export type HostKind = 'windows' | 'simulated';

export class PsHost {
  readonly session: PsSession;
  private scenarioPath: string | null;
  /**
   * Whether something that may change the simulated machine has run since its scenario was loaded: a fix or an undo
   * (SimulatedRunner says so before it runs one), a restart. A session started afresh loads the scenario anew.
   */
  machineChanged = false;

  constructor(
    readonly kind: HostKind,
    options: { scenarioPath?: string; executable?: string } = {},
  ) {
    this.scenarioPath = options.scenarioPath ?? null;
    this.session = new PsSession({ bootstrap: () => this.bootstrapLine(), executable: options.executable });
  }

  /** The scenario loaded on the simulated host (null on Windows). */
  get scenario(): string | null {
    return this.scenarioPath;
  }

  private bootstrapLine(): string {
    const dir = psDir();
    const parts = [`Import-Module ${psLiteral(join(dir, 'DaDoctor.psm1'))} -DisableNameChecking -Force`];
    if (this.kind === 'windows') {
      parts.push(`. ${psLiteral(join(dir, 'host', 'WindowsHost.ps1'))}`);
    } else {
      parts.push(`. ${psLiteral(join(dir, 'sim', 'SimHost.ps1'))}`);
      if (this.scenarioPath) parts.push(`Import-DadSimScenario -InputB64 '${toB64Json({ path: this.scenarioPath })}' | Out-Null`);
    }
    parts.push(`'${READY_MARK}'`);
    return parts.join('; ');
  }

  /** Puts a fresh copy of a scenario's machine on the simulated host (undoing what earlier fixes changed). */
  async loadScenario(path: string): Promise<void> {
    if (this.kind !== 'simulated') throw new Error('scenarios exist only on the simulated host');
    this.scenarioPath = path;
    if (this.session.starts === 0) return; // the first start loads it
    const out = await this.callJson('Import-DadSimScenario', { path }, 15_000, { raw: true });
    if (out.kind !== 'ok') throw new Error(`could not load the scenario: ${'message' in out ? out.message : out.kind}`);
    this.machineChanged = false;
  }

  /** Restarts the simulated machine: automatic services start, a pending reboot's changes take effect (`rebooted`). */
  async restartSimulated(): Promise<void> {
    if (this.kind !== 'simulated') throw new Error('only the simulated machine restarts on request');
    this.machineChanged = true;
    const out = await this.callJson('Restart-DadSimMachine', {}, 15_000);
    if (out.kind !== 'ok') throw new Error(`the practice computer did not restart: ${'message' in out ? out.message : out.kind}`);
  }

  /**
   * Calls `fn -InputB64 <base64 JSON>` and parses the one JSON object it writes. `raw` skips parsing (for
   * commands that print nothing useful); `signal` cancels the wait (the session is restarted, as after a timeout).
   */
  async callJson(fn: string, input: unknown, timeoutMs: number, opts: { raw?: boolean; signal?: AbortSignal } = {}): Promise<JsonOutcome> {
    if (!/^[A-Za-z]+-Dad[A-Za-z]+$/.test(fn)) throw new Error(`not one of our functions: ${fn}`);
    const started = performance.now();
    const out = await this.session.call(`${fn} -InputB64 '${toB64Json(input)}'`, timeoutMs, opts.signal);
    const ms = Math.round(performance.now() - started);
    if (out.kind !== 'ok') return { ...out, ms };
    if (opts.raw) return { kind: 'ok', value: out.stdout, ms };
    const text = out.stdout.trim();
    try {
      const value: unknown = JSON.parse(text);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
      return { kind: 'ok', value, ms };
    } catch {
      // Output that is not one JSON object means the protocol is out of step: start clean next time.
      await this.session.reset();
      const detail = text
        ? `output was not one JSON object: ${text.slice(0, 200)}`
        : `no output${out.stderr ? `; stderr: ${out.stderr.trim().slice(0, 300)}` : ''}`;
      return { kind: 'malformed', message: detail, ms };
    }
  }

  async dispose(): Promise<void> {
    await this.session.dispose();
  }
}
