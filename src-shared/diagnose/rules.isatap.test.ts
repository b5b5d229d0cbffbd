import { describe, expect, it } from 'vitest';
import { TREE, walk } from '../tree';
import { errorIds, get, run } from '../../test-support/assertions';
import { failed, manageOut, org, patch } from '../../test-support/snapshotBuilder';

describe('manage-out role', () => {
  it('a working targeted ISATAP host is healthy', () => {
    const d = run(manageOut);
    expect(d.role).toBe('manageOut');
    expect(d.status).toBe('healthy');
    expect(d.findings).toEqual([]);
  });
  it('no ISATAP interface and a failed isatap probe: unknown, not healthy', () => {
    const d = run(manageOut, org({ manageOutExpected: true }), failed('isatap'));
    expect(d.role).toBe('manageOut');
    expect(d.status).toBe('unknown');
  });
});

describe('isatap-default-state-no-interface', () => {
  const defaultState = patch('isatap', (d) => {
    d.configuration = { state: 'Default', router: 'isatap-da.corp.contoso.com', resolutionState: 'Default' };
    d.interfaces = [];
  });
  const build = (n: number, caption: string) => patch('os', (d) => Object.assign(d, { build: n, caption }));
  it('Server 2019, State Default, router resolves, no interface', () => {
    const d = run(manageOut, defaultState, build(17763, 'Microsoft Windows Server 2019 Standard'), org({ manageOutHosts: ['MGMT-01'] }));
    expect(errorIds(d)).toEqual(['isatap-default-state-no-interface']);
    expect(get(d, 'isatap-default-state-no-interface').fixes).toEqual(['enable-isatap']);
    const unlisted = run(manageOut, defaultState, build(17763, 'Microsoft Windows Server 2019 Standard'));
    expect(get(unlisted, 'isatap-default-state-no-interface').fixes).toEqual([]);
    expect(walk(TREE, { diagnosis: unlisted, answers: {}, fixResults: {} }).current.id).toBe('escalate-isatap');
  });
  it('Windows 10 1703 (build 15063) is the first build where Default means no interface', () => {
    expect(errorIds(run(manageOut, defaultState, build(15063, 'Microsoft Windows 10 Enterprise')))).toEqual(['isatap-default-state-no-interface']);
    expect(errorIds(run(manageOut, defaultState, build(15062, 'Microsoft Windows 10 Enterprise')))).toEqual([]);
  });
  it('Server 2016 (1607, build 14393): Default still means enabled, so it is not the cause', () => {
    const d = run(manageOut, defaultState, build(14393, 'Microsoft Windows Server 2016 Standard'));
    expect(errorIds(d)).toEqual([]);
    expect(d.status).toBe('unknown');
  });
  it('does not fire before build 14393', () => {
    const old = patch('os', (d) => Object.assign(d, { build: 9600, caption: 'Microsoft Windows Server 2012 R2 Standard' }));
    expect(errorIds(run(manageOut, defaultState, old)).includes('isatap-default-state-no-interface')).toBe(false);
  });
});

describe('isatap-router-unresolved', () => {
  const blocked = patch('isatap', (d) => {
    d.configuration = { state: 'Enabled', router: 'isatap', resolutionState: 'Default' };
    d.router = { name: 'isatap', addresses: [] };
    d.interfaces = [];
  });
  it('generic name blocked, organisation names a targeted router: set-isatap-router', () => {
    const d = run(manageOut, blocked, org({ isatapRouter: 'isatap-da.corp.contoso.com' }));
    expect(errorIds(d)).toEqual(['isatap-router-unresolved']);
    const f = get(d, 'isatap-router-unresolved');
    expect(f.fixes).toEqual(['set-isatap-router']);
    expect(f.escalate).toBe(false);
    expect(f.technical).toMatch(/global query block list/);
  });
  it('without an organisation router: escalate', () => {
    const f = get(run(manageOut, blocked), 'isatap-router-unresolved');
    expect(f.fixes).toEqual([]);
    expect(f.escalate).toBe(true);
  });
  it('when the organisation router is the same name: escalate', () => {
    const d = run(manageOut, blocked, org({ isatapRouter: 'ISATAP' }));
    expect(get(d, 'isatap-router-unresolved').escalate).toBe(true);
  });
  it('explains the missing interface under State Default', () => {
    const dflt = patch('isatap', (d) => (d.configuration!.state = 'Default'));
    expect(errorIds(run(manageOut, blocked, dflt))).toEqual(['isatap-router-unresolved']);
  });
  it('an IPv4 router needs no resolution', () => {
    const ip = patch('isatap', (d) => Object.assign(d, { configuration: { state: 'Enabled', router: '10.0.0.5', resolutionState: 'Default' }, router: null }));
    expect(errorIds(run(manageOut, ip))).toEqual([]);
  });
});

