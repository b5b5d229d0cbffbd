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

describe('Doctor.roleHint', () => {
  it("makes way for the person's check: its ISATAP lookup that never answers is stopped at the next poll, not waited for, and the session stays", async () => {
    const doctor = Doctor.simulated('healthy');
    vi.spyOn(doctor.host.session, 'start').mockResolvedValue(undefined as never);
    const reset = vi.spyOn(doctor.host.session, 'reset');
    const calls: string[] = [];
    const pending = new Map<string, 'hangs' | 'answers'>();
    let starts = 0;
    vi.spyOn(doctor.host, 'callJson').mockImplementation(async (fn, input) => {
      const names = (input as { names?: string[] }).names ?? [];
      calls.push(`${fn} ${names.join(',')}`.trim());
      // A real poll takes time: without it this stand-in would loop on microtasks and starve the test's timers.
      await new Promise((r) => setTimeout(r, 2));
      if (fn === 'Start-DadProbes') {
        starts += 1;
        // The hint's lookup of the name isatap hangs (a network that answers nothing); the check's answers.
        for (const n of names) pending.set(n, starts === 1 && n === 'isatap' ? 'hangs' : 'answers');
        return { kind: 'ok', value: { started: names }, ms: 1 };
      }
      if (fn === 'Stop-DadProbes') {
        names.forEach((n) => pending.delete(n));
        return { kind: 'ok', value: { stopped: names }, ms: 1 };
      }
      const done: Record<string, unknown> = {};
      for (const [n, how] of [...pending]) {
        if (how === 'hangs') continue;
        done[n] = { status: 'notApplicable', ms: 0, message: 'n/a' };
        pending.delete(n);
      }
      return { kind: 'ok', value: { done, pending: [...pending.keys()], running: Object.fromEntries([...pending.keys()].map((n) => [n, 0])) }, ms: 1 };
    });
    const hint = doctor.roleHint();
    await vi.waitFor(() => expect(calls).toContain('Receive-DadProbes'));
    const check = await doctor.collect();
    // The hint's probes start, its hung lookup is stopped, and only then do the check's probes start.
    const startsAt = calls.flatMap((c, i) => (c.startsWith('Start-DadProbes') ? [i] : []));
    expect(startsAt).toHaveLength(2);
    const stopAt = calls.indexOf('Stop-DadProbes isatap');
    expect(stopAt).toBeGreaterThan(startsAt[0]!);
    expect(stopAt).toBeLessThan(startsAt[1]!);
    expect(check.snapshot.sections.isatap.status).toBe('notApplicable');
    expect(reset).not.toHaveBeenCalled();
    await expect(hint).resolves.toBeNull();
  });
});
