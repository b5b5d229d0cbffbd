// The launch-time role hint on real pwsh: what the start screen preselects for each kind of machine; and when a
// scenario is really loaded again.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SimulatedRunner } from '../fixes/runner';
import { Doctor } from './doctor';
import { Router } from './handlers';

const doctor = Doctor.simulated('isatap-default-state');
afterAll(() => doctor.dispose());

describe('Doctor.roleHint', () => {
  it('tells a manage-out host from a client, and follows a change of scenario', async () => {
    expect(await doctor.roleHint()).toBe('manageOut');
    await doctor.useScenario('healthy');
    expect(await doctor.roleHint()).toBe('client');
  });

  it("after the person's check, takes that check's role without collecting again", async () => {
    await doctor.useScenario('isatap-default-state');
    const result = await doctor.collect();
    expect(result.diagnosis.role).toBe('manageOut');
    const spy = vi.spyOn(doctor.host, 'callJson');
    try {
      expect(await doctor.roleHint()).toBe('manageOut');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('reaches the start screen through app:info', async () => {
    await doctor.useScenario('isatap-blocked-name');
    const info = await new Router(doctor, { dataDir: '/tmp/dad-hint-test' }).dispatch('app:info', {}, () => undefined);
    expect(info).toMatchObject({ ok: true, value: { roleHint: 'manageOut', scenario: 'isatap-blocked-name' } });
  });
});

describe('Doctor.useScenario', () => {
  const loads = (calls: unknown[][]) => calls.filter((c) => c[0] === 'Import-DadSimScenario').length;

  it('skips loading the same unchanged scenario onto an untouched machine, and loads it again once a restart or a fix may have changed it', async () => {
    await doctor.useScenario('healthy');
    const spy = vi.spyOn(doctor.host, 'callJson');
    try {
      await doctor.useScenario('healthy');
      expect(loads(spy.mock.calls)).toBe(0);
      await doctor.host.restartSimulated();
      await doctor.useScenario('healthy');
      expect(loads(spy.mock.calls)).toBe(1);
      // A fix runs through the simulated runner, which says the machine may change before it runs anything.
      await new SimulatedRunner(doctor.host).run('fix', { fixId: 'start-ip-helper', params: {} });
      await doctor.useScenario('healthy');
      expect(loads(spy.mock.calls)).toBe(2);
      await doctor.useScenario('isatap-blocked-name');
      expect(loads(spy.mock.calls)).toBe(3);
    } finally {
      spy.mockRestore();
    }
  });
});
