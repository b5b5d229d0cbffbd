// The collect stage with a stand-in host: whatever one probe does (hang, die, garbage, a wrong shape) costs only
// its own section, and the snapshot still validates.
import { describe, expect, it, vi } from 'vitest';
import { SECTION_NAMES, snapshotSchema } from '../../src-shared/snapshot';
import type { JsonOutcome } from '../powershell/psHost';
import { CANCELLED_MESSAGE, CollectCancelled, collectSnapshot, runProbe } from './collector';
import { NETWORK_SECTIONS, probeTimeoutMs, worstCaseSeconds } from './probePlan';

const clock = { status: 'ok', ms: 1, data: { utcNow: '2026-01-01T00:00:00Z' } };
const na = (): JsonOutcome => ({ kind: 'ok', value: { status: 'notApplicable', ms: 0, message: 'n/a' }, ms: 0 });
const NETWORK: string[] = [...NETWORK_SECTIONS];

/**
 * A stand-in host with the module's pool: Invoke-DadProbe answers at once; Start-DadProbes puts the network probes in
 * the pool, and Receive-DadProbes hands back those whose `answer` is ready (a `timedOut` answer never is: that probe
 * hangs). `pool: false` is a module without the pool. Each Receive advances the fake clock by its wait when `clock` is set.
 */
function fakeHost(answer: (section: string) => JsonOutcome, opts: { pool?: boolean; advance?: (ms: number) => void } = {}) {
  const pending = new Set<string>();
  const session = { starts: 1, start: vi.fn(async () => undefined), reset: vi.fn(async () => undefined) };
  const callJson = vi.fn(async (fn: string, input: unknown, _timeout?: number, _opts?: { signal?: AbortSignal }): Promise<JsonOutcome> => {
    const names = (input as { names?: string[] }).names ?? [];
    switch (fn) {
      case 'Invoke-DadProbe':
        return answer((input as { name: string }).name);
      case 'Start-DadProbes':
        if (opts.pool === false) return { kind: 'died', message: 'no such command', ms: 1 };
        names.forEach((n) => pending.add(n));
        return { kind: 'ok', value: { started: names }, ms: 1 };
      case 'Stop-DadProbes':
        names.forEach((n) => pending.delete(n));
        return { kind: 'ok', value: { stopped: names }, ms: 1 };
      case 'Receive-DadProbes': {
        opts.advance?.((input as { waitMs: number }).waitMs);
        const done: Record<string, unknown> = {};
        for (const n of [...pending]) {
          const a = answer(n);
          if (a.kind !== 'ok') continue;
          done[n] = a.value;
          pending.delete(n);
        }
        return { kind: 'ok', value: { done, pending: [...pending] }, ms: 1 };
      }
      default:
        throw new Error(`unexpected call ${fn}`);
    }
  });
  return { kind: 'simulated' as const, scenario: '/x/healthy.json', session, callJson, pending };
}

const invoked = (host: ReturnType<typeof fakeHost>, fn: string) => host.callJson.mock.calls.filter((c) => c[0] === fn);
const probedOneByOne = (host: ReturnType<typeof fakeHost>) => invoked(host, 'Invoke-DadProbe').map((c) => (c[1] as { name: string }).name);

describe('runProbe', () => {
  it.each<[string, JsonOutcome, string, RegExp]>([
    ['a timeout', { kind: 'timedOut', ms: 5000 }, 'timedOut', /no answer within 5 s/],
    ['a dead process', { kind: 'died', message: 'exit 3', ms: 10 }, 'error', /PowerShell stopped while probing: exit 3/],
    ['garbage output', { kind: 'malformed', message: 'output was not one JSON object: hello', ms: 3 }, 'error', /not one JSON object/],
    [
      'a wrong shape',
      { kind: 'ok', value: { status: 'ok', ms: 2, data: { utcNow: 42 } }, ms: 2 },
      'error',
      /does not match the snapshot format at data\.utcNow/,
    ],
    ['an unknown status', { kind: 'ok', value: { status: 'fine', ms: 2 }, ms: 2 }, 'error', /at status/],
  ])('turns %s into a %s section', async (_label, outcome, status, message) => {
    const section = (await runProbe(fakeHost(() => outcome) as never, 'clock'))!;
    expect(section.status).toBe(status);
    expect(section.message).toMatch(message);
  });

  it('passes a valid section through', async () => {
    expect(await runProbe(fakeHost(() => ({ kind: 'ok', value: clock, ms: 1 })) as never, 'clock')).toEqual(clock);
  });
});

