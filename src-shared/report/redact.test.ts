// Redaction walks values: a hostile or unlucky machine name never changes the report's structure.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { buildSnapshot, data } from '../../test-support/snapshotBuilder';
import { redactValue, sensitiveTokens } from './redact';
import { buildReport } from './report';

const SID = 'S-1-5-21-1111111111-2222222222-3333333333-1104';

/** A snapshot of a machine with this name, its logged-on user read from HKU\<SID>. */
function snapshotNamed(name: string) {
  const s = buildSnapshot();
  s.machine = name;
  const os = data(s, 'os');
  os.computerName = name;
  os.fqdn = `${name}.corp.contoso.com`;
  data(s, 'proxy').user = {
    readAs: 'consoleUser',
    keyPath: `HKU:\\${SID}\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`,
    account: 'CORP\\bob.jones',
    sid: SID,
    keyExists: true,
    proxyEnable: false,
    proxyServer: null,
    proxyOverride: null,
    autoConfigUrl: null,
    autoDetect: null,
    note: `read for bob.jones on ${name}`,
  };
  return s;
}

describe('redactValue', () => {
  it.each(['null', 'true', '"', '\\', 'constructor', '__proto__', 'a.b*c(d)+[e]$1', 'CLIENT01'])('a machine named %j keeps the report intact', (name) => {
    const snapshot = snapshotNamed(name);
    const diagnosis = diagnose(snapshot);
    const plain = buildReport({ snapshot, diagnosis, appVersion: '1.0.0' });
    const bundle = buildReport({ snapshot, diagnosis, appVersion: '1.0.0', redact: true });
    expect(bundle.redacted).toBe(true);
    expect(bundle.snapshot.machine).toBe('[computer]');
    expect(bundle.diagnosis.machine).toBe('[computer]');
    const os = bundle.snapshot.sections.os.data!;
    expect(os.computerName).toBe('[computer]');
    expect(os.fqdn).toBe('[computer-fqdn]');
    // Structure: nulls stay null, booleans stay booleans, nothing became a prototype.
    expect(os.domain).toBe('[domain]');
    expect(bundle.snapshot.sections.ipv6.data!.disabledComponents).toBeNull();
    expect(os.partOfDomain).toBe(true);
    expect(Object.getPrototypeOf(bundle.snapshot)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The proxy probe's user: account, bare name and SID, also inside the key path and the note.
    const user = bundle.snapshot.sections.proxy.data!.user!;
    expect(user.account).toBe('[user]');
    expect(user.sid).toBe('[user-sid]');
    expect(user.keyPath).toBe('HKU:\\[user-sid]\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings');
    expect(user.note).not.toContain('bob.jones');
    expect(user.proxyServer).toBeNull();
    // Parts with nothing sensitive in them are untouched, server names included.
    expect(bundle.snapshot.sections.ipHttps).toEqual(plain.snapshot.sections.ipHttps);
    expect(bundle.snapshot.sections.serverCertificate).toEqual(plain.snapshot.sections.serverCertificate);
    expect(JSON.stringify(bundle)).toContain('da.contoso.com');
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
  });

  it('replaces a long name inside text, case-insensitively, but not inside a longer word', () => {
    const tokens = sensitiveTokens({ machine: 'CLIENT01', fqdn: 'client01.corp.contoso.com' });
    expect(redactValue({ a: 'ping CLIENT01.corp.contoso.com from client01, not CLIENT012', n: null, t: true, k: 3 }, tokens)).toEqual({
      a: 'ping [computer-fqdn] from [computer], not CLIENT012',
      n: null,
      t: true,
      k: 3,
    });
  });

  it('replaces a short name only where it is the whole value, and never reads a placeholder as a pattern', () => {
    const tokens = sensitiveTokens({ machine: 'pc' });
    expect(redactValue(['pc', 'PC', 'a pc here', 'epic'], tokens)).toEqual(['[computer]', '[computer]', 'a pc here', 'epic']);
    expect(redactValue(['x $& y'], sensitiveTokens({ machine: '$&y' }))).toEqual(['x $& y']);
  });

  it('keeps a key named __proto__ as an own key, without touching prototypes', () => {
    const input = JSON.parse('{"__proto__":{"polluted":"CLIENT01"},"list":[{"constructor":"CLIENT01"}]}') as Record<string, unknown>;
    const out = redactValue(input, sensitiveTokens({ machine: 'CLIENT01' })) as Record<string, unknown>;
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":"[computer]"},"list":[{"constructor":"[computer]"}]}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
