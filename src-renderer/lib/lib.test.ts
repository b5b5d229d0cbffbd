import { describe, expect, it } from 'vitest';
import { TREE, walk } from '../../src-shared/tree';
import { diagnosis, finding } from '../../src-shared/tree/fixtures';
import { FIX_IDS } from '../../src-shared/ids';
import { FIX_INFO } from './fixes';
import { formatErrorCode, formatValue } from './format';
import { ticketSummary } from './ticket';

describe('formatting', () => {
  it('names IP-HTTPS error codes as Windows prints them', () => {
    expect(formatErrorCode(2148204809)).toBe('0x800B0109 (CERT_E_UNTRUSTEDROOT)');
    expect(formatErrorCode(0x1234)).toBe('0x1234');
    expect(formatValue('state.lastErrorCode', 11001)).toBe('11001 = 0x2AF9 (WSAHOST_NOT_FOUND)');
    expect(formatValue('router', 'isatap')).toBe('isatap');
  });
});

describe('fix catalogue (renderer side)', () => {
  it('names every fix id of the contract', () => {
    expect(Object.keys(FIX_INFO).sort()).toEqual([...FIX_IDS].sort());
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
