// Cancelling a check on real pwsh: the probe-hangs scenario's NRPT probe never answers; a collect:cancel while it hangs
// ends that collect:run at once with `cancelled` (long before the probe's own timeout), keeps no half-made result, and
// the next check runs on a fresh PowerShell session.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CollectProgress } from '../../src-shared/ipc';
import { probeTimeoutMs } from '../collect/probePlan';
import { Doctor } from './doctor';
import { Router } from './handlers';

const doctor = Doctor.simulated('probe-hangs');
const router = new Router(doctor, { dataDir: mkdtempSync(join(tmpdir(), 'dad-cancel-')) });
afterAll(() => doctor.dispose());

describe('collect:cancel', () => {
  it('stops a run whose PowerShell hangs: collect:run answers `cancelled` at once, and the next run works', async () => {
    const seen: CollectProgress[] = [];
    let cancelledAt = 0;
    const run = router.dispatch('collect:run', { runId: 'hang-1' }, (event, payload) => {
      if (event !== 'collect:progress') return;
      const p = payload as CollectProgress;
      seen.push(p);
      if (p.section === 'nrpt' && p.phase === 'started') {
        // Give the hung probe a moment to be in flight, then cancel it as the page would.
        setTimeout(() => {
          cancelledAt = performance.now();
          void router.dispatch('collect:cancel', { runId: 'hang-1' }, () => undefined);
        }, 300);
      }
    });
    const result = await run;
    const waited = performance.now() - cancelledAt;
    expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'the check was cancelled' } });
    expect(waited).toBeLessThan(probeTimeoutMs('nrpt') / 2);
    expect(seen.some((p) => p.section === 'nrpt' && p.phase === 'finished')).toBe(false);
    expect(seen[0]?.estimateSeconds).toBeGreaterThan(0);
    expect(router.fixes.latestSnapshot).toBeNull();

    const starts = doctor.host.session.starts;
    const next = await router.dispatch('collect:run', { runId: 'after', scenario: 'healthy' }, () => undefined);
    expect(next).toMatchObject({ ok: true, value: { diagnosis: { status: 'healthy' } } });
    expect(doctor.host.session.starts).toBe(starts + 1);
  });
});