describe('collectSnapshot', () => {
  it('keeps every other section when one probe fails, and the snapshot validates', async () => {
    const host = fakeHost((name) => (name === 'nrpt' ? { kind: 'timedOut', ms: 5000 } : name === 'clock' ? { kind: 'ok', value: clock, ms: 1 } : na()));
    const progress = vi.fn();
    const snapshot = await collectSnapshot(host as never, { org: null, onProgress: progress });
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.sections.nrpt.status).toBe('timedOut');
    expect(snapshot.sections.clock).toEqual(clock);
    expect(snapshot.collector).toMatchObject({ host: 'simulated', scenario: 'healthy' });
    expect(progress).toHaveBeenCalledTimes(2 * SECTION_NAMES.length);
    expect(probedOneByOne(host)).toHaveLength(SECTION_NAMES.length - NETWORK.length);
  });

  it('runs the network probes at the same time in the pool, started before the local ones, never one by one', async () => {
    const host = fakeHost(na);
    const snapshot = await collectSnapshot(host as never, { org: null });
    expect(host.callJson.mock.calls[0]?.[0]).toBe('Start-DadProbes');
    expect(host.callJson.mock.calls[0]?.[1]).toEqual({ names: NETWORK });
    expect(probedOneByOne(host)).not.toEqual(expect.arrayContaining(['reachability']));
    for (const n of NETWORK) expect(snapshot.sections[n as 'isatap'].status).toBe('notApplicable');
  });

  it('abandons a network probe at its deadline, with its own section timed out and the rest answered', async () => {
    let now = 1_000_000;
    const spy = vi.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const host = fakeHost((n) => (n === 'serverCertificate' ? { kind: 'timedOut', ms: 0 } : na()), { advance: (ms) => (now += ms) });
      const snapshot = await collectSnapshot(host as never, { org: null });
      expect(snapshot.sections.serverCertificate).toMatchObject({
        status: 'timedOut',
        message: `no answer within ${probeTimeoutMs('serverCertificate') / 1000} s`,
      });
      expect(snapshot.sections.reachability.status).toBe('notApplicable');
      expect(invoked(host, 'Stop-DadProbes').map((c) => c[1])).toEqual([{ names: ['serverCertificate'] }]);
      // Abandoned, not waited for: the session was not thrown away for it.
      expect(host.session.reset).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('runs the network probes one by one when the module has no pool', async () => {
    const host = fakeHost(na, { pool: false });
    const snapshot = await collectSnapshot(host as never, { org: null });
    expect(probedOneByOne(host)).toEqual(expect.arrayContaining(NETWORK));
    expect(snapshot.sections.isatap.status).toBe('notApplicable');
  });

  it('starts the network probes again when a hung local probe restarted the session (the pool went with it)', async () => {
    const host = fakeHost((n) => (n === 'nrpt' ? { kind: 'timedOut', ms: 5000 } : na()));
    const original = host.callJson.getMockImplementation()!;
    let firstStart = true;
    host.callJson.mockImplementation(async (fn, input, t, o) => {
      // The first pool is lost with its session: what it ran never comes back.
      if (fn === 'Start-DadProbes' && firstStart) {
        firstStart = false;
        return { kind: 'ok', value: { started: (input as { names: string[] }).names }, ms: 1 };
      }
      const out = await original(fn, input, t, o);
      if (fn === 'Invoke-DadProbe' && (input as { name: string }).name === 'nrpt') host.session.starts += 1;
      return out;
    });
    const snapshot = await collectSnapshot(host as never, { org: null });
    expect(invoked(host, 'Start-DadProbes')).toHaveLength(2);
    expect(snapshot.sections.reachability.status).toBe('notApplicable');
  });

  it('re-collects only the sections asked for', async () => {
    const host = fakeHost(() => ({ kind: 'ok', value: clock, ms: 1 }));
    const snapshot = await collectSnapshot(host as never, { org: null, only: ['clock'] });
    expect(host.callJson).toHaveBeenCalledTimes(1);
    expect(snapshot.sections.os.status).toBe('notApplicable');
  });
});

describe('collectSnapshot: cancel and the estimate', () => {
  it('on cancel keeps what was learned: answered sections stay, the rest say they were cancelled, the session is thrown away', async () => {
    const run = new AbortController();
    const host = fakeHost(na);
    const original = host.callJson.getMockImplementation()!;
    // nrpt hangs until the signal fires (a person cancels while it runs), then answers as the session does: cancelled.
    host.callJson.mockImplementation(async (fn, input, t, opts) => {
      if (fn !== 'Invoke-DadProbe' || (input as { name: string }).name !== 'nrpt') return original(fn, input, t, opts);
      setTimeout(() => run.abort(), 10);
      return new Promise<JsonOutcome>((resolve) => opts?.signal?.addEventListener('abort', () => resolve({ kind: 'cancelled', ms: 10 })));
    });
    const progress = vi.fn();
    const snapshot = await collectSnapshot(host as never, { org: null, onProgress: progress, signal: run.signal });
    expect(snapshot.sections.os.status).toBe('notApplicable');
    expect(snapshot.sections.nrpt).toMatchObject({ status: 'timedOut', message: CANCELLED_MESSAGE });
    expect(snapshot.sections.firewall).toMatchObject({ status: 'timedOut', message: CANCELLED_MESSAGE });
    expect(snapshot.sections.reachability).toMatchObject({ status: 'timedOut', message: CANCELLED_MESSAGE });
    expect(probedOneByOne(host).at(-1)).toBe('nrpt');
    expect(progress).not.toHaveBeenCalledWith(expect.objectContaining({ section: 'nrpt', phase: 'finished' }));
    expect(host.session.reset).toHaveBeenCalled();
  });

  it('a signal that fired before the run starts runs no probe', async () => {
    const host = fakeHost(na);
    await expect(collectSnapshot(host as never, { org: null, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(CollectCancelled);
    expect(host.callJson).not.toHaveBeenCalled();
  });

  it('says at every step how long the rest can take at most: the local probes in turn beside the network ones', async () => {
    const progress = vi.fn();
    await collectSnapshot(fakeHost(na) as never, { org: null, onProgress: progress });
    const events = progress.mock.calls.map((c) => c[0] as { phase: string; estimateSeconds: number });
    expect(events).toHaveLength(2 * SECTION_NAMES.length);
    expect(events[0]?.estimateSeconds).toBe(worstCaseSeconds(SECTION_NAMES));
    expect(worstCaseSeconds(SECTION_NAMES)).toBe((SECTION_NAMES.length - NETWORK.length) * (probeTimeoutMs('os') / 1000));
    expect(worstCaseSeconds(['reachability', 'serverCertificate', 'os'])).toBe(probeTimeoutMs('reachability') / 1000);
    expect(events.at(-1)?.estimateSeconds).toBe(0);
    for (let i = 1; i < events.length; i++) expect(events[i]!.estimateSeconds).toBeLessThanOrEqual(events[i - 1]!.estimateSeconds);
  });
});
