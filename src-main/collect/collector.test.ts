// The collect stage with a stand-in host: whatever one probe does (hang, die, garbage, a wrong shape) costs only
// its own section, and the snapshot still validates.
import { describe, expect, it, vi } from 'vitest';
import { SECTION_NAMES, snapshotSchema } from '../../src-shared/snapshot';
import type { JsonOutcome } from '../powershell/psHost';
import { CANCELLED_MESSAGE, CollectCancelled, collectSnapshot, runProbe, YIELDED_MESSAGE } from './collector';
import { NETWORK_SECTIONS, probeTimeoutMs, worstCaseSeconds } from './probePlan';

const clock = { status: 'ok', ms: 1, data: { utcNow: '2026-01-01T00:00:00Z' } };
const na = (): JsonOutcome => ({ kind: 'ok', value: { status: 'notApplicable', ms: 0, message: 'n/a' }, ms: 0 });
const NETWORK: string[] = [...NETWORK_SECTIONS];

/**
 * A stand-in host with the module's pool: Invoke-DadProbe answers at once; Start-DadProbes puts the network probes in
 * the pool, and Receive-DadProbes hands back those whose `answer` is ready (a `timedOut` answer never is: that probe
 * hangs). `pool: false` is a module without the pool. Each Receive advances the fake clock by its wait when `clock` is set.
 */
