/**
 * The report stage: one bundle (snapshot, findings, the path through the tree, fixes with their results, the audit
 * trail) as JSON, as a self-contained HTML page for the administrator (reportHtml.tsx), and as a short ticket summary.
 * Pure: the main process writes the files, the renderer offers the download.
 */
import type { Diagnosis } from '../finding';
import type { AuditRecord, FixRunResult } from '../ipc';
import type { Snapshot } from '../snapshot';
import { redactValue, sensitiveTokens } from './redact';

export const REPORT_SCHEMA = 'da-doctor/report@1';

/** One step of the guided path as the report shows it. */
export interface ReportStep {
  id: string;
  title: string;
  answer?: string;
}

export interface ReportInput {
  snapshot: Snapshot;
  diagnosis: Diagnosis;
  appVersion: string;
  path?: ReportStep[];
  fixes?: FixRunResult[];
  audit?: AuditRecord[];
  redact?: boolean;
  /** When the report was made (ISO); defaults to the diagnosis time so the output is reproducible. */
  createdAt?: string;
  /** Where the guided path ended, after the fixes (the page's headline); without it the diagnosis's status is. */
  outcome?: ReportOutcome;
  /** Who the person should contact (the organisation configuration's `helpdesk`). */
  helpdesk?: ReportHelpdesk;
  /** Set when the snapshot was opened from a file: the report is about that computer, not the one that made it. */
  imported?: { machine: string };
  /** The IANA time zone the page shows times in (the maker's); UTC when absent or unknown. */
  timeZone?: string;
}

/** The outcome of the guided path: its result code (the tree's) and its title in plain words. */
export interface ReportOutcome {
  result: string;
  title: string;
}

/** The helpdesk's contact details, as the organisation configured them. */
export interface ReportHelpdesk {
  name: string;
  email?: string;
  phone?: string;
}

/** The report's JSON: everything the HTML shows, machine-readable. */
export interface ReportBundle {
  schema: typeof REPORT_SCHEMA;
  createdAt: string;
  appVersion: string;
  redacted: boolean;
  snapshot: Snapshot;
  diagnosis: Diagnosis;
  path: ReportStep[];
  fixes: Omit<FixRunResult, 'diagnosis'>[];
  audit: AuditRecord[];
  outcome?: ReportOutcome;
  helpdesk?: ReportHelpdesk;
  imported?: { machine: string };
  timeZone?: string;
}

/** Builds the bundle, redacted when asked. */
export function buildReport(input: ReportInput): ReportBundle {
  const os = input.snapshot.sections.os.status === 'ok' ? input.snapshot.sections.os.data : null;
  const bundle: ReportBundle = {
    schema: REPORT_SCHEMA,
    createdAt: input.createdAt ?? input.diagnosis.collectedAt,
    appVersion: input.appVersion,
    redacted: Boolean(input.redact),
    snapshot: input.snapshot,
    diagnosis: input.diagnosis,
    path: input.path ?? [],
    fixes: (input.fixes ?? []).map(({ diagnosis: _d, ...rest }) => rest),
    audit: input.audit ?? [],
    ...(input.outcome ? { outcome: { result: input.outcome.result, title: input.outcome.title } } : {}),
    ...(input.helpdesk ? { helpdesk: pickHelpdesk(input.helpdesk) } : {}),
    ...(input.imported ? { imported: { machine: input.imported.machine } } : {}),
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
  };
  if (!input.redact) return bundle;
  const proxyUser = input.snapshot.sections.proxy.status === 'ok' ? input.snapshot.sections.proxy.data?.user : undefined;
  const tokens = sensitiveTokens({
    machine: input.snapshot.machine,
    computerName: os?.computerName,
    fqdn: os?.fqdn,
    domain: os?.domain,
    users: [...(input.audit ?? []).map((a) => a.user), proxyUser?.account],
    sids: [proxyUser?.sid],
  });
  return { ...redactValue(bundle, tokens), redacted: true };
}

/** Only the three fields, whatever else the caller's object carries. */
function pickHelpdesk(h: ReportHelpdesk): ReportHelpdesk {
  return { name: h.name, ...(h.email ? { email: h.email } : {}), ...(h.phone ? { phone: h.phone } : {}) };
}
