// The collect stage with a stand-in host: whatever one probe does (hang, die, garbage, a wrong shape) costs only
// its own section, and the snapshot still validates.
import { describe, expect, it, vi } from 'vitest';
import { snapshotSchema } from '../../src-shared/snapshot';
import type { JsonOutcome } from '../powershell/psHost';
import { CollectCancelled, collectSnapshot, runProbe } from './collector';
import { probeTimeoutMs, worstCaseSeconds } from './probePlan';

const clock = { status: 'ok', ms: 1, data: { utcNow: '2026-01-01T00:00:00Z' } };

function fakeHost(answer: (section: string) => JsonOutcome) {
  return {
    kind: 'simulated' as const,
    scenario: '/x/healthy.json',
    session: { start: vi.fn(async () => undefined) },
    callJson: vi.fn(async (_fn: string, input: unknown) => answer((input as { name: string }).name)),
  };
}

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
    const section = await runProbe(fakeHost(() => outcome) as never, 'clock');
    expect(section.status).toBe(status);
    expect(section.message).toMatch(message);
  });

  it('passes a valid section through', async () => {
    expect(await runProbe(fakeHost(() => ({ kind: 'ok', value: clock, ms: 1 })) as never, 'clock')).toEqual(clock);
  });
});

describe('collectSnapshot', () => {
  it('keeps every other section when one probe fails, and the snapshot validates', async () => {
    const host = fakeHost((name) =>
      name === 'nrpt'
        ? { kind: 'timedOut', ms: 5000 }
        : name === 'clock'
          ? { kind: 'ok', value: clock, ms: 1 }
          : { kind: 'ok', value: { status: 'notApplicable', ms: 0, message: 'n/a' }, ms: 0 },
    );
    const progress = vi.fn();
    const snapshot = await collectSnapshot(host as never, { org: null, onProgress: progress });
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.sections.nrpt.status).toBe('timedOut');
    expect(snapshot.sections.clock).toEqual(clock);
    expect(snapshot.collector).toMatchObject({ host: 'simulated', scenario: 'healthy' });
    expect(progress).toHaveBeenCalledTimes(2 * 16);
    expect(host.callJson).toHaveBeenCalledTimes(16);
  });

  it('re-collects only the sections asked for', async () => {
    const host = fakeHost(() => ({ kind: 'ok', value: clock, ms: 1 }));
    const snapshot = await collectSnapshot(host as never, { org: null, only: ['clock'] });
    expect(host.callJson).toHaveBeenCalledTimes(1);
    expect(snapshot.sections.os.status).toBe('notApplicable');
  });
});

describe('collectSnapshot: cancel and the estimate', () => {
  const na = (): JsonOutcome => ({ kind: 'ok', value: { status: 'notApplicable', ms: 0, message: 'n/a' }, ms: 0 });

  it('stops at the probe in flight when its signal fires, runs no later probe, and returns no snapshot', async () => {
    const run = new AbortController();
    const host = fakeHost(na);
    // nrpt hangs until the signal fires (a person cancels while it runs), then answers as the session does: cancelled.
    host.callJson.mockImplementation(async (_fn: string, input: unknown, _t?: number, opts?: { signal?: AbortSignal }) => {
      if ((input as { name: string }).name !== 'nrpt') return na();
      setTimeout(() => run.abort(), 10);
      return new Promise<JsonOutcome>((resolve) => opts?.signal?.addEventListener('abort', () => resolve({ kind: 'cancelled', ms: 10 })));
    });
    const progress = vi.fn();
    await expect(collectSnapshot(host as never, { org: null, onProgress: progress, signal: run.signal })).rejects.toBeInstanceOf(CollectCancelled);
    const probed = host.callJson.mock.calls.map((c) => (c[1] as { name: string }).name);
    expect(probed.at(-1)).toBe('nrpt');
    expect(progress).not.toHaveBeenCalledWith(expect.objectContaining({ section: 'nrpt', phase: 'finished' }));
  });

  it('a signal that fired before the run starts runs no probe', async () => {
    const host = fakeHost(na);
    await expect(collectSnapshot(host as never, { org: null, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(CollectCancelled);
    expect(host.callJson).not.toHaveBeenCalled();
  });

  it('says at every step how long the rest can take at most: every probe left using its whole timeout', async () => {
    const progress = vi.fn();
    await collectSnapshot(fakeHost(na) as never, { org: null, onProgress: progress });
    const events = progress.mock.calls.map((c) => c[0] as { phase: string; estimateSeconds: number });
    const all = Math.ceil(events.length / 2);
    expect(all).toBe(16);
    expect(events[0]?.estimateSeconds).toBe(
      worstCaseSeconds([
        'os',
        'services',
        'daStatus',
        'ipHttps',
        'reachability',
        'serverCertificate',
        'trustStores',
        'machineCertificates',
        'proxy',
        'nrpt',
        'ipv6',
        'isatap',
        'teredo',
        'clock',
        'firewall',
        'server',
      ]),
    );
    expect(events[0]?.estimateSeconds).toBe((2 * probeTimeoutMs('reachability') + 14 * probeTimeoutMs('os')) / 1000);
    expect(events.at(-1)?.estimateSeconds).toBe(0);
    for (let i = 1; i < events.length; i++) expect(events[i]!.estimateSeconds).toBeLessThanOrEqual(events[i - 1]!.estimateSeconds);
  });
});
