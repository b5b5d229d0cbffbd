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
