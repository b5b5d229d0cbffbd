// "Save the report" hands main a page it can open again, and passes back where main saved it.
import { describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../src-shared/diagnose';
import { parseHandoffText } from '../../src-shared/handoffFile';
import type { FixRunResult } from '../../src-shared/ipc';
import type { Walk } from '../../src-shared/tree';
import { buildSnapshot } from '../../test-support/snapshotBuilder';
import { reportHtml } from '../../src-shared/report/reportHtml';
import { saveReport } from './report';

const snapshot = buildSnapshot();
const result = { snapshot, diagnosis: diagnose(snapshot) };
const walk = { path: [] } as unknown as Walk;

describe('saveReport', () => {
  it('sends the page and the machine to report:save and resolves with the saved path', async () => {
    const reportSave = vi.fn(async (_req: { html: string; machine: string }) => ({ ok: true as const, value: { path: 'C:\\Users\\a\\Downloads\\r.html' } }));
    const saved = await saveReport(result, walk, [] as FixRunResult[], '1.0.0', false, {
      bridge: { reportSave },
      render: reportHtml,
      outcome: { result: 'escalate', title: 'Needs your IT department' },
      helpdesk: { name: 'Contoso IT' },
    });
    expect(saved).toEqual({ ok: true, path: 'C:\\Users\\a\\Downloads\\r.html' });
    const req = reportSave.mock.calls[0]![0];
    expect(req.machine).toBe(snapshot.machine);
    expect(req.html).toContain('<h1>Needs your IT department</h1>');
    expect(req.html).toContain('Contoso IT');
    expect(parseHandoffText(req.html)).toMatchObject({ ok: true, source: { kind: 'report', redacted: false } });
  });

  it('names a redacted report "redacted", and passes main’s refusal on as one sentence', async () => {
    const reportSave = vi.fn(async (_req: { html: string; machine: string }) => ({
      ok: false as const,
      error: { code: 'badInput' as const, message: 'the report was not saved: ENOSPC' },
    }));
    const saved = await saveReport(result, walk, [], '1.0.0', true, { bridge: { reportSave }, render: reportHtml });
    expect(reportSave.mock.calls[0]![0].machine).toBe('redacted');
    expect(reportSave.mock.calls[0]![0].html).not.toContain(snapshot.machine);
    expect(saved).toEqual({ ok: false, message: 'the report was not saved: ENOSPC' });
  });
});
