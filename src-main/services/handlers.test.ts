import { describe, expect, it, vi } from 'vitest';
import { Router } from './handlers';
import { InputError } from '../scenarios';

function fakeDoctor(collect = vi.fn(async () => ({ snapshot: {}, diagnosis: {} }))) {
  return {
    host: { kind: 'simulated' },
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
    expect(r).toMatchObject({ ok: true, value: { host: 'simulated', scenario: 'healthy', organisation: null, roleHint: 'manageOut' } });
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
});
