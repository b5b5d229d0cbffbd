import { describe, expect, it } from 'vitest';
import { errorIds, get, run } from '../../../test-support/assertions';
import { connection, data, onCorpnet, patch, win7, type Mutator } from '../../../test-support/snapshotBuilder';
import { TREE, walk } from '../../tree';

const ID = 'nrpt-stale-on-lan';
const DNS64 = 'fd00:1234:5678:1::3333:1';
const at = (d: ReturnType<typeof run>) => walk(TREE, { diagnosis: d, answers: {}, fixResults: {} }).current.id;

/** No DirectAccess client policy any more; the effective NRPT as the mutators leave it. */
const noPolicy: Mutator = (s) => {
  Object.assign(data(s, 'daStatus'), { policyApplied: false, ipHttpsClientUrl: null, ncaConfigured: false, connection: null });
  Object.assign(data(s, 'ipHttps'), { state: null, configuration: null });
};
const noEffectiveDaRules = patch('nrpt', (d) => (d.rules = d.rules.filter((r) => r.directAccessDnsServers.length === 0)));
const policyRules = patch('nrpt', (d) => (d.policyRules = [{ key: 'DA-{1234}', namespaces: ['.corp.contoso.com'], directAccessDnsServers: [DNS64] }]));
const deviceTunnel = patch('coexistence', (d) => (d.deviceTunnel = { profileName: 'Contoso Device Tunnel', phonebookPath: null, connected: false }));

describe('nrpt-stale-on-lan, left DirectAccess', () => {
  it('DnsPolicyConfig still has DirectAccess DNS servers, moved to Always On VPN: error, escalate, the key may go because the machine left', () => {
    const d = run(noPolicy, noEffectiveDaRules, policyRules, deviceTunnel);
    expect(errorIds(d)).toEqual([ID]);
    const f = get(d, ID);
    expect(f.variant).toBe('left-directaccess');
    expect(f.escalate).toBe(true);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'nrpt', field: 'policyRules' }));
    expect(f.adminAction).toMatch(/^This computer left DirectAccess \(no DirectAccess client policy; it uses Always On VPN\)/);
    expect(f.adminAction).toMatch(/gpupdate \/force/);
    expect(f.adminAction).toMatch(/reg export "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\DNSClient\\DnsPolicyConfig"/);
    expect(f.commands).toContain('reg delete "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\DNSClient\\DnsPolicyConfig" /f');
    expect(f.plain).not.toMatch(/HKLM|DnsPolicyConfig|NRPT|gpupdate/);
    expect(at(d)).toBe('escalate-nrpt-stale');
  });
  it('no policy and nothing showing why: both causes, and the administrator is told to decide which case it is before deleting', () => {
    const d = run(noPolicy, noEffectiveDaRules, policyRules);
    expect(errorIds(d)).toEqual(['da-not-configured', ID]);
    const f = get(d, ID);
    expect(f.variant).toBe('no-policy');
    expect(f.adminAction).toMatch(/nothing here shows whether it left DirectAccess on purpose/);
    expect(f.adminAction).toMatch(/If it should still be a DirectAccess client, do not delete the key/);
    expect(f.commands.join(' ')).not.toMatch(/reg delete/);
    expect(at(d)).toBe('escalate-nrpt-stale');
  });
  it('the effective table alone is evidence too', () => {
    const f = get(run(noPolicy, deviceTunnel), ID);
    expect(f.evidence).toContainEqual(
      expect.objectContaining({ probe: 'nrpt', field: 'rules', observed: [{ namespace: '.corp.contoso.com', directAccessDnsServers: [DNS64] }] }),
    );
  });
  it('knowledge scenario 16: with an Always On VPN device tunnel, da-migrated and nrpt-stale-on-lan, the path ends at the escalation', () => {
    const d = run(noPolicy, policyRules, deviceTunnel);
    expect(d.findings.map((f) => f.id)).toEqual([ID, 'da-migrated']);
    expect(get(d, ID).plain).toMatch(/moved it to Always On VPN/);
    expect(at(d)).toBe('escalate-nrpt-stale');
  });
  it('a rule without DirectAccess DNS servers (an exemption) is no evidence', () => {
    const exemption = patch('nrpt', (d) => (d.policyRules = [{ key: 'DA-{nls}', namespaces: ['nls.corp.contoso.com'], directAccessDnsServers: [] }]));
    expect(errorIds(run(noPolicy, noEffectiveDaRules, exemption, deviceTunnel))).toEqual([]);
  });
});

describe('nrpt-stale-on-lan, inside', () => {
  it('Windows believes it is inside (ConnectedLocally) and the DirectAccess rules stay in effect: error, never advice to delete the key', () => {
    const d = run(connection('ConnectedLocally', 'None', true), onCorpnet());
    expect(errorIds(d)).toEqual([ID]);
    const f = get(d, ID);
    expect(f.variant).toBe('inside');
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'daStatus', field: 'connection.status', observed: 'ConnectedLocally' }));
    expect(f.adminAction).toMatch(/^This computer is still a DirectAccess client: do not delete/);
    expect(f.commands.join(' ')).not.toMatch(/reg delete/);
    expect(at(d)).toBe('escalate-nrpt-stale');
  });
  it('inside with the rules switched off, as Windows does: no finding, inside-corpnet', () => {
    const d = run(connection('ConnectedLocally'), onCorpnet());
    expect(d.findings.map((f) => f.id)).toEqual(['inside-corpnet']);
  });
  it('rules out H.4: a DirectAccess client that believes it is outside keeps its rules by design', () => {
    expect(errorIds(run())).toEqual([]);
    expect(errorIds(run(connection(null)))).toEqual([]);
  });
  it('Windows 7: inside with netsh’s note is switched off; inside without it is stale; an older snapshot that did not look says nothing', () => {
    const inside = patch('daStatus', (d) => (d.location = { value: 'inside-corpnet', source: 'netsh', raw: 'Inside corporate network' }));
    const note = (v: boolean) => patch('nrpt', (d) => (d.insideCorpnetNote = v));
    expect(errorIds(run(win7, inside, note(true), onCorpnet()))).toEqual([]);
    expect(get(run(win7, inside, note(false), onCorpnet()), ID).evidence).toContainEqual(
      expect.objectContaining({ field: 'insideCorpnetNote', observed: false }),
    );
    expect(errorIds(run(win7, inside, onCorpnet()))).toEqual([]);
  });
});
