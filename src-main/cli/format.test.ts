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
