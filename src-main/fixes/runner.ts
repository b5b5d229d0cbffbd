/**
 * How a fix script runs: in the simulated host's session, or (windowsRunner.ts) as its own elevated powershell.exe.
 * Either way the script writes one JSON object, parsed here with zod.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { psDir } from '../paths';
import type { PsHost } from '../powershell/psHost';
import { psLiteral } from '../powershell/psLiteral';

/** The JSON object Invoke-DadFix / Undo-DadFix write. */
export const scriptResultSchema = z.object({
  ok: z.boolean(),
  fix: z.string(),
  changed: z.array(z.string()),
  undoData: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().optional(),
});
export type ScriptResult = z.infer<typeof scriptResultSchema>;

/** What elevation and the script gave: the elevation outcome and, when the script ran to the end, its result. */
export interface RunnerOutcome {
  elevation: 'simulated' | 'granted' | 'declined' | 'timedOut' | 'failed';
  result: ScriptResult | null;
  /** Why there is no result (declined, timed out, failed). */
  message?: string;
}

/** Runs `Invoke-DadFix` (kind fix) or `Undo-DadFix` (kind undo) with one input object. */
export interface FixRunner {
  run(kind: 'fix' | 'undo', input: unknown): Promise<RunnerOutcome>;
}

/** The fix timeout: services can take their time to start. */
export const FIX_TIMEOUT_MS = 120_000;

/** The simulated host: the fix runs in the session, so the scenario's machine changes by its transition rules. */
export class SimulatedRunner implements FixRunner {
  constructor(private readonly host: PsHost) {}

  async run(kind: 'fix' | 'undo', input: unknown): Promise<RunnerOutcome> {
    // Even a fix that fails half-way may have changed the machine: the next load of its scenario must be a real one.
    this.host.machineChanged = true;
    await this.host.session.start();
    // The session's bootstrap loads only the probes; the fix module is loaded on first use (and again after a
    // restart of the session, which is why this runs every time; without -Force it is a no-op once loaded).
    const load = await this.host.session.call(`Import-Module ${psLiteral(join(psDir(), 'fixes', 'DaDoctorFixes.psm1'))} -DisableNameChecking`, 30_000);
    if (load.kind !== 'ok') return { elevation: 'failed', result: null, message: `could not load the fix scripts: ${load.kind}` };
    const out = await this.host.callJson(kind === 'fix' ? 'Invoke-DadFix' : 'Undo-DadFix', input, FIX_TIMEOUT_MS);
    if (out.kind === 'timedOut') return { elevation: 'timedOut', result: null, message: `the fix gave no answer within ${FIX_TIMEOUT_MS / 1000} s` };
    // A fix is never given a signal, so `cancelled` cannot happen here; it is still an outcome to word.
    if (out.kind !== 'ok') return { elevation: 'failed', result: null, message: out.kind === 'cancelled' ? 'the fix was cancelled' : out.message };
    const parsed = scriptResultSchema.safeParse(out.value);
    if (!parsed.success)
      return { elevation: 'failed', result: null, message: `the fix script's answer is not a fix result: ${parsed.error.issues[0]?.message}` };
    return { elevation: 'simulated', result: parsed.data };
  }
}
