// The doctor's own ordering, with PowerShell stood in for: a check waits for the warm-up in flight instead of queueing
// behind it with its own calls' timeouts running.
import { describe, expect, it, vi } from 'vitest';
import type { JsonOutcome } from '../powershell/psHost';
import { Doctor } from './doctor';

describe('Doctor.warmUp', () => {
  it('a check asked for during the warm-up sends nothing to PowerShell until the warm-up has ended', async () => {
    const doctor = Doctor.simulated('healthy');
    vi.spyOn(doctor.host.session, 'start').mockResolvedValue(undefined as never);
    let endWarmUp: (o: JsonOutcome) => void = () => undefined;
    const calls: string[] = [];
    const started: string[] = [];
    vi.spyOn(doctor.host, 'callJson').mockImplementation(async (fn, input) => {
      calls.push(fn);
      if (fn === 'Initialize-DadProbePool') return new Promise<JsonOutcome>((resolve) => (endWarmUp = resolve));
      if (fn === 'Start-DadProbes') {
        started.push(...(input as { names: string[] }).names);
        return { kind: 'ok', value: { started }, ms: 1 };
      }
      // Receive-DadProbes: every started probe has answered.
      const done = Object.fromEntries(started.splice(0).map((n) => [n, { status: 'notApplicable', ms: 0 }]));
      return { kind: 'ok', value: { done, pending: [], running: {} }, ms: 1 };
    });
    void doctor.warmUp();
    const check = doctor.collect();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual(['Initialize-DadProbePool']);
    endWarmUp({ kind: 'ok', value: { ready: 8 }, ms: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls[1]).toBe('Start-DadProbes');
    expect((await check).snapshot.sections.os.status).toBe('notApplicable');
  });
});
