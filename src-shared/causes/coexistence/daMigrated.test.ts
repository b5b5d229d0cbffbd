import { describe, expect, it } from 'vitest';
import { get, run } from '../../../test-support/assertions';
import { data, failed, patch, type Mutator } from '../../../test-support/snapshotBuilder';
import { TREE, walk } from '../../tree';
import type { Snapshot } from '../../snapshot';

const ID = 'da-migrated';
const ids = (d: ReturnType<typeof run>) => d.findings.map((f) => f.id);
const at = (d: ReturnType<typeof run>) => walk(TREE, { diagnosis: d, answers: {}, fixResults: {} }).current.id;

/** No DirectAccess client policy and no DirectAccess NRPT rules: a machine that left DirectAccess cleanly. */
const noPolicy: Mutator = (s) => {
  Object.assign(data(s, 'daStatus'), { policyApplied: false, ipHttpsClientUrl: null, ncaConfigured: false, connection: null });
  Object.assign(data(s, 'ipHttps'), { state: null, configuration: null });
  data(s, 'nrpt').rules = [];
};
const deviceTunnel = (connected: boolean | null) =>
  patch(
    'coexistence',
    (d) =>
      (d.deviceTunnel = {
        profileName: 'Contoso Device Tunnel',
        phonebookPath: 'C:\\ProgramData\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk',
        connected,
      }),
  );
const userTunnel = patch(
  'coexistence',
  (d) => (d.userTunnel = { profileName: 'Contoso VPN', phonebookPath: null, connected: false, userSid: 'S-1-5-21-1-2-3-1104' }),
);
const gsa = patch(
  'coexistence',
  (d) =>
    (d.globalSecureAccess = { services: [{ name: 'GlobalSecureAccessTunnelingService', status: 'Running', startType: 'Automatic' }], installFolder: true }),
);

describe('da-migrated', () => {
  it('a device tunnel and no DirectAccess policy: info, replaces da-not-configured, no advice to join the DirectAccess group', () => {
    const d = run(noPolicy, deviceTunnel(false));
    expect(ids(d)).toEqual([ID]);
    const f = get(d, ID);
    expect(f.severity).toBe('info');
    expect(f.escalate).toBe(false);
    expect(f.variant).toBeUndefined();
    expect(f.title).toMatch(/Always On VPN instead of DirectAccess/);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'coexistence', field: 'deviceTunnel.profileName', observed: 'Contoso Device Tunnel' }));
    // da-not-configured's evidence folds in as a symptom; its advice does not.
    expect(f.evidence.some((e) => e.note?.startsWith('symptom (da-not-configured)'))).toBe(true);
    expect(JSON.stringify(d)).not.toMatch(/security group the DirectAccess client GPO/);
    expect(f.plain).not.toMatch(/DirectAccess group/);
  });
  it('not shown working: status unknown (never healthy), the path ends at "no longer uses DirectAccess", not an escalation', () => {
    const d = run(noPolicy, deviceTunnel(null));
    expect(d.status).toBe('unknown');
    expect(at(d)).toBe('migrated-elsewhere');
    expect(TREE.nodes['migrated-elsewhere']).toMatchObject({ kind: 'outcome', result: 'incomplete' });
  });
  it('a replacement tunnel shown connected: variant connected, healthy, the working outcome', () => {
    const d = run(noPolicy, deviceTunnel(true));
    expect(get(d, ID).variant).toBe('connected');
    expect(d.status).toBe('healthy');
    expect(at(d)).toBe('migrated-working');
  });
  it('the user tunnel or the Global Secure Access client count too; Entra Private Access is named', () => {
    expect(ids(run(noPolicy, userTunnel))).toEqual([ID]);
    const f = get(run(noPolicy, gsa), ID);
    expect(f.title).toMatch(/Microsoft Entra Private Access/);
    expect(f.variant).toBeUndefined(); // a running service does not show the tunnel up
    expect(
      ids(
        run(
          noPolicy,
          patch('coexistence', (d) => (d.globalSecureAccess.installFolder = true)),
        ),
      ),
    ).toEqual([ID]);
  });
  it('hides the DirectAccess checks da-not-configured explains (a stopped IP Helper is no DirectAccess problem here)', () => {
    const d = run(
      noPolicy,
      deviceTunnel(false),
      patch('services', (s) => (s.iphlpsvc = { exists: true, status: 'Stopped', startType: 'Disabled' })),
    );
    expect(ids(d)).toEqual([ID]);
  });
  it('is not given without its evidence', () => {
    // A DirectAccess client with a VPN beside it (coexistence during a migration) is still a DirectAccess client.
    expect(ids(run(deviceTunnel(true)))).not.toContain(ID);
    // No replacement: da-not-configured, with its advice.
    expect(ids(run(noPolicy))).toEqual(['da-not-configured']);
    // A person's own VPN profile that is not always-on is no migration.
    const ownVpn = patch(
      'coexistence',
      (d) => (d.vpnProfiles = [{ name: 'Home', allUsers: false, serverAddress: 'vpn.example.net', tunnelType: 'Automatic', connectionStatus: 'Connected' }]),
    );
    expect(ids(run(noPolicy, ownVpn))).toEqual(['da-not-configured']);
    // Older snapshot without the section.
    const older = (s: Snapshot) => void delete (s.sections as Partial<Snapshot['sections']>).coexistence;
    expect(ids(run(noPolicy, older))).toEqual(['da-not-configured']);
  });
  it('a failed coexistence probe: da-not-configured says its advice holds only if the machine was not moved', () => {
    const d = run(noPolicy, failed('coexistence'));
    expect(ids(d)).toEqual(['da-not-configured']);
    expect(get(d, 'da-not-configured').adminAction).toMatch(/^The check for Always On VPN or Entra Private Access could not run/);
    expect(get(run(noPolicy), 'da-not-configured').adminAction).toMatch(/^Add the computer account/);
  });
  it('names what could not be read', () => {
    const unread = patch('coexistence', (d) => (d.unread = ['Get-VpnConnection -AllUserConnection: Access is denied.']));
    const f = get(run(noPolicy, deviceTunnel(null), unread), ID);
    expect(f.technical).toMatch(/Not readable: Get-VpnConnection -AllUserConnection: Access is denied\./);
    expect(f.evidence).toContainEqual(expect.objectContaining({ field: 'unread' }));
  });
});
