import { describe, expect, it } from 'vitest';
import { ROOT_CAUSE_IDS, type RootCauseId } from '../ids';
import { SECTION_NAMES } from '../snapshot';
import { diagnose, RULES } from './index';
import { errorIds, get, run } from '../../test-support/assertions';
import {
  buildSnapshot,
  code,
  connection,
  failed,
  healthyRaw,
  noState,
  onCorpnet,
  org,
  patch,
  ROOT_THUMB,
  rootMissing,
} from '../../test-support/snapshotBuilder';
import { EXPLAINS } from '../causes/registry';

describe('diagnosis envelope', () => {
  it('has the contract shape and one probe entry per section', () => {
    const d = run(failed('teredo'));
    expect(d.schema).toBe('da-doctor/diagnosis@1');
    expect(Object.keys(d.probes).sort()).toEqual([...SECTION_NAMES].sort());
    expect(d.probes['teredo']).toEqual({ status: 'error', ms: 5, message: 'teredo probe threw' });
    expect(d.probes['ipHttps']).toEqual({ status: 'ok', ms: 12 });
    expect(d.machine).toBe('LAPTOP-042');
  });
  it('is pure: the same snapshot gives the same diagnosis and is not modified', () => {
    const s = buildSnapshot(code(0x800b0109), rootMissing);
    const before = JSON.stringify(s);
    expect(diagnose(s)).toEqual(diagnose(s));
    expect(JSON.stringify(s)).toBe(before);
  });
  it('lists errors before warnings before info', () => {
    const d = run(
      code(0x57),
      connection('ConnectedLocally'),
      onCorpnet(),
      patch('isatap', (d) => (d.genericName = { name: 'isatap', addresses: ['10.0.0.5'] })),
    );
    expect(d.findings.map((f) => f.severity)).toEqual(['error', 'warning', 'info']);
  });
});

describe('every root cause has a rule', () => {
  const clientAndManageOut = ROOT_CAUSE_IDS.filter((id) => !id.startsWith('server-'));
  it.each(clientAndManageOut)('%s is produced by a rule', (id) => {
    expect(RULES.some((r) => r.id === id)).toBe(true);
  });
  it('rules only claim known ids and the precedence table only names known ids', () => {
    for (const r of RULES) expect(ROOT_CAUSE_IDS).toContain(r.id);
    for (const [deeper, list] of Object.entries(EXPLAINS)) {
      expect(ROOT_CAUSE_IDS).toContain(deeper as RootCauseId);
      if (list !== '*') for (const id of list!) expect(ROOT_CAUSE_IDS).toContain(id);
    }
  });
});

describe('unknown is never healthy', () => {
  it('probe-throws: a failed teredo probe on a healthy machine is still healthy with no findings', () => {
    const d = run(failed('teredo'));
    expect(d.status).toBe('healthy');
    expect(d.findings).toEqual([]);
  });
  it('probe-hangs: nrpt timed out, 0x800b0109 still gives iphttps-untrusted-root', () => {
    const d = run(code(2148204809), rootMissing, org({ pinnedRoots: [{ subject: 'CN=Contoso Root CA', thumbprint: ROOT_THUMB }] }), failed('nrpt', 'timedOut'));
    expect(errorIds(d)).toEqual(['iphttps-untrusted-root']);
    expect(d.status).toBe('problems');
    expect(d.probes['nrpt']?.status).toBe('timedOut');
  });
  it.each(['ipHttps', 'services', 'os'] as const)('a healthy machine whose %s probe failed is unknown', (name) => {
    const d = run(failed(name));
    expect(d.status).toBe('unknown');
    expect(errorIds(d)).toEqual([]);
  });
  it('a failed daStatus probe with no ServerURL leaves the role unknown', () => {
    const d = run(
      failed('daStatus'),
      patch('ipHttps', (d) => (d.configuration = null)),
    );
    expect(d.role).toBe('unknown');
    expect(d.status).toBe('unknown');
  });
  it('a failed daStatus probe with a ServerURL is still a client', () => {
    expect(run(failed('daStatus')).role).toBe('client');
  });
  it('no IP-HTTPS state outside with an Error connection status is unknown', () => {
    const d = run(noState, connection('Error', 'CouldNotContactDirectAccessServer'));
    expect(errorIds(d)).toEqual([]);
    expect(d.status).toBe('unknown');
  });
  it('errors found despite failed probes give problems', () => {
    const d = run(failed('teredo'), failed('proxy'), code(0x57));
    expect(d.status).toBe('problems');
  });
  it('a role-independent cause is still found when the role is unknown', () => {
    const d = run(
      failed('daStatus'),
      patch('ipHttps', (d) => (d.configuration = null)),
      patch('services', (d) => (d.iphlpsvc = { exists: true, status: 'Stopped', startType: 'Manual' })),
    );
    expect(d.role).toBe('unknown');
    expect(errorIds(d)).toEqual(['ip-helper-stopped']);
  });
  it('a failed ipv6 probe does not matter while IP-HTTPS is active, but does when it fails', () => {
    expect(run(failed('ipv6')).status).toBe('healthy');
    expect(run(failed('ipv6'), code(0x643)).status).toBe('problems'); // interface-error still stands
  });
});

describe('role', () => {
  it('no policy and no ISATAP is a client without its policy', () => {
    const d = run(
      patch('daStatus', (d) => Object.assign(d, { policyApplied: false, ipHttpsClientUrl: null, ncaConfigured: false, connection: null })),
      patch('ipHttps', (d) => Object.assign(d, { state: null, configuration: null })),
    );
    expect(d.role).toBe('client');
    expect(get(d, 'da-not-configured').severity).toBe('error');
  });
  it('a raw snapshot without org validates through the builder', () => {
    expect(healthyRaw().org).toBeNull();
  });
});

describe('root-cause ordering: symptoms become evidence', () => {
  it('the deeper cause carries the symptom evidence, marked as such', () => {
    const d = run(
      patch('ipv6', (d) => (d.disabledComponents = 0xff)),
      code(0x643),
    );
    const f = get(d, 'ipv6-transition-disabled');
    expect(f.evidence.filter((e) => e.probe === 'ipHttps').length).toBeGreaterThan(0);
    expect(d.findings.some((x) => x.id === 'iphttps-interface-error')).toBe(false);
  });
  it('a stopped IP Helper hides the IP-HTTPS code and folds its evidence', () => {
    const d = run(
      patch('services', (d) => (d.iphlpsvc = { exists: true, status: 'Stopped', startType: 'Manual' })),
      code(0x800b0109),
      rootMissing,
    );
    expect(errorIds(d)).toEqual(['ip-helper-stopped']);
    expect(get(d, 'ip-helper-stopped').evidence.some((e) => e.note?.startsWith('symptom (iphttps-untrusted-root)'))).toBe(true);
  });
});
