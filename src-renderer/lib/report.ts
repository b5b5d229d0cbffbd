/**
 * "Save the report": the administrator's self-contained HTML page (src-shared/report), built in the page and handed to
 * main (`report:save`), which checks that it opens again, picks the folder (Downloads) and a fresh file name, and says
 * where it went. The same in Electron and in the harness, offline.
 */
import type { CollectResult, FixRunResult } from '../../src-shared/ipc';
import { buildReport, type ReportBundle, type ReportHelpdesk, type ReportOutcome, type ReportStep } from '../../src-shared/report/report';
import type { Walk } from '../../src-shared/tree';
import { getBridge, type Bridge } from '../bridge';

/** The report's guided path: every step that was shown, with the person's answers. */
export function reportPath(w: Walk): ReportStep[] {
  return w.path
    .filter((s) => s.status !== 'skipped')
    .map((s) => ({ id: s.node.id, title: s.node.title, ...(s.answer !== undefined ? { answer: String(s.answer) } : {}) }));
}

/** What the report says beyond the results: all optional. */
export interface SaveReportOptions {
  /** Where the guided path ended, after the fixes: the page's headline. */
  outcome?: ReportOutcome;
  /** The organisation's helpdesk ("Who to contact"). */
  helpdesk?: ReportHelpdesk;
  /** Set when the results were opened from a file: the computer they are about. */
  imported?: { machine: string };
  /** The bridge to main (tests stand in for it); default: this page's. */
  bridge?: Pick<Bridge, 'reportSave'>;
  /** When the report is made (tests fix it); default: now. */
  now?: Date;
  /** Turns the bundle into the page (tests without a DOM pass the static renderer); default: built in this page. */
  render?: (bundle: ReportBundle) => string;
}

/** Where the report went, or why it was not saved (one sentence, for the screen to show). */
export type SaveReportResult = { ok: true; path: string } | { ok: false; message: string };

/**
 * Builds the HTML and has main save it; resolves with the saved file's path. The page's elements are loaded only
 * now: the first screen does not need them.
 */
export async function saveReport(
  result: CollectResult,
  w: Walk,
  fixes: FixRunResult[],
  version: string,
  redact: boolean,
  options: SaveReportOptions = {},
): Promise<SaveReportResult> {
  const bridge = options.bridge ?? getBridge();
  if (!bridge.reportSave) return { ok: false, message: 'this version of the program cannot save reports' };
  const reportHtml = options.render ?? (await import('./reportInPage')).reportHtmlInPage;
  const bundle = buildReport({
    snapshot: result.snapshot,
    diagnosis: result.diagnosis,
    appVersion: version,
    path: reportPath(w),
    fixes,
    redact,
    createdAt: (options.now ?? new Date()).toISOString(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...(options.outcome ? { outcome: options.outcome } : {}),
    ...(options.helpdesk ? { helpdesk: options.helpdesk } : {}),
    ...(options.imported ? { imported: options.imported } : {}),
  });
  // The file name carries the machine's name only when the report does: a redacted one says "redacted".
  const saved = await bridge.reportSave({ html: reportHtml(bundle), machine: redact ? 'redacted' : result.diagnosis.machine });
  return saved.ok ? { ok: true, path: saved.value.path } : { ok: false, message: saved.error.message };
}
