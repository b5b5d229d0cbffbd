// The CLI's text for people names evidence as Windows names it (src-shared/evidenceSource.ts), not by snapshot path.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src-shared/diagnose';
import { buildSnapshot, rootMissing } from '../../test-support/snapshotBuilder';
import { formatDiagnosis } from './format';

describe('formatDiagnosis: evidence lines', () => {
  it('print the command and property a technician runs, the value seen and the value expected', () => {
    const text = formatDiagnosis(diagnose(buildSnapshot(rootMissing)));
    expect(text).toMatch(/^ {8}seen: Get-NetIPHttpsState · LastErrorCode = 0x0 \(expected 0x0\)$/m);
    expect(text).toMatch(/^ {8}seen: Get-ChildItem Cert:\\LocalMachine\\Root = /m);
    expect(text).not.toContain('ipHttps.state.lastErrorCode');
  });
});

describe('formatDiagnosis: the first line', () => {
  const base = diagnose(buildSnapshot(rootMissing));
  const as = (severity: 'warning' | 'info') => ({ ...base, status: 'healthy' as const, findings: base.findings.map((f) => ({ ...f, severity })) });

  it('says a working connection with a warning works and has advice, not that it looks healthy', () => {
    const first = formatDiagnosis(as('warning')).split('\n')[0];
    expect(first).toContain('DirectAccess works; read the advice below.');
    expect(first).not.toContain('healthy');
  });

  it('says healthy when nothing but information is found', () => {
    expect(formatDiagnosis(as('info')).split('\n')[0]).toContain('DirectAccess looks healthy.');
  });
});
