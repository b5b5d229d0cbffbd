// Stopping a check on real pwsh: the probe-hangs scenario's NRPT probe never answers; a collect:cancel while it hangs
// ends that collect:run at once (long before the probe's own timeout) with what was learned so far, the unfinished
// checks saying they were stopped, and the next check runs on a fresh PowerShell session.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CollectProgress } from '../../src-shared/ipc';
import type { Diagnosis } from '../../src-shared/finding';
import type { Snapshot } from '../../src-shared/snapshot';
import { probeTimeoutMs } from '../collect/probePlan';
import { CANCELLED_MESSAGE } from '../../src-shared/incomplete';
import { Doctor } from './doctor';
import { Router } from './handlers';

const doctor = Doctor.simulated('probe-hangs');
const router = new Router(doctor, { dataDir: mkdtempSync(join(tmpdir(), 'dad-cancel-')) });
afterAll(() => doctor.dispose());

describe('collect:cancel', () => {
  it('stops a run whose PowerShell hangs: collect:run answers at once with what it learned, and the next run works', async () => {
    const seen: CollectProgress[] = [];
    let cancelledAt = 0;
    let cancelling = false;
    const run = router.dispatch('collect:run', { runId: 'hang-1' }, (event, payload) => {
      if (event !== 'collect:progress') return;
      const p = payload as CollectProgress;
      seen.push(p);
      const osDone = seen.some((e) => e.section === 'os' && e.phase === 'finished');
      const nrptRunning = seen.some((e) => e.section === 'nrpt' && e.phase === 'started');
      if (osDone && nrptRunning && !cancelling) {
        cancelling = true;
        // Give the hung probe a moment to be in flight, then cancel it as the page would.
        setTimeout(() => {
          cancelledAt = performance.now();
          void router.dispatch('collect:cancel', { runId: 'hang-1' }, () => undefined);
        }, 300);
      }
    });
    const result = await run;
    const waited = performance.now() - cancelledAt;
    expect(waited).toBeLessThan(probeTimeoutMs('nrpt') / 2);
    expect(result.ok).toBe(true);
    const { snapshot, diagnosis } = (result as { ok: true; value: { snapshot: Snapshot; diagnosis: Diagnosis } }).value;
    expect(snapshot.sections.os.status).toBe('ok');
    expect(snapshot.sections.nrpt).toMatchObject({ status: 'timedOut', message: CANCELLED_MESSAGE });
    // The probes that had not answered (they run side by side in the pool) say they were stopped; the rest keep their answers.
    const finished = new Set(seen.filter((p) => p.phase === 'finished').map((p) => p.section));
    for (const [name, section] of Object.entries(snapshot.sections)) {
      if (finished.has(name as never)) expect(section.message ?? '').not.toBe(CANCELLED_MESSAGE);
      else expect(section, name).toMatchObject({ status: 'timedOut', message: CANCELLED_MESSAGE });
    }
    expect(diagnosis.status).not.toBe('healthy');
    expect(seen.some((p) => p.section === 'nrpt' && p.phase === 'finished')).toBe(false);
    expect(seen[0]?.estimateSeconds).toBeGreaterThan(0);
    expect(router.fixes.latestSnapshot).toBe(snapshot);

    const starts = doctor.host.session.starts;
    const next = await router.dispatch('collect:run', { runId: 'after', scenario: 'healthy' }, () => undefined);
    expect(next).toMatchObject({ ok: true, value: { diagnosis: { status: 'healthy' } } });
    expect(doctor.host.session.starts).toBe(starts + 1);
  });
});
