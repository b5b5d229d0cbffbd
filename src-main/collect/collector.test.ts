// The collect stage with a stand-in host: whatever one probe does (hang, die, garbage, a wrong shape) costs only
// its own section, and the snapshot still validates.
import { describe, expect, it, vi } from 'vitest';
import { snapshotSchema } from '../../src-shared/snapshot';
import type { JsonOutcome } from '../powershell/psHost';
import { collectSnapshot, runProbe } from './collector';

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
    expect(progress).toHaveBeenCalledTimes(2 * 14);
    expect(host.callJson).toHaveBeenCalledTimes(14);
  });

  it('re-collects only the sections asked for', async () => {
    const host = fakeHost(() => ({ kind: 'ok', value: clock, ms: 1 }));
    const snapshot = await collectSnapshot(host as never, { org: null, only: ['clock'] });
    expect(host.callJson).toHaveBeenCalledTimes(1);
    expect(snapshot.sections.os.status).toBe('notApplicable');
  });
});
