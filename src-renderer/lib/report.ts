/**
 * "Save the report": the administrator's self-contained HTML page (src-shared/report), built in the page and saved
 * through the browser's download, so it works the same in Electron and in the harness, offline.
 */
import type { CollectResult, FixRunResult } from '../../src-shared/ipc';
import { buildReport, type ReportStep } from '../../src-shared/report/report';
import type { Walk } from '../../src-shared/tree';

/** The report's guided path: every step that was shown, with the person's answers. */
export function reportPath(w: Walk): ReportStep[] {
  return w.path
    .filter((s) => s.status !== 'skipped')
    .map((s) => ({ id: s.node.id, title: s.node.title, ...(s.answer !== undefined ? { answer: String(s.answer) } : {}) }));
}

/** The file name: machine and date, nothing a file system would refuse. */
export function reportFileName(machine: string, at: string): string {
  return `directaccess-report-${machine.replace(/[^A-Za-z0-9-]+/g, '_')}-${at.slice(0, 10)}.html`;
}

/**
 * Builds the HTML and hands it to the browser as a download. The renderer of the page (react-dom/server) is loaded
 * only now: it is most of the bundle's weight and the first screen does not need it.
 */
export async function saveReport(result: CollectResult, w: Walk, fixes: FixRunResult[], version: string, redact: boolean): Promise<void> {
  const { reportHtml } = await import('../../src-shared/report/reportHtml');
  const bundle = buildReport({
    snapshot: result.snapshot,
    diagnosis: result.diagnosis,
    appVersion: version,
    path: reportPath(w),
    fixes,
    redact,
    createdAt: new Date().toISOString(),
  });
  const url = URL.createObjectURL(new Blob([reportHtml(bundle)], { type: 'text/html' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = reportFileName(redact ? 'redacted' : result.diagnosis.machine, bundle.createdAt);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
