// The texts of the causes whose evidence is a name that did not resolve say how the lookup ended (knowledge A.6/A.7).
import { describe, expect, it } from 'vitest';
import { get, run } from '../../test-support/assertions';
import { code, manageOut, patch } from '../../test-support/snapshotBuilder';
import type { DnsOutcome } from '../snapshot';

const lookup = (outcome: DnsOutcome, errorId: string | null) => ({ outcome, errorId, source: 'Resolve-DnsName' as const });
const serverLookup = (outcome: DnsOutcome, errorId: string | null) =>
  patch('reachability', (d) => Object.assign(d, { addresses: [], tcp: 'unresolved', lookup: lookup(outcome, errorId) }));
const unreachable = (outcome: DnsOutcome, errorId: string | null) => get(run(code(0x2afc), serverLookup(outcome, errorId)), 'iphttps-server-unreachable');

describe('iphttps-server-unreachable says how the lookup of the server name ended', () => {
  it('time-out: this network’s DNS did not answer, not the record', () => {
    const f = unreachable('timedOut', 'ERROR_TIMEOUT');
    expect(f.plain).toMatch(/the name servers of this network did not answer/);
    expect(f.technical).toMatch(/no DNS server answered in time \(ERROR_TIMEOUT\)/);
    expect(f.adminAction).toMatch(/timed out: this network's DNS did not answer/);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'reachability', field: 'lookup.outcome', observed: 'timedOut' }));
  });
  it('no such name (NXDOMAIN): the public record', () => {
    const f = unreachable('nameError', 'DNS_ERROR_RCODE_NAME_ERROR');
    expect(f.plain).toMatch(/does not exist for the name servers this network uses/);
    expect(f.technical).toMatch(/no such name \(NXDOMAIN, DNS_ERROR_RCODE_NAME_ERROR\)/);
    expect(f.adminAction).toMatch(/NXDOMAIN\): check the public record of da\.contoso\.com/);
  });
  it('no address record: publish the A record', () => {
    const f = unreachable('noRecords', null);
    expect(f.technical).toMatch(/the name exists but has no A\/AAAA record/);
    expect(f.adminAction).toMatch(/publish the A \(or AAAA\) record/);
  });
  it('an older snapshot (no lookup) keeps the old words', () => {
    const f = get(
      run(
        code(0x2afc),
        patch('reachability', (d) => Object.assign(d, { addresses: [], tcp: 'unresolved' })),
      ),
      'iphttps-server-unreachable',
    );
    expect(f.technical).toMatch(/Resolve da\.contoso\.com: no addresses/);
    expect(f.evidence.some((e) => e.field === 'lookup.outcome')).toBe(false);
  });
});

describe('isatap-router-unresolved says how the lookup of the router name ended', () => {
  const router = (outcome: DnsOutcome, errorId: string | null) =>
    patch('isatap', (d) => {
      d.router = { name: 'isatap-da.corp.contoso.com', addresses: [], lookup: lookup(outcome, errorId) };
      d.interfaces = [];
    });
  it('time-out: check the host reaches its DNS first', () => {
    const f = get(run(manageOut, router('timedOut', 'ERROR_TIMEOUT')), 'isatap-router-unresolved');
    expect(f.technical).toMatch(/does not resolve \(no DNS server answered in time \(ERROR_TIMEOUT\)\)/);
    expect(f.adminAction).toMatch(/timed out: check that this host reaches its internal DNS servers/);
    expect(f.evidence).toContainEqual(expect.objectContaining({ probe: 'isatap', field: 'router.lookup.outcome', observed: 'timedOut' }));
  });
  it('no such name: create the record', () => {
    const f = get(run(manageOut, router('nameError', 'DNS_ERROR_RCODE_NAME_ERROR')), 'isatap-router-unresolved');
    expect(f.technical).toMatch(/NXDOMAIN/);
    expect(f.adminAction).toMatch(/^Create a DNS A record isatap-da\.corp\.contoso\.com/);
  });
});
