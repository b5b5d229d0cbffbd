import { describe, expect, it } from 'vitest';
import { get, run } from '../../../test-support/assertions';
import { connection, patch } from '../../../test-support/snapshotBuilder';
import { TREE, walk } from '../../tree';
import type { Snapshot } from '../../snapshot';

const ID = 'firewall-disabled';
const profile = (key: 'domain' | 'private' | 'public', local: boolean | null, policy: boolean | null) =>
  patch('firewall', (d) => (d[key] = { enabled: policy ?? local ?? true, local, policy }));
const mps = (status: string, startType: string) => patch('services', (d) => (d['MpsSvc'] = { exists: true, status, startType }));
const ids = (d: ReturnType<typeof run>) => d.findings.map((f) => f.id);

describe('firewall-disabled', () => {
  it('both profiles off by Group Policy: the active one is off whichever it is — error, escalate, the policy named, no fix', () => {
    const f = get(run(profile('public', true, false), profile('private', true, false)), ID);
    expect(f.severity).toBe('error');
    expect(f.variant).toBe('profile-off');
    expect(f.escalate).toBe(true);
    expect(f.fixes).toEqual([]);
    expect(f.evidence).toContainEqual({ probe: 'firewall', field: 'public.enabled', observed: false, expected: true, note: 'Public profile' });
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'firewall', field: 'public.policy', observed: false }));
    expect(f.commands).toContain('Get-NetFirewallProfile | Select Name, Enabled');
    expect(f.adminAction).toMatch(/Group Policy switches the Private and Public profiles/);
    expect(f.adminAction).toMatch(/Firewall state to On/);
    expect(f.plain).not.toMatch(/MpsSvc|EnableFirewall|Get-Net|HKLM|GPO/);
  });
  it('one profile off: a warning, since which profile is active is not known (the contract’s fault is the active one)', () => {
    const f = get(run(profile('public', true, false)), ID);
    expect(f.severity).toBe('warning');
    expect(f.escalate).toBe(true);
    expect(f.plain).toMatch(/not known/);
  });
  it('a profile off locally: escalate with the local switch as evidence and the command to turn it on', () => {
    const f = get(run(profile('private', false, null)), ID);
    expect(f.variant).toBe('profile-off');
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'firewall', field: 'private.local', observed: false }));
    expect(f.adminAction).toMatch(/Set-NetFirewallProfile -Profile Private -Enabled True/);
  });
  it('only the firewall service stopped or disabled: the start fix, the service state as evidence', () => {
    for (const [status, startType] of [
      ['Stopped', 'Disabled'],
      ['Stopped', 'Automatic'],
    ] as const) {
      const f = get(run(mps(status, startType)), ID);
      expect(f.variant).toBe('service-stopped');
      expect(f.escalate).toBe(false);
      expect(f.fixes).toEqual(['start-ipsec-services']);
      expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'services', field: 'MpsSvc.startType', observed: startType }));
      expect(f.plain).not.toMatch(/MpsSvc/);
    }
  });
  it('is not given without evidence: everything on, only the Domain profile off, older snapshot, no DirectAccess policy', () => {
    expect(ids(run())).not.toContain(ID);
    expect(ids(run(profile('domain', false, false)))).not.toContain(ID);
    const older = patch('services', (d) => delete d['MpsSvc']);
    const noSection = (s: Snapshot) => void delete (s.sections as Partial<Snapshot['sections']>).firewall; // parses: the schema's default
    expect(ids(run(older, noSection))).not.toContain(ID);
    const noPolicy = patch('daStatus', (d) => Object.assign(d, { policyApplied: false, ncaConfigured: false, ipHttpsClientUrl: null }));
    const noUrl = patch('ipHttps', (d) => (d.configuration = null));
    expect(ids(run(noPolicy, noUrl, profile('public', false, false)))).not.toContain(ID);
  });
  it('is given inside the office too: the rules are needed when the laptop leaves', () => {
    expect(ids(run(connection('ConnectedLocally'), profile('public', true, false)))).toContain(ID);
  });
  it('guides to the escalation for a profile off, to the start fix for the service', () => {
    const at = (d: ReturnType<typeof run>) => walk(TREE, { diagnosis: d, answers: {}, fixResults: {} }).current.id;
    expect(at(run(profile('public', true, false)))).toBe('escalate-firewall-disabled');
    expect(at(run(mps('Stopped', 'Disabled')))).toBe('fix-start-firewall-service');
  });
});