function fakeHost(
  answer: (section: string) => JsonOutcome,
  opts: { pool?: boolean; advance?: (ms: number) => void; queued?: (section: string) => boolean } = {},
) {
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
        // Every pending probe has begun in its runspace (just now), unless `queued` keeps it waiting for one.
        const running = Object.fromEntries([...pending].filter((n) => !opts.queued?.(n)).map((n) => [n, 0]));
        return { kind: 'ok', value: { done, pending: [...pending], running }, ms: 1 };
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

/** Runs `fn` with Date.now on a fake clock that each Receive-DadProbes call advances by its wait. */
async function onFakeClock<T>(fn: (advance: (ms: number) => void) => Promise<T>): Promise<T> {
  let now = 1_000_000;
  const spy = vi.spyOn(Date, 'now').mockImplementation(() => now);
  try {
    return await fn((ms) => (now += Math.max(ms, 1)));
  } finally {
    spy.mockRestore();
  }
}

const started = (host: ReturnType<typeof fakeHost>) => invoked(host, 'Start-DadProbes').map((c) => (c[1] as { names: string[] }).names);

describe('collectSnapshot', () => {
  it('makes way when yieldTo fires: at its next poll it stops the probes still running, keeps the session, and says so', async () => {
    const yieldTo = new AbortController();
    const { snapshot, host } = await onFakeClock(async (advance) => {
      const host = fakeHost((name) => (name === 'isatap' ? { kind: 'timedOut', ms: 0 } : na()), {
        // Another collection asks for the pool while the first poll waits.
        advance: (ms) => {
          advance(ms);
          yieldTo.abort();
        },
      });
      return { host, snapshot: await collectSnapshot(host as never, { org: null, only: ['os', 'isatap'], yieldTo: yieldTo.signal }) };
    });
    expect(invoked(host, 'Receive-DadProbes')).toHaveLength(1);
    expect(invoked(host, 'Stop-DadProbes').map((c) => (c[1] as { names: string[] }).names)).toEqual([['isatap']]);
    expect(host.session.reset).not.toHaveBeenCalled();
    expect(snapshot.sections.isatap).toMatchObject({ status: 'timedOut', message: YIELDED_MESSAGE });
    expect(snapshot.sections.os.status).toBe('notApplicable');
    expect(() => snapshotSchema.parse(snapshot)).not.toThrow();
  });

  it('fired before the first probe, yieldTo starts nothing and every planned section says it was not waited for', async () => {
    const yieldTo = new AbortController();
    yieldTo.abort();
    const host = fakeHost(() => na());
    const snapshot = await collectSnapshot(host as never, { org: null, only: ['os', 'isatap'], yieldTo: yieldTo.signal });
    expect(invoked(host, 'Start-DadProbes')).toHaveLength(0);
    expect(snapshot.sections.os).toMatchObject({ status: 'timedOut', message: YIELDED_MESSAGE });
    expect(snapshot.sections.isatap).toMatchObject({ status: 'timedOut', message: YIELDED_MESSAGE });
    expect(host.session.reset).not.toHaveBeenCalled();
  });

  it('keeps every other section when one probe hangs: it alone times out at its deadline, and the snapshot validates', async () => {
    const progress = vi.fn();
    const { snapshot, host } = await onFakeClock(async (advance) => {
      const host = fakeHost((name) => (name === 'nrpt' ? { kind: 'timedOut', ms: 0 } : name === 'clock' ? { kind: 'ok', value: clock, ms: 1 } : na()), {
        advance,
      });
      return { snapshot: await collectSnapshot(host as never, { org: null, onProgress: progress }), host };
    });
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.sections.nrpt).toMatchObject({ status: 'timedOut', message: `no answer within ${probeTimeoutMs('nrpt') / 1000} s` });
    expect(snapshot.sections.clock).toEqual(clock);
    expect(snapshot.collector).toMatchObject({ host: 'simulated', scenario: 'healthy' });
    expect(progress).toHaveBeenCalledTimes(2 * SECTION_NAMES.length);
    expect(invoked(host, 'Stop-DadProbes').map((c) => c[1])).toEqual([{ names: ['nrpt'] }]);
    // Abandoned in its runspace, not waited for: the session was not thrown away for it.
    expect(host.session.reset).not.toHaveBeenCalled();
  });

  it('hands every probe to the pool in one call, the network ones first, and runs none one by one', async () => {
    const host = fakeHost(na);
    const snapshot = await collectSnapshot(host as never, { org: null });
    expect(host.callJson.mock.calls[0]?.[0]).toBe('Start-DadProbes');
    expect(started(host)).toEqual([[...NETWORK, ...SECTION_NAMES.filter((s) => !NETWORK.includes(s))]]);
    expect(probedOneByOne(host)).toEqual([]);
    for (const n of SECTION_NAMES) expect(snapshot.sections[n].status).toBe('notApplicable');
  });

  it('abandons a network probe at its deadline, with its own section timed out and the rest answered', async () => {
    await onFakeClock(async (advance) => {
      const host = fakeHost((n) => (n === 'serverCertificate' ? { kind: 'timedOut', ms: 0 } : na()), { advance });
      const snapshot = await collectSnapshot(host as never, { org: null });
      expect(snapshot.sections.serverCertificate).toMatchObject({
        status: 'timedOut',
        message: `no answer within ${probeTimeoutMs('serverCertificate') / 1000} s`,
      });
      expect(snapshot.sections.reachability.status).toBe('notApplicable');
      // Its budget ran from when it began in its runspace (at once here), not from the queue's backstop.
      expect(snapshot.sections.serverCertificate.ms).toBeLessThan(probeTimeoutMs('serverCertificate') + 1000);
      expect(invoked(host, 'Stop-DadProbes').map((c) => c[1])).toEqual([{ names: ['serverCertificate'] }]);
      expect(host.session.reset).not.toHaveBeenCalled();
    });
  });

  it("counts a queued probe's budget from when it begins in a runspace, not from the hand-over", async () => {
    await onFakeClock(async (advance) => {
      let elapsed = 0;
      const budget = probeTimeoutMs('nrpt');
      // nrpt waits in the queue for longer than its whole budget, then begins and answers a moment later.
      const host = fakeHost((n) => (n === 'nrpt' && elapsed < budget + 1500 ? { kind: 'timedOut', ms: 0 } : na()), {
        advance: (ms) => {
          elapsed += Math.max(ms, 1);
          advance(ms);
        },
        queued: (n) => n === 'nrpt' && elapsed < budget + 1000,
      });
      const snapshot = await collectSnapshot(host as never, { org: null });
      expect(snapshot.sections.nrpt.status).toBe('notApplicable');
      expect(invoked(host, 'Stop-DadProbes')).toHaveLength(0);
    });
  });

  it('gives up on a probe that never gets a runspace, saying so', async () => {
    await onFakeClock(async (advance) => {
      const host = fakeHost((n) => (n === 'nrpt' ? { kind: 'timedOut', ms: 0 } : na()), { advance, queued: (n) => n === 'nrpt' });
      const snapshot = await collectSnapshot(host as never, { org: null });
      expect(snapshot.sections.nrpt).toMatchObject({
        status: 'timedOut',
        message: expect.stringMatching(/^not started within 25 s: every runspace of the pool was busy$/),
      });
      expect(invoked(host, 'Stop-DadProbes').map((c) => c[1])).toEqual([{ names: ['nrpt'] }]);
    });
  });

  it('runs every probe one by one when the module has no pool', async () => {
    const host = fakeHost(na, { pool: false });
    const snapshot = await collectSnapshot(host as never, { org: null });
    expect(probedOneByOne(host)).toEqual([...NETWORK, ...SECTION_NAMES.filter((s) => !NETWORK.includes(s))]);
    expect(snapshot.sections.isatap.status).toBe('notApplicable');
  });

  it('stops what a pool started only in part, and runs every probe one by one instead, none twice', async () => {
    const host = fakeHost(na);
    const original = host.callJson.getMockImplementation()!;
    host.callJson.mockImplementation(async (fn, input, t, o) =>
      fn === 'Start-DadProbes' ? { kind: 'ok', value: { started: ['reachability'] }, ms: 1 } : original(fn, input, t, o),
    );
    const snapshot = await collectSnapshot(host as never, { org: null });
    expect(invoked(host, 'Stop-DadProbes').map((c) => c[1])).toEqual([{ names: ['reachability'] }]);
    expect(probedOneByOne(host)).toHaveLength(SECTION_NAMES.length);
    expect(invoked(host, 'Receive-DadProbes')).toHaveLength(0);
    expect(snapshot.sections.reachability.status).toBe('notApplicable');
  });

  it('when the session dies while the pool runs, each unfinished probe says so and the others keep their answers', async () => {
    const host = fakeHost((n) => (n === 'clock' ? { kind: 'ok', value: clock, ms: 1 } : { kind: 'timedOut', ms: 0 }));
    const original = host.callJson.getMockImplementation()!;
    let receives = 0;
    host.callJson.mockImplementation(async (fn, input, t, o) => {
      if (fn === 'Receive-DadProbes' && ++receives === 2) return { kind: 'died', message: 'exit 9', ms: 1 };
      return original(fn, input, t, o);
    });
    const snapshot = await collectSnapshot(host as never, { org: null });
    expect(snapshot.sections.clock).toEqual(clock);
    expect(snapshot.sections.nrpt).toMatchObject({ status: 'error', message: 'PowerShell stopped: exit 9; the session was restarted' });
  });

  it('runs one collection at a time on a session: the second starts its probes after the first has all its answers', async () => {
    const host = fakeHost((n) => (n === 'clock' ? { kind: 'ok', value: clock, ms: 1 } : na()));
    const [a, b] = await Promise.all([
      collectSnapshot(host as never, { org: null, only: ['os', 'isatap'] }),
      collectSnapshot(host as never, { org: null, only: ['clock'] }),
    ]);
    const calls = host.callJson.mock.calls.map((c) => c[0]);
    expect(calls).toEqual(['Start-DadProbes', 'Receive-DadProbes', 'Start-DadProbes', 'Receive-DadProbes']);
    expect(a.sections.isatap.status).toBe('notApplicable');
    expect(b.sections.clock).toEqual(clock);
  });

  it('re-collects only the sections asked for', async () => {
    const host = fakeHost(() => ({ kind: 'ok', value: clock, ms: 1 }));
    const snapshot = await collectSnapshot(host as never, { org: null, only: ['clock'] });
    expect(started(host)).toEqual([['clock']]);
    expect(invoked(host, 'Receive-DadProbes')).toHaveLength(1);
    expect(snapshot.sections.clock).toEqual(clock);
    expect(snapshot.sections.os.status).toBe('notApplicable');
  });
});

