// The report page escapes by construction: hostile names, subjects and evidence stay text, never markup.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { auditRecord } from '../../test-support/auditRecord';
import { buildSnapshot, data, rootMissing } from '../../test-support/snapshotBuilder';
import { parseHandoffText } from '../handoffFile';
import { BUNDLE_OPEN_TAG } from './embed';
import { buildReport } from './report';
import { REPORT_CSP, reportHtml } from './reportHtml';

/** The page without its one JSON data block (which handoffFile.test.ts checks): what is left is markup we built. */
const withoutDataBlock = (html: string) => {
  expect(html.split(BUNDLE_OPEN_TAG)).toHaveLength(2);
  return html.replace(/<script type="application\/json" id="da-doctor-report">[^<]*<\/script>/, '');
};

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '</style><script>alert(4)</script>',
  '</pre></details><iframe src=//evil>',
];

/** How React writes text: the five characters that matter in HTML, as entities. */
const escaped = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!);

/** A report of an untrusted root whose subject, the machine, the evidence and the audit trail carry markup. */
function hostileReport(payload: string) {
  const snapshot = buildSnapshot(rootMissing);
  snapshot.machine = `PC${payload}`;
  for (const c of data(snapshot, 'serverCertificate').chain) {
    c.subject = c.subject.replace('Contoso Root CA', `Root ${payload}`);
    c.issuer = c.issuer.replace('Contoso Root CA', `Root ${payload}`);
  }
  const diagnosis = diagnose(snapshot);
  const f = diagnosis.findings[0]!;
  f.evidence.push({ probe: 'trustStores', field: `root${payload}`, observed: payload, expected: { subject: payload }, note: payload });
  f.commands.push(`Get-ChildItem ${payload}`);
  return reportHtml(
    buildReport({
      snapshot,
      diagnosis,
      appVersion: '1.0.0',
      path: [{ id: 'q', title: `Asked ${payload}`, answer: payload }],
      audit: [auditRecord('a', { time: 't', user: payload, reason: '', undoData: null })],
    }),
  );
}

describe('reportHtml', () => {
  it.each(PAYLOADS)('keeps %s as text everywhere it appears', (payload) => {
    const full = hostileReport(payload);
    expect(full).not.toContain(payload);
    const html = withoutDataBlock(full);
    expect(html).not.toMatch(/<(script|img|svg|iframe|link)\b/i);
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((t) => /\son\w+=|\ssrc=/i.test(t))).toEqual([]); // no handler or source attribute in any real tag
    // The page's own structure is intact: one style, one CSP, the data block closed where the page closes it.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html.match(/<meta http-equiv=/g)).toHaveLength(1);
    expect(full).toMatch(/<\/script><\/body><\/html>\n$/);
    expect(html).toContain(`CN=Root ${escaped(payload)} (thumbprint`); // the subject, as text, in the findings' words
    expect(html.endsWith('</body></html>\n')).toBe(true);
  });

  it('declares exactly this CSP: nothing loads or runs, only the inline style sheet applies', () => {
    const html = hostileReport('x');
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;"/>');
    expect(html.startsWith('<!doctype html>\n<html lang="en"><head><meta charSet="utf-8"/><meta http-equiv="Content-Security-Policy"')).toBe(true);
  });

  it('carries the whole bundle as JSON a reader can parse back from the page', () => {
    const html = hostileReport('</script><b>');
    const parsed = parseHandoffText(html);
    expect(parsed.ok && parsed.snapshot.machine).toBe('PC</script><b>');
  });
});
