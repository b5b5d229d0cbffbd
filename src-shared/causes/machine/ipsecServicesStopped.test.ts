import { describe, expect, it } from 'vitest';
import { get, run } from '../../../test-support/assertions';
import { connection, patch } from '../../../test-support/snapshotBuilder';
import { TREE, walk } from '../../tree';

const svc = (name: string, status: string, startType: string) => patch('services', (d) => (d[name] = { exists: true, status, startType }));
const ids = (d: ReturnType<typeof run>) => d.findings.map((f) => f.id);

describe('ipsec-services-stopped', () => {
  it('is an error with the start fix when IKEEXT, PolicyAgent or BFE is disabled, with the service state as evidence', () => {
    for (const name of ['IKEEXT', 'PolicyAgent', 'BFE']) {
      const d = run(svc(name, 'Stopped', 'Disabled'));
      const f = get(d, 'ipsec-services-stopped');
      expect(f.severity).toBe('error');
      expect(f.fixes).toEqual(['start-ipsec-services']);
      expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'services', field: `${name}.startType`, observed: 'Disabled' }));
      expect(f.commands).toContain('Get-Service IKEEXT,PolicyAgent,BFE | Select-Object Name, Status, StartType');
      expect(f.plain).not.toMatch(/IKEEXT|PolicyAgent|BFE|MpsSvc/);
    }
  });
  it('BFE stopped counts; IKEEXT stopped counts outside, not inside; PolicyAgent stopped on Manual (trigger start) does not', () => {
    expect(ids(run(svc('BFE', 'Stopped', 'Automatic')))).toContain('ipsec-services-stopped');
    expect(ids(run(svc('IKEEXT', 'Stopped', 'Manual')))).toContain('ipsec-services-stopped');
    expect(ids(run(connection('ConnectedLocally'), svc('IKEEXT', 'Stopped', 'Manual')))).not.toContain('ipsec-services-stopped');
    expect(ids(run(svc('PolicyAgent', 'Stopped', 'Manual')))).not.toContain('ipsec-services-stopped');
  });
  it('is not given without evidence: all running, services not reported (older snapshot), or no DirectAccess policy', () => {
    expect(ids(run())).not.toContain('ipsec-services-stopped');
    const older = patch('services', (d) => {
      for (const n of ['IKEEXT', 'PolicyAgent', 'BFE', 'MpsSvc']) delete d[n];
    });
    expect(ids(run(older))).not.toContain('ipsec-services-stopped');
    const noPolicy = patch('daStatus', (d) => Object.assign(d, { policyApplied: false, ncaConfigured: false, ipHttpsClientUrl: null }));
    const noUrl = patch('ipHttps', (d) => (d.configuration = null));
    expect(ids(run(noPolicy, noUrl, svc('IKEEXT', 'Stopped', 'Disabled')))).not.toContain('ipsec-services-stopped');
  });
  it('guides to the start fix', () => {
    const w = walk(TREE, { diagnosis: run(svc('IKEEXT', 'Stopped', 'Disabled')), answers: {}, fixResults: {} });
    expect(w.current.id).toBe('fix-start-ipsec-services');
  });
});
