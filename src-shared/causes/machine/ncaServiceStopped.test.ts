import { describe, expect, it } from 'vitest';
import { get, run } from '../../../test-support/assertions';
import { code, patch, rootMissing, win7 } from '../../../test-support/snapshotBuilder';
import { TREE, walk } from '../../tree';

const ncaStopped = (startType = 'Manual') => patch('services', (d) => (d['NcaSvc'] = { exists: true, status: 'Stopped', startType }));
const ids = (d: ReturnType<typeof run>) => d.findings.map((f) => f.id);

describe('nca-service-stopped', () => {
  it('is a warning on a supported edition with DirectAccess policy, stopped or disabled, with the start fix', () => {
    for (const startType of ['Manual', 'Disabled']) {
      const d = run(ncaStopped(startType));
      const f = get(d, 'nca-service-stopped');
      expect(f.severity).toBe('warning');
      expect(f.fixes).toEqual(['start-nca-service']);
      expect(d.status).toBe('healthy');
    }
  });
  it('a disabled service that is running still counts; a running one does not', () => {
    expect(ids(run(patch('services', (d) => (d['NcaSvc'] = { exists: true, status: 'Running', startType: 'Disabled' }))))).toContain('nca-service-stopped');
    expect(ids(run())).not.toContain('nca-service-stopped');
  });
  it('is not given on an edition that cannot run NcaSvc (edition-unsupported explains it), on Windows 7, or without DirectAccess policy', () => {
    const pro = patch('os', (d) => Object.assign(d, { sku: 48, caption: 'Microsoft Windows 10 Pro' }));
    expect(ids(run(pro, ncaStopped()))).toEqual(['edition-unsupported']);
    expect(ids(run(win7, ncaStopped()))).not.toContain('nca-service-stopped');
    const noPolicy = patch('daStatus', (d) => Object.assign(d, { policyApplied: false, ncaConfigured: false, ipHttpsClientUrl: null }));
    const noUrl = patch('ipHttps', (d) => (d.configuration = null));
    expect(ids(run(noPolicy, noUrl, ncaStopped()))).not.toContain('nca-service-stopped');
  });
  it('guides to the start fix when it is the only finding, and to the error first when there is one', () => {
    const alone = walk(TREE, { diagnosis: run(ncaStopped()), answers: {}, fixResults: {} });
    expect(alone.current.id).toBe('fix-start-nca-service');
    const withError = walk(TREE, { diagnosis: run(ncaStopped(), code(0x800b0109), rootMissing), answers: {}, fixResults: {} });
    expect(withError.current.id).not.toBe('fix-start-nca-service');
    expect(withError.path.map((s) => s.node.id)).not.toContain('nca');
  });
});
