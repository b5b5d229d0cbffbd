import { describe, expect, it } from 'vitest';
import { buildSnapshot, patch } from '../../test-support/snapshotBuilder';
import { clockInStep, ipHttpsActive, isatapUp, rootTrusted, tunnelBitsCleared, winHttpDirect } from './verifyChecks';

describe('verify checks', () => {
  it('says how far off a clock is in words', () => {
    const skewed = buildSnapshot(patch('clock', (c) => void (c.utcNow = '2029-03-10T09:00:00Z')));
    expect(clockInStep(skewed)).toEqual({ verified: false, detail: expect.stringMatching(/years off/) });
    expect(clockInStep(buildSnapshot()).verified).toBe(true);
  });

  it('passes a healthy machine and fails the states each fix must change', () => {
    const healthy = buildSnapshot();
    for (const check of [ipHttpsActive, rootTrusted, winHttpDirect]) expect(check(healthy).verified).toBe(true);
    const untrusted = buildSnapshot(patch('trustStores', (t) => void (t.root = [])));
    expect(rootTrusted(untrusted)).toMatchObject({ verified: false, detail: expect.stringMatching(/not in LocalMachine\\Root/) });
    expect(isatapUp(healthy).verified).toBe(false);
  });

  it("set-ipv6-prefer-ipv4 verifies when the role's tunnel bits are clear and 0x20 is set, whatever else stays", () => {
    const value = (v: number | null) => buildSnapshot(patch('ipv6', (d) => void (d.disabledComponents = v)));
    expect(tunnelBitsCleared(value(0x30), 'client').verified).toBe(true);
    expect(tunnelBitsCleared(value(0x7e), 'client').verified).toBe(true);
    expect(tunnelBitsCleared(value(0x7e), 'manageOut').verified).toBe(false);
    expect(tunnelBitsCleared(value(0xa0), 'client').verified).toBe(false);
    expect(tunnelBitsCleared(value(0x10), 'client').verified).toBe(false);
    expect(tunnelBitsCleared(value(null), 'client').verified).toBe(false);
  });

  it('never verifies from a section that did not answer', () => {
    const failed = buildSnapshot((s) => void (s.sections.ipHttps = { status: 'timedOut', ms: 5000 }));
    expect(ipHttpsActive(failed)).toMatchObject({ verified: false, detail: expect.stringMatching(/could not be read/) });
  });
});
