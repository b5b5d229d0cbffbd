import { describe, expect, it } from 'vitest';
import { get, run } from '../../../test-support/assertions';
import { connection, patch } from '../../../test-support/snapshotBuilder';
import { TREE, walk } from '../../tree';
import { isPublicIpv4 } from './sixToFourInUse';

type SixToFour = { state?: string | null; policyState?: string | null; v4?: string[]; v6?: string[] };
const six = (o: SixToFour) =>
  patch('teredo', (d) => {
    const s = d.sixToFour!;
    if (o.state !== undefined) s.state = o.state;
    if (o.policyState !== undefined) s.policyState = o.policyState;
    if (o.v4) s.ipv4Addresses = o.v4.map((address) => ({ alias: 'Cellular', address }));
    if (o.v6) s.addresses = o.v6.map((address) => ({ alias: '6TO4 Adapter', address }));
  });
const build = (n: number) => patch('os', (d) => (d.build = n));
const ids = (d: ReturnType<typeof run>) => d.findings.map((f) => f.id);
const PUBLIC = ['198.51.100.37'];

describe('transition-6to4-in-use', () => {
  it('is a warning with the disable fix when 6to4 is Enabled and the client has a public IPv4 address', () => {
    const f = get(run(six({ state: 'Enabled', v4: PUBLIC })), 'transition-6to4-in-use');
    expect(f.severity).toBe('warning');
    expect(f.fixes).toEqual(['disable-6to4']);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'teredo', field: 'sixToFour.state', observed: 'Enabled' }));
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'teredo', field: 'sixToFour.ipv4Addresses', observed: PUBLIC }));
    expect(f.commands).toContain('Set-Net6to4Configuration -State Disabled');
    expect(f.plain).not.toMatch(/Set-Net6to4Configuration|netsh|protocol 41/);
  });
  it('reads Default by build (on before Windows 10 1607, off from it on), Group Policy over the local state, a 2002: address as on', () => {
    expect(ids(run(six({ state: 'Default', v4: PUBLIC })))).not.toContain('transition-6to4-in-use');
    expect(ids(run(build(10586), six({ state: 'Default', v4: PUBLIC })))).toContain('transition-6to4-in-use');
    expect(ids(run(six({ state: 'Default', v4: PUBLIC, v6: ['2002:c633:6425::c633:6425'] })))).toContain('transition-6to4-in-use');
    expect(ids(run(six({ state: 'Enabled', policyState: 'Disabled', v4: PUBLIC })))).not.toContain('transition-6to4-in-use');
    expect(ids(run(six({ state: 'Disabled', policyState: 'Enabled', v4: PUBLIC })))).toContain('transition-6to4-in-use');
  });
  it('is not given without evidence: private, carrier-NAT or link-local IPv4 only, inside, no DirectAccess policy, older snapshot', () => {
    expect(ids(run())).not.toContain('transition-6to4-in-use');
    for (const v4 of ['10.1.2.3', '172.20.0.5', '192.168.1.23', '100.64.7.1', '169.254.3.4']) {
      expect(ids(run(six({ state: 'Enabled', v4: [v4] })))).not.toContain('transition-6to4-in-use');
    }
    expect(ids(run(connection('ConnectedLocally'), six({ state: 'Enabled', v4: PUBLIC })))).not.toContain('transition-6to4-in-use');
    const noPolicy = patch('daStatus', (d) => Object.assign(d, { policyApplied: false, ncaConfigured: false, ipHttpsClientUrl: null }));
    const noUrl = patch('ipHttps', (d) => (d.configuration = null));
    expect(ids(run(noPolicy, noUrl, six({ state: 'Enabled', v4: PUBLIC })))).not.toContain('transition-6to4-in-use');
    const older = patch('teredo', (d) => delete d.sixToFour);
    expect(ids(run(older))).not.toContain('transition-6to4-in-use');
  });
  it('knows public IPv4 addresses', () => {
    expect(['198.51.100.37', '8.8.8.8', '100.128.0.1', '172.32.0.1'].map(isPublicIpv4)).toEqual([true, true, true, true]);
    expect(['10.0.0.1', '172.31.255.255', '192.168.0.1', '100.127.255.255', '169.254.1.1', '127.0.0.1', '224.0.0.1', 'x'].some(isPublicIpv4)).toBe(false);
  });
  it('guides to the disable fix', () => {
    const w = walk(TREE, { diagnosis: run(six({ state: 'Enabled', v4: PUBLIC })), answers: {}, fixResults: {} });
    expect(w.current.id).toBe('fix-disable-6to4');
  });
});
