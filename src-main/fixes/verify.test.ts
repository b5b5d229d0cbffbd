// Verification polls until the check passes or its deadline is up (IP-HTTPS needs time after an IP Helper restart).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixSpec, type FixSpec } from '../../src-shared/fixes/catalogue';
import { buildSnapshot } from '../../test-support/snapshotBuilder';
import { pollVerification } from './verify';

afterEach(() => vi.useRealTimers());

/** The fix spec with a check that passes from the `passOn`-th poll on (never when null). */
function specPassingOn(passOn: number | null): { spec: FixSpec; checks: () => number } {
  const base = fixSpec('restart-ip-helper') as FixSpec;
  let n = 0;
  const spec = { ...base, verify: { ...base.verify, check: () => ({ verified: passOn !== null && ++n >= passOn, detail: `poll ${n}` }) } };
  return { spec, checks: () => n };
}

describe('pollVerification', () => {
  it('keeps polling every interval until the deadline when the check never passes', async () => {
    vi.useFakeTimers({ now: 0 });
    const { spec } = specPassingOn(null);
    const collect = vi.fn(async () => buildSnapshot());
    const sleep = vi.fn(async (ms: number) => {
      vi.advanceTimersByTime(ms); // the injected clock: Date.now() moves by what the poller waited
    });
    const r = await pollVerification(spec, {}, buildSnapshot(), collect, { pollSeconds: 60, intervalMs: 2000, sleep });
    expect(r.outcome.verified).toBe(false);
    // Polls at t = 0, 2, …, 60 s: 31 collections, and not one more after the deadline.
    expect(r.polls).toBe(31);
    expect(collect).toHaveBeenCalledTimes(31);
    expect(Date.now()).toBe(60_000);
  });

  it('stops at the first poll that passes', async () => {
    vi.useFakeTimers({ now: 0 });
    const { spec } = specPassingOn(3);
    const sleep = async (ms: number) => void vi.advanceTimersByTime(ms);
    const r = await pollVerification(spec, {}, buildSnapshot(), async () => buildSnapshot(), { pollSeconds: 60, intervalMs: 2000, sleep });
    expect(r).toMatchObject({ polls: 3, outcome: { verified: true } });
  });

  it('with no time to wait (the simulated host) polls exactly once', async () => {
    const { spec } = specPassingOn(null);
    const sleep = vi.fn(async () => undefined);
    const r = await pollVerification(spec, {}, buildSnapshot(), async () => buildSnapshot(), { pollSeconds: 0, intervalMs: 2000, sleep });
    expect(r.polls).toBe(1);
    expect(sleep).not.toHaveBeenCalled();
  });
});
