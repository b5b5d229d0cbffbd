import { describe, expect, it } from 'vitest';
import { TREE, walk } from '../../src-shared/tree';
import { diagnosis, finding } from '../../test-support/treeFixtures';
import { TREE as T } from '../../src-shared/tree';
import { fixText, readBase64 } from './fixes';
import { formatErrorCode, formatLocalTime, formatValue } from './format';
import { helpdeskLines, ticketSummary } from './ticket';
import type { FixRun } from '../store/fixSlice';
import { PROBE_STATUS_LABELS } from './labels';
import { reasonText, recordReasonText, resultReasonText } from '../../src-shared/reasonWords';
import { reason, REASON_CODES, reasonValueNames, type Reason } from '../../src-shared/reasons';

describe('labels', () => {
  it('a probe that answered was checked, not just "done"', () => {
    expect(PROBE_STATUS_LABELS.ok).toBe('Checked');
  });
});

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
    expect(t).toContain('Summary: Needs the IT department: iphttps-cert-expired.');
  });

  const run = (fix: FixRun['result']['fix'], over: Partial<FixRun['result']> = {}, undo?: FixRun['undo']): FixRun => ({
    id: 1,
    nodeId: 'n',
    params: {},
    result: {
      fix,
      outcome: 'applied',
      elevation: 'granted',
      verified: true,
      reason: reason('fix.verified', { detail: 'ok', reboot: 'no' }),
      before: null,
      after: null,
      rebootRequired: false,
      diagnosis: null,
      auditId: 'a1',
      ...over,
    },
    ...(undo ? { undo } : {}),
  });
  const opts = { locale: 'en-GB', timeZone: 'Europe/Berlin' };

  it('working: says so, with the collection time in local time and its zone, and who to call', () => {
    const d = diagnosis('client', []);
    const t = ticketSummary(d, walk(TREE, { diagnosis: d, answers: {}, fixResults: {} }), '0.1.0', [], {
      ...opts,
      helpdesk: { name: 'Contoso IT', email: 'it@contoso.example', phone: '+1 555 0100' },
    });
    expect(t).toContain('Result: Working — DirectAccess is working');
    expect(t).toContain('Summary: Working: the checks found no problem.');
    expect(t).toMatch(/Collected: 1 Jan 2025, 01:00:00 (CET|GMT\+1)/);
    expect(t).toContain('Helpdesk: Contoso IT\nEmail: it@contoso.example\nPhone: +1 555 0100');
    expect(t).not.toContain('incomplete');
    expect(t).not.toContain('snapshot of');
  });

  it('fixed: names the fixes made and verified; an undone fix is no longer "Fixed"', () => {
    const d = diagnosis('client', [finding('clock-skew')]);
    const w = walk(TREE, { diagnosis: d, answers: {}, fixResults: { 'resync-time': 'verified' } });
    const fixed = ticketSummary(d, w, '0.1.0', [run('resync-time')], opts);
    expect(fixed).toContain('Result: Fixed — Fixed');
    expect(fixed).toContain('Summary: Fixed: resync-time made and verified by the checks.');
    // The same walk with the run undone afterwards (a stale walk must not claim it either).
    const undone = ticketSummary(d, w, '0.1.0', [run('resync-time', {}, { status: 'done' })], opts);
    expect(undone).not.toContain('Result: Fixed');
    expect(undone).toContain('Result: Changed, then undone — no longer fixed');
    expect(undone).toContain('Undone: resync-time was made, then undone — the computer is as it was before.');
    const walked = walk(TREE, { diagnosis: d, answers: {}, fixResults: { 'resync-time': 'undone' } });
    expect(ticketSummary(d, walked, '0.1.0', [run('resync-time', {}, { status: 'done' })], opts)).toContain('Result: Needs your IT department');
  });

  it('declined: says the administrator prompt was declined and nothing changed', () => {
    const d = diagnosis('client', [finding('clock-skew')]);
    const w = walk(TREE, { diagnosis: d, answers: {}, fixResults: { 'resync-time': 'declined' } });
    const t = ticketSummary(d, w, '0.1.0', [run('resync-time', { outcome: 'cancelled', elevation: 'declined', verified: false })], opts);
    expect(t).toContain('Not changed: resync-time was declined at the administrator prompt — nothing changed.');
    expect(t).toContain('Result: Needs your IT department');
  });

  it('incomplete: names the probes that did not answer; a server that was not checked says so', () => {
    const d = { ...diagnosis('client', []), probes: { teredo: { status: 'error' as const, ms: 3 }, nrpt: { status: 'timedOut' as const, ms: 9 } } };
    const t = ticketSummary(d, walk(TREE, { diagnosis: d, answers: {}, fixResults: {} }), '0.1.0', [], opts);
    expect(t).toContain('This diagnosis is incomplete: Name lookup rules and Teredo tunnel did not answer (nrpt: timed out, teredo: failed).');
    expect(t).toContain('Result: Working (not everything could be checked)');
    const server = diagnosis('server', [], 'unknown');
    const s = ticketSummary(server, walk(TREE, { diagnosis: server, answers: {}, fixResults: {} }), '0.1.0', [], opts);
    expect(s).toContain('Result: Not fully checked — The server was not fully checked');
    expect(s).toMatch(/Summary: Not fully checked: .*IP-HTTPS certificate/);
  });

  it('an imported snapshot says whose results they are and that they were opened elsewhere', () => {
    const d = { ...diagnosis('client', []), machine: 'CLIENT01' };
    const t = ticketSummary(d, walk(TREE, { diagnosis: d, answers: {}, fixResults: {} }), '0.1.0', [], { ...opts, imported: true });
    expect(t).toContain('Results from a snapshot of CLIENT01, opened on another computer');
  });

  it('helpdeskLines: name, then email and phone when given; nothing without a helpdesk', () => {
    expect(helpdeskLines({ name: 'IT' })).toEqual(['Helpdesk: IT']);
    expect(helpdeskLines({ name: 'IT', phone: '1' })).toEqual(['Helpdesk: IT', 'Phone: 1']);
    expect(helpdeskLines(null)).toEqual([]);
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