describe('isatap-not-configured', () => {
  it('an expected manage-out host with no router: enable-isatap only where the organisation lists this host', () => {
    const none = patch('isatap', (d) =>
      Object.assign(d, { configuration: { state: 'Default', router: null, resolutionState: 'Default' }, router: null, interfaces: [] }),
    );
    const listed = run(manageOut, none, org({ manageOutExpected: true, isatapRouter: 'isatap-da.corp.contoso.com', manageOutHosts: ['MGMT-*'] }));
    expect(listed.role).toBe('manageOut');
    expect(errorIds(listed)).toEqual(['isatap-not-configured']);
    expect(get(listed, 'isatap-not-configured').fixes).toEqual(['enable-isatap']);
    expect(walk(TREE, { diagnosis: listed, answers: {}, fixResults: {} }).current.id).toBe('fix-isatap-enable-notconf');
    // Manage-out hosts are expected, but this one is not listed: turning ISATAP on here would deploy it globally.
    const unlisted = run(manageOut, none, org({ manageOutExpected: true, isatapRouter: 'isatap-da.corp.contoso.com', manageOutHosts: ['ADMIN-*'] }));
    expect(get(unlisted, 'isatap-not-configured').fixes).toEqual([]);
    expect(get(unlisted, 'isatap-not-configured').escalate).toBe(true);
    expect(walk(TREE, { diagnosis: unlisted, answers: {}, fixResults: {} }).current.id).toBe('escalate-isatap');
  });
  it('matches listed hosts by name or FQDN, case-insensitively, with * wildcards and no partial matches', () => {
    const none = patch('isatap', (d) =>
      Object.assign(d, { configuration: { state: 'Default', router: null, resolutionState: 'Default' }, router: null, interfaces: [] }),
    );
    const offered = (hosts: string[]) => get(run(manageOut, none, org({ manageOutExpected: true, manageOutHosts: hosts })), 'isatap-not-configured').fixes;
    expect(offered(['mgmt-01'])).toEqual(['enable-isatap']);
    expect(offered(['MGMT-01.corp.contoso.com'])).toEqual(['enable-isatap']);
    expect(offered(['*.corp.contoso.com'])).toEqual(['enable-isatap']);
    expect(offered(['MGMT'])).toEqual([]);
    expect(offered(['MGMT-0'])).toEqual([]);
    expect(offered(['MGMTX01'])).toEqual([]);
    expect(offered([])).toEqual([]);
  });
  it('State Disabled with a router', () => {
    const disabled = patch('isatap', (d) =>
      Object.assign(d, { configuration: { state: 'Disabled', router: 'isatap-da.corp.contoso.com', resolutionState: 'Default' }, interfaces: [] }),
    );
    expect(errorIds(run(manageOut, disabled))).toEqual(['isatap-not-configured']);
  });
});

describe('isatap-no-global-address', () => {
  it('interface up with only a link-local address: escalate to the server', () => {
    const linkLocal = patch('isatap', (d) => (d.interfaces = [{ alias: 'isatap.{X}', addresses: ['fe80::5efe:10.0.1.20'] }]));
    const d = run(manageOut, linkLocal);
    expect(errorIds(d)).toEqual(['isatap-no-global-address']);
    expect(get(d, 'isatap-no-global-address').escalate).toBe(true);
  });
});

describe('ISATAP warnings', () => {
  it('the generic name resolving is a global deployment warning (not an error)', () => {
    const d = run(
      manageOut,
      patch('isatap', (d) => (d.genericName = { name: 'isatap', addresses: ['10.0.0.5'] })),
    );
    expect(errorIds(d)).toEqual([]);
    expect(get(d, 'isatap-global-deployment').severity).toBe('warning');
    expect(d.status).toBe('healthy');
  });
  it('a router name with several IPv4 addresses is an unsupported topology warning', () => {
    const d = run(
      manageOut,
      patch('isatap', (d) => (d.router = { name: 'isatap-da.corp.contoso.com', addresses: ['10.0.0.5', '10.0.0.6', '10.0.0.7'] })),
    );
    expect(get(d, 'isatap-unsupported-topology').severity).toBe('warning');
    expect(errorIds(d)).toEqual([]);
  });
  it('no ISATAP findings on a healthy DirectAccess client', () => {
    expect(run().findings).toEqual([]);
  });
});

describe('shared machine causes on a manage-out host', () => {
  it('a stopped IP Helper explains the missing ISATAP interface', () => {
    const d = run(
      manageOut,
      patch('services', (d) => (d.iphlpsvc = { exists: true, status: 'Stopped', startType: 'Manual' })),
      patch('isatap', (d) =>
        Object.assign(d, { configuration: { state: 'Default', router: 'isatap-da.corp.contoso.com', resolutionState: 'Default' }, interfaces: [] }),
      ),
    );
    expect(errorIds(d)).toEqual(['ip-helper-stopped']);
  });
});
