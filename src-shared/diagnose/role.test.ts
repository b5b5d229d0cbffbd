import { describe, expect, it } from 'vitest';
import { run } from '../../test-support/assertions';
import { daServer, failed, manageOut, patch } from '../../test-support/snapshotBuilder';
import type { Mutator } from '../../test-support/snapshotBuilder';

// No IP-HTTPS configuration at all (the Server profile with its ServerURL gone too).
const noServerProfile = patch('ipHttps', (d) => Object.assign(d, { profiles: [], configuration: null }));
const raStatus = (daStatus: string): Mutator => patch('server', (d) => void (d.remoteAccess = d.remoteAccess && { ...d.remoteAccess, daStatus }));
const noDaBinding = patch('server', (d) => (d.bindings = d.bindings.map((b) => ({ ...b, appId: '00112233-4455-6677-8899-aabbccddeeff' }))));

describe('role: the DirectAccess server', () => {
  it('a server is a server by each piece of evidence on its own', () => {
    expect(run(daServer).role).toBe('server');
    // Get-RemoteAccess DAStatus Installed alone
    expect(run(daServer, noServerProfile, noDaBinding).role).toBe('server');
    // the IP-HTTPS Server profile alone (Get-RemoteAccess failed: it needs rights the app may not have)
    expect(
      run(
        daServer,
        patch('server', (d) => (d.remoteAccess = null)),
        noDaBinding,
      ).role,
    ).toBe('server');
    // the HTTP.SYS binding of DirectAccess' IP-HTTPS application alone
    expect(run(daServer, noServerProfile, raStatus('Uninstalled')).role).toBe('server');
  });
  it('a machine with the tools but DirectAccess not installed, no Server profile and no binding is not a server', () => {
    expect(run(daServer, noServerProfile, noDaBinding, raStatus('Uninstalled')).role).not.toBe('server');
  });
  it('a client is never a server: its IP-HTTPS profile is a Client one and the server section is not applicable', () => {
    const clientProfile = patch('ipHttps', (d) => {
      d.profiles = [
        {
          profile: null,
          serverUrl: 'https://da.contoso.com:443/IPHTTPS',
          profileActivated: true,
          type: 'Client',
          state: 'Default',
          policyStore: 'ActiveStore',
        },
      ];
    });
    expect(run().role).toBe('client');
    expect(run(clientProfile).role).toBe('client');
    expect(run(clientProfile, failed('server', 'notApplicable')).role).toBe('client');
  });
  it('a manage-out host is never a server', () => {
    expect(run(manageOut).role).toBe('manageOut');
    expect(run(manageOut, failed('server', 'notApplicable')).role).toBe('manageOut');
  });
  it('a server is never a client or a manage-out host, even with an ISATAP router set (it is the router)', () => {
    const isatapSet = patch('isatap', (d) => (d.configuration = { state: 'Enabled', router: 'isatap-da.corp.contoso.com', resolutionState: 'Default' }));
    expect(run(daServer, isatapSet).role).toBe('server');
  });
  it('without a client policy, a failed server probe leaves the role unknown rather than guessing', () => {
    const d = run(daServer, noServerProfile, failed('server'));
    expect(d.role).toBe('unknown');
    expect(d.status).toBe('unknown');
  });
  it('a client whose server probe failed is still a client (its policy says so)', () => {
    expect(run(failed('server')).role).toBe('client');
  });
});
