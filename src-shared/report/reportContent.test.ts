// What the page says beyond the findings: the headline after the fixes, whom to contact, another computer's results,
// times with their zone, a declined fix, checks that did not answer, and a page that fits the window and A4 paper.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import type { FixRunResult } from '../ipc';
import { buildSnapshot, failed } from '../../test-support/snapshotBuilder';
import { CANCELLED_MESSAGE } from '../incomplete';
import type { Snapshot } from '../snapshot';
import { buildReport, type ReportInput } from './report';
import { reportHtml } from './reportHtml';
import { localTime } from './reportWords';

function page(extra: Partial<ReportInput> = {}, ...mutators: Parameters<typeof buildSnapshot>): string {
  const snapshot = buildSnapshot(...mutators);
  return reportHtml(buildReport({ snapshot, diagnosis: diagnose(snapshot), appVersion: '1.0.0', createdAt: '2026-12-01T16:05:00.000Z', ...extra }));
}
const h1 = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];

const declined: FixRunResult = {
  fix: 'start-ip-helper',
  outcome: 'cancelled',
  elevation: 'declined',
  verified: false,
  reason: { code: 'cancelled.uacDeclined', values: {} },
  before: 'Stopped',
  after: null,
  rebootRequired: false,
  diagnosis: null,
  auditId: null,
};

describe('the report page', () => {
  it('headlines the outcome after the fixes, and the diagnosis when there is none', () => {
    expect(h1(page({ outcome: { result: 'escalate', title: 'Needs your IT department' } }))).toBe('Needs your IT department');
    expect(h1(page())).toBe('DirectAccess works');
  });

  it('says whom to contact, as text', () => {
    const html = page({ helpdesk: { name: 'Contoso IT', email: 'it@contoso.com', phone: '+44 20 7946 0000' } });
    expect(html).toContain('<h2>Who to contact</h2>');
    expect(html).toContain('<strong>Contoso IT</strong> · phone <code>+44 20 7946 0000</code> · email <code>it@contoso.com</code>');
    expect(html).not.toMatch(/href=/);
    expect(page()).not.toContain('Who to contact');
  });

  it('says when the results are another computer’s', () => {
    expect(page({ imported: { machine: 'CLIENT01' } })).toContain('This report is about another computer, <strong>CLIENT01</strong>');
    expect(page()).not.toContain('class="banner imported"');
  });

  it('shows times as local time with the zone, keeping the exact value', () => {
    const html = page({ timeZone: 'Europe/Berlin' });
    expect(html).toContain('<time dateTime="2026-12-01T16:05:00.000Z">1 Dec 2026, 17:05 CET</time>');
    expect(page()).toContain('<time dateTime="2026-12-01T16:05:00.000Z">1 Dec 2026, 16:05 UTC</time>');
    expect(localTime('2026-07-01T16:05:00.000Z', 'America/New_York')).toBe('1 Jul 2026, 12:05 GMT-4');
    expect(localTime('2026-12-01T16:05:00.000Z', 'Not/AZone')).toBe('1 Dec 2026, 16:05 UTC');
    expect(localTime('yesterday', 'Europe/Berlin')).toBe('yesterday');
  });

  it('states a fix declined at the administrator prompt as declined, with nothing changed', () => {
    expect(page({ fixes: [declined] })).toContain('Declined at the administrator prompt — nothing changed');
    expect(page({ fixes: [{ ...declined, outcome: 'applied', elevation: 'granted', verified: true }] })).toContain('Applied and verified');
  });

  it('says the diagnosis is incomplete, naming the checks that did not answer in plain words', () => {
    const html = page({}, failed('proxy', 'timedOut'), failed('clock', 'error'));
    expect(html).toContain('<p class="banner incomplete">This diagnosis is incomplete: Proxy settings and the computer clock did not answer.</p>');
    expect(page({}, failed('teredo', 'notApplicable'))).not.toContain('class="banner incomplete"');
  });

  it('says which checks the person stopped, apart from those that did not answer on their own', () => {
    const stopped = (name: 'nrpt' | 'clock') => (s: Snapshot) => {
      s.sections[name] = { status: 'timedOut', ms: 0, message: CANCELLED_MESSAGE, data: null };
    };
    expect(page({}, failed('proxy', 'timedOut'), stopped('nrpt'), stopped('clock'))).toContain(
      'This diagnosis is incomplete: Proxy settings did not answer; the checks were stopped before Name lookup rules and the computer clock answered.',
    );
    expect(page({}, stopped('clock'))).toContain('This diagnosis is incomplete: the checks were stopped before the computer clock answered.');
  });

  it('fits the window and prints on A4 without anything running off the page', () => {
    const html = page();
    expect(html).toContain('@page{size:A4;margin:15mm}');
    expect(html).toMatch(/max-width:60rem/);
    expect(html).toMatch(/code,pre\{[^}]*overflow-wrap:anywhere/);
    expect(html).toMatch(/pre\{[^}]*white-space:pre-wrap/);
    expect(html).toMatch(/@media print\{body\{max-width:none[^}]*\}\.wide\{overflow:visible\}/);
    expect(html).not.toMatch(/(body|td|th|table)\{[^}]*overflow-wrap/); // only code and values wrap anywhere
  });
});
