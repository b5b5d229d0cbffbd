import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { auditRecord } from '../../test-support/auditRecord';
import { buildSnapshot } from '../../test-support/snapshotBuilder';
import { buildReport } from './report';
import { reportHtml } from './reportHtml';

describe('report', () => {
  it('escapes everything it shows and carries the whole bundle as JSON', () => {
    const snapshot = buildSnapshot();
    snapshot.machine = '<script>alert(1)</script>';
    const diagnosis = diagnose(snapshot);
    const html = reportHtml(buildReport({ snapshot, diagnosis, appVersion: '1.0.0' }));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // No scripts (the one JSON data block does not run), no external resources.
    expect(html.replace(/<script type="application\/json" id="da-doctor-report">[^<]*<\/script>/, '')).not.toMatch(/<script|<link|\s(src|href)=/i);
  });

  it('redacts the computer, its domain and the users everywhere, keeping server names', () => {
    const snapshot = buildSnapshot();
    const os = snapshot.sections.os.data!;
    const bundle = buildReport({
      snapshot,
      diagnosis: diagnose(snapshot),
      appVersion: '1.0.0',
      redact: true,
      audit: [auditRecord('a', { time: 't', user: 'alice.smith', machine: snapshot.machine, reason: '', undoData: null })],
    });
    const text = JSON.stringify(bundle);
    expect(text).not.toContain(os.computerName);
    expect(text.toLowerCase()).not.toContain(os.fqdn.toLowerCase());
    expect(text).not.toContain('alice.smith');
    expect(text).toContain('[computer]');
    expect(text).toContain('da.contoso.com');
    expect(bundle.redacted).toBe(true);
  });
});