describe('collectSnapshot: cancel and the estimate', () => {
  it('on cancel keeps what was learned: answered sections stay, the rest say they were cancelled, the session is thrown away', async () => {
    const run = new AbortController();
    // Every probe but nrpt and firewall answers; those two are still running when the person cancels.
    const host = fakeHost((n) => (n === 'nrpt' || n === 'firewall' ? { kind: 'timedOut', ms: 0 } : na()));
    const original = host.callJson.getMockImplementation()!;
    host.callJson.mockImplementation(async (fn, input, t, opts) => {
      const out = await original(fn, input, t, opts);
      if (fn === 'Receive-DadProbes') run.abort();
      return out;
    });
    const progress = vi.fn();
    const snapshot = await collectSnapshot(host as never, { org: null, onProgress: progress, signal: run.signal });
    expect(snapshot.sections.os.status).toBe('notApplicable');
    expect(snapshot.sections.reachability.status).toBe('notApplicable');
    expect(snapshot.sections.nrpt).toMatchObject({ status: 'timedOut', message: CANCELLED_MESSAGE });
    expect(snapshot.sections.firewall).toMatchObject({ status: 'timedOut', message: CANCELLED_MESSAGE });
    expect(progress).not.toHaveBeenCalledWith(expect.objectContaining({ section: 'nrpt', phase: 'finished' }));
    expect(host.session.reset).toHaveBeenCalled();
  });

  it('a signal that fired before the run starts runs no probe', async () => {
    const host = fakeHost(na);
    await expect(collectSnapshot(host as never, { org: null, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(CollectCancelled);
    expect(host.callJson).not.toHaveBeenCalled();
  });

  it('says at every step how long the rest can take at most: the longest deadline in the pool, the sum one by one', async () => {
    const progress = vi.fn();
    await collectSnapshot(fakeHost(na) as never, { org: null, onProgress: progress });
    const events = progress.mock.calls.map((c) => c[0] as { phase: string; estimateSeconds: number });
    expect(events).toHaveLength(2 * SECTION_NAMES.length);
    expect(events[0]?.estimateSeconds).toBe(worstCaseSeconds(SECTION_NAMES));
    expect(worstCaseSeconds(SECTION_NAMES)).toBe(probeTimeoutMs('reachability') / 1000);
    expect(worstCaseSeconds(['os', 'clock'])).toBe(probeTimeoutMs('os') / 1000);
    expect(worstCaseSeconds(['os', 'clock', 'reachability'], 1, false)).toBe((2 * probeTimeoutMs('os') + probeTimeoutMs('reachability')) / 1000);
    expect(events.at(-1)?.estimateSeconds).toBe(0);
    for (let i = 1; i < events.length; i++) expect(events[i]!.estimateSeconds).toBeLessThanOrEqual(events[i - 1]!.estimateSeconds);
  });

  it('one by one, the estimate is the sum of what is left', async () => {
    const progress = vi.fn();
    await collectSnapshot(fakeHost(na, { pool: false }) as never, { org: null, onProgress: progress });
    const first = progress.mock.calls[0]?.[0] as { estimateSeconds: number };
    expect(first.estimateSeconds).toBe(worstCaseSeconds(SECTION_NAMES, 1, false));
  });
});
