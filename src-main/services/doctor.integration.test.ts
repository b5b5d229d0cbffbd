// The launch-time role hint on real pwsh: what the start screen preselects for each kind of machine.
import { afterAll, describe, expect, it } from 'vitest';
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

  it('reaches the start screen through app:info', async () => {
    await doctor.useScenario('isatap-blocked-name');
    const info = await new Router(doctor, { dataDir: '/tmp/dad-hint-test' }).dispatch('app:info', {}, () => undefined);
    expect(info).toMatchObject({ ok: true, value: { roleHint: 'manageOut', scenario: 'isatap-blocked-name' } });
  });
});
