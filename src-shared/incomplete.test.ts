import { describe, expect, it } from 'vitest';
import { CANCELLED_MESSAGE, incompleteProbes, stoppedProbes } from './incomplete';

describe('incompleteProbes', () => {
  it('names the probes that timed out or failed, in collection order, and nothing else', () => {
    const probes = {
      teredo: { status: 'error' as const, ms: 5, message: 'Get-NetTeredoState threw' },
      os: { status: 'ok' as const, ms: 1 },
      nrpt: { status: 'timedOut' as const, ms: 15000 },
      isatap: { status: 'notApplicable' as const, ms: 0 },
    };
    expect(incompleteProbes({ probes })).toEqual(['nrpt', 'teredo']);
    expect(incompleteProbes({ probes: { os: { status: 'ok', ms: 1 } } })).toEqual([]);
    expect(incompleteProbes({ probes: {} })).toEqual([]);
  });
});

describe('stoppedProbes', () => {
  it('names only the probes the person stopped, not those that timed out on their own', () => {
    const probes = {
      nrpt: { status: 'timedOut' as const, ms: 15000, message: 'no answer within 5 s' },
      firewall: { status: 'timedOut' as const, ms: 0, message: CANCELLED_MESSAGE },
      os: { status: 'ok' as const, ms: 1, message: CANCELLED_MESSAGE },
    };
    expect(stoppedProbes({ probes })).toEqual(['firewall']);
  });
});
