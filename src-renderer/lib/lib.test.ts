import { describe, expect, it } from 'vitest';
import { TREE, walk } from '../../src-shared/tree';
import { diagnosis, finding } from '../../test-support/treeFixtures';
import { TREE as T } from '../../src-shared/tree';
import { fixText, readBase64 } from './fixes';
import { formatErrorCode, formatLocalTime, formatValue } from './format';
import { ticketSummary } from './ticket';
import { reasonText, recordReasonText, resultReasonText } from '../../src-shared/reasonWords';
import { REASON_CODES, reasonValueNames, type Reason } from '../../src-shared/reasons';

describe('formatting', () => {
  it('names IP-HTTPS error codes as Windows prints them', () => {
    expect(formatErrorCode(2148204809)).toBe('0x800B0109 (CERT_E_UNTRUSTEDROOT)');
    expect(formatErrorCode(0x1234)).toBe('0x1234');
    expect(formatValue('state.lastErrorCode', 11001)).toBe('11001 = 0x2AF9 (WSAHOST_NOT_FOUND)');
    expect(formatValue('router', 'isatap')).toBe('isatap');
  });

  it('shows audit times as readable local date and time, and leaves text that is no time alone', () => {
    expect(formatLocalTime('2025-01-02T03:04:05.000Z', 'en-GB', 'UTC')).toBe('2 Jan 2025, 03:04:05');
    expect(formatLocalTime('2025-01-02T03:04:05.000Z', 'en-GB', 'Europe/Berlin')).toBe('2 Jan 2025, 04:04:05');
    expect(formatLocalTime('yesterday')).toBe('yesterday');
  });
});

describe('fix texts (renderer side)', () => {
  it('come from the catalogue for every client and manage-out fix of the tree, else from the node', () => {
    const server = ['enable-iphttps-preauth', 'disable-iphttps-preauth', 'reset-isatap-router'];
    for (const n of Object.values(T.nodes)) {
      if (n.kind !== 'fix') continue;
      for (const f of n.fixes) {
        const t = fixText(f, n);
        if (server.includes(f)) expect(t.title).toBeTruthy();
        else expect(t.whyAdmin, f).toBeTruthy();
      }
    }
    expect(fixText('set-ipv6-prefer-ipv4', { title: '', plain: '' }).rebootRequired).toBe(true);
  });

  it('reads a file as base64', async () => {
    expect(await readBase64(new Blob([new Uint8Array([0x30, 0x82, 0xff])]))).toBe('MIL/');
  });
});

describe('ticket summary', () => {
  it('leads with the cause, its administrator action and evidence, and the path', () => {
    const d = diagnosis('client', [finding('iphttps-cert-expired')]);
    const w = walk(TREE, { diagnosis: d, answers: {}, fixResults: {} });
    const t = ticketSummary(d, w, '0.1.0');
    expect(t).toContain('Root cause: iphttps-cert-expired [error]');
    expect(t).toContain('Administrator action: admin action for iphttps-cert-expired');
    expect(t).toContain('Evidence: ipHttps.state.lastErrorCode = 0 = 0x0 (no error)');
    expect(t).toMatch(/Path: role-server → .* → escalate-cert-expired$/);
  });
});

describe('the wizard words every reason code', () => {
  it.each(REASON_CODES)('%s: a refusal before running, a result after, an audit record', (code) => {
    const r = { code, values: Object.fromEntries(reasonValueNames(code).map((n) => [n, `v-${n}`])) } as Reason;
    for (const words of [reasonText(r), resultReasonText(r), recordReasonText(r)]) {
      expect(words.trim()).not.toBe('');
      expect(words).not.toMatch(/undefined|\[object/);
    }
  });
  it('shows an audit record written before reason codes as it was written', () => {
    expect(recordReasonText('Verified: an old record.')).toBe('Verified: an old record.');
  });
});
