import { describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../src-shared/diagnose';
import { buildSnapshot, org, rootMissing, ROOT_THUMB } from '../../test-support/snapshotBuilder';
import { buildReport } from '../../src-shared/report/report';
import { reportHtml } from '../../src-shared/report/reportHtml';
import { CollectCancelled } from '../collect/collector';
import { Router } from './handlers';
import { InputError } from '../scenarios';

function fakeDoctor(collect = vi.fn(async () => ({ snapshot: {}, diagnosis: {} }))) {
  return {
    host: { kind: 'simulated', restartSimulated: vi.fn(async () => undefined) },
    scenarioName: 'healthy',
    orgConfig: null,
    roleHint: vi.fn(async () => 'manageOut'),
    useScenario: vi.fn(async (name: string) => {
      if (name === 'nope') throw new InputError('scenario not found: nope');
    }),
    collect,
  };
}
const emit = vi.fn();

describe('Router', () => {
  it('answers app:info', async () => {
    const r = await new Router(fakeDoctor() as never).dispatch('app:info', {}, emit);
    expect(r).toMatchObject({ ok: true, value: { host: 'simulated', scenario: 'healthy', organisation: null, helpdesk: null, roleHint: 'manageOut' } });
  });

  it('names the organisation’s helpdesk in app:info when its config has one', async () => {
    const helpdesk = { name: 'Contoso IT', email: 'it@contoso.example', phone: '+1 555 0100' };
    const doctor = { ...fakeDoctor(), orgConfig: { organisation: 'Contoso', helpdesk } };
    expect(await new Router(doctor as never).dispatch('app:info', {}, emit)).toMatchObject({ ok: true, value: { organisation: 'Contoso', helpdesk } });
  });

  it('restarts the practice computer at once (its pending changes take effect), never Windows', async () => {
    const doctor = fakeDoctor();
    expect(await new Router(doctor as never).dispatch('system:restart', {}, emit)).toEqual({ ok: true, value: { simulated: true, delaySeconds: 0 } });
    expect(doctor.host.restartSimulated).toHaveBeenCalledOnce();
  });

  it('refuses an unknown channel and a bad request with typed errors', async () => {
    const router = new Router(fakeDoctor() as never);
    expect(await router.dispatch('fs:delete', {}, emit)).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(await router.dispatch('collect:run', { runId: 42 }, emit)).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    expect(await router.dispatch('__proto__', {}, emit)).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });

  it('turns bad input into badInput and other failures into failed, never a throw', async () => {
    const router = new Router(fakeDoctor(vi.fn(async () => Promise.reject(new Error('PowerShell did not start')))) as never);
    expect(await router.dispatch('collect:run', { runId: 'a', scenario: 'nope' }, emit)).toMatchObject({
      ok: false,
      error: { code: 'badInput', message: 'scenario not found: nope' },
    });
    expect(await router.dispatch('collect:run', { runId: 'a' }, emit)).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('switches only to a built-in scenario by name, never to a path the page names', async () => {
    const doctor = fakeDoctor();
    const router = new Router(doctor as never);
    for (const scenario of ['/etc/passwd', '../../etc/passwd', 'assets/scenarios/healthy.json', 'healthy.json', 'C:\\Users\\x\\s.json']) {
      const r = await router.dispatch('collect:run', { runId: 'a', scenario }, emit);
      expect(r, scenario).toMatchObject({ ok: false, error: { code: 'badInput' } });
    }
    expect(doctor.useScenario).not.toHaveBeenCalled();
    expect(await router.dispatch('collect:run', { runId: 'a', scenario: 'healthy' }, emit)).toMatchObject({ ok: true });
    expect(doctor.useScenario).toHaveBeenCalledWith('healthy');
  });

  it('collect:cancel stops that run: its collect:run answers `cancelled`, and nothing is kept as the latest snapshot', async () => {
    // A collection that only ends when its signal fires, as a hung probe does once the session is killed.
    const hung = vi.fn(
      (_progress: unknown, signal: AbortSignal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new CollectCancelled()))),
    );
    const router = new Router(fakeDoctor(hung as never) as never);
    const run = router.dispatch('collect:run', { runId: 'r1' }, emit);
    await vi.waitFor(() => expect(hung).toHaveBeenCalled());
    expect(await router.dispatch('collect:cancel', { runId: 'other' }, emit)).toEqual({ ok: true, value: { cancelled: false } });
    expect(await router.dispatch('collect:cancel', { runId: 'r1' }, emit)).toEqual({ ok: true, value: { cancelled: true } });
    expect(await run).toEqual({ ok: false, error: { code: 'cancelled', message: 'the check was cancelled' } });
    expect(router.fixes.latestSnapshot).toBeNull();
    // The machine is free again, and the finished run can no longer be cancelled.
    expect(await router.dispatch('collect:cancel', { runId: 'r1' }, emit)).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('a stopped run answers with what it learned (the doctor stops its probes), and the signal reaches the doctor', async () => {
    let finish!: () => void;
    let signal: AbortSignal | undefined;
    const late = vi.fn((_p: unknown, s?: AbortSignal) => {
      signal = s;
      return new Promise((resolve) => (finish = () => resolve({ snapshot: { partial: true }, diagnosis: {} })));
    });
    const router = new Router(fakeDoctor(late as never) as never);
    const run = router.dispatch('collect:run', { runId: 'r2' }, emit);
    await vi.waitFor(() => expect(late).toHaveBeenCalled());
    await router.dispatch('collect:cancel', { runId: 'r2' }, emit);
    expect(signal?.aborted).toBe(true);
    finish();
    expect(await run).toMatchObject({ ok: true, value: { snapshot: { partial: true } } });
    expect(router.fixes.latestSnapshot).toEqual({ partial: true });
  });

  it('runs one collection at a time', async () => {
    let release!: () => void;
    const slow = vi.fn(() => new Promise((resolve) => (release = () => resolve({ snapshot: {}, diagnosis: {} }))));
    const router = new Router(fakeDoctor(slow as never) as never);
    const first = router.dispatch('collect:run', { runId: 'a' }, emit);
    await vi.waitFor(() => expect(slow).toHaveBeenCalled());
    expect(await router.dispatch('collect:run', { runId: 'b' }, emit)).toMatchObject({ ok: false, error: { code: 'busy' } });
    release();
    expect(await first).toMatchObject({ ok: true });
    const third = router.dispatch('collect:run', { runId: 'c' }, emit);
    await vi.waitFor(() => expect(slow).toHaveBeenCalledTimes(2));
    release();
    expect(await third).toMatchObject({ ok: true });
  });

  it('refuses a malformed snapshot import with one sentence', async () => {
    const r = await new Router(fakeDoctor() as never).dispatch('snapshot:import', { text: '{"schema":"da-doctor/snapshot@9"}' }, emit);
    expect(r).toMatchObject({ ok: false, error: { code: 'badInput', message: expect.stringMatching(/not supported/) } });
  });

  it('hands its main-process confirmation to every fix and undo', async () => {
    const confirm = vi.fn(async () => false);
    const router = new Router(fakeDoctor() as never, { confirm });
    expect(router.confirmsInMain).toBe(true);
    expect(new Router(fakeDoctor() as never).confirmsInMain).toBe(false);
    const run = vi.spyOn(router.fixes, 'run').mockResolvedValue({} as never);
    const undo = vi.spyOn(router.fixes, 'undo').mockResolvedValue({} as never);
    await router.dispatch('fix:run', { fixId: 'reset-winhttp-proxy', params: {}, confirmed: true }, emit);
    await router.dispatch('fix:undo', { auditId: 'a1', confirmed: true }, emit);
    expect(run).toHaveBeenCalledWith('reset-winhttp-proxy', {}, confirm);
    expect(undo).toHaveBeenCalledWith('a1', confirm);
  });

  it('imports a report page saved by the wizard like its snapshot, and says it was a report', async () => {
    const snapshot = buildSnapshot(rootMissing);
    const html = reportHtml(buildReport({ snapshot, diagnosis: diagnose(snapshot), appVersion: '1.0.0', createdAt: '2026-12-01T10:00:00.000Z', redact: true }));
    const r = await new Router(fakeDoctor() as never).dispatch('snapshot:import', { text: html }, emit);
    expect(r).toMatchObject({ ok: true, value: { source: { kind: 'report', redacted: true, createdAt: '2026-12-01T10:00:00.000Z', machine: '[computer]' } } });
    const bare = await new Router(fakeDoctor() as never).dispatch('snapshot:import', { text: JSON.stringify(snapshot) }, emit);
    expect(bare).toMatchObject({ ok: true, value: { source: { kind: 'snapshot' } } });
    const two = await new Router(fakeDoctor() as never).dispatch(
      'snapshot:import',
      { text: html.replace('</body>', '<pre id="report-json">{}</pre></body>') },
      emit,
    );
    expect(two).toMatchObject({ ok: false, error: { code: 'badInput', message: expect.stringMatching(/^this page carries 2 blocks of report data/) } });
  });

  it("an imported snapshot's own org block drives no trust decision: this machine's configuration does", async () => {
    // A file from "another computer" whose org block pins the root its chain ends in: with that pin the root would
    // be "pinned by the organisation: safe to import".
    const planted = buildSnapshot(rootMissing, org({ organisation: 'Planted', pinnedRoots: [{ subject: 'CN=Contoso Root CA', thumbprint: ROOT_THUMB }] }));
    const r = await new Router(fakeDoctor() as never).dispatch('snapshot:import', { text: JSON.stringify(planted) }, emit);
    expect(r.ok).toBe(true);
    const value = (r as { value: { snapshot: { org: unknown }; diagnosis: unknown; reportedOrg: { organisation: string } } }).value;
    expect(value.snapshot.org).toBeNull();
    expect(value.reportedOrg.organisation).toBe('Planted');
    expect(value.diagnosis).toEqual(diagnose({ ...planted, org: null }));
    expect(value.diagnosis).not.toEqual(diagnose(planted));
  });

  it('fix:run and fix:undo require confirmed: true; without it nothing reaches the executor', async () => {
    const router = new Router(fakeDoctor() as never);
    const run = vi.spyOn(router.fixes, 'run').mockResolvedValue({} as never);
    const undo = vi.spyOn(router.fixes, 'undo').mockResolvedValue({} as never);
    for (const confirmed of [undefined, false, 'true']) {
      expect(await router.dispatch('fix:run', { fixId: 'reset-winhttp-proxy', params: {}, confirmed }, emit)).toMatchObject({
        ok: false,
        error: { code: 'badRequest' },
      });
      expect(await router.dispatch('fix:undo', { auditId: 'a1', confirmed }, emit)).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    }
    expect(run).not.toHaveBeenCalled();
    expect(undo).not.toHaveBeenCalled();
  });
});
