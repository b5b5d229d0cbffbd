/**
 * The report stage: one bundle (snapshot, findings, the path through the tree, fixes with their results, the audit
 * trail) as JSON, as a self-contained HTML page for the administrator, and as a short ticket summary. Pure: the main
 * process writes the files, the renderer offers the download.
 */
import type { Diagnosis, Finding } from '../finding';
import type { AuditRecord, FixRunResult } from '../ipc';
import { resultReasonText } from '../reasonWords';
import { worksUntilReconnect } from '../diagnose';
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

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function findingHtml(f: Finding): string {
  const rows = f.evidence
    .map(
      (e) =>
        `<tr><td>${esc(e.probe)}.${esc(e.field)}</td><td><code>${esc(show(e.observed))}</code></td><td>${e.expected === undefined ? '' : `<code>${esc(show(e.expected))}</code>`}</td><td>${esc(e.note)}</td></tr>`,
    )
    .join('');
  return `<section class="finding ${esc(f.severity)}">
<h3>${esc(f.title)} <small>${esc(f.id)}${f.variant ? ` (${esc(f.variant)})` : ''} · ${esc(f.severity)}</small></h3>
<p>${esc(f.plain)}</p>
<p class="tech">${esc(f.technical)}</p>
${f.adminAction ? `<p class="admin"><strong>Administrator action:</strong> ${esc(f.adminAction)}</p>` : ''}
${f.fixes.length ? `<p><strong>Client fixes:</strong> ${f.fixes.map(esc).join(', ')}</p>` : ''}
<table><thead><tr><th>Evidence</th><th>Observed</th><th>Expected</th><th>Note</th></tr></thead><tbody>${rows}</tbody></table>
${f.commands.length ? `<p><strong>Check it yourself:</strong></p><pre>${f.commands.map(esc).join('\n')}</pre>` : ''}
</section>`;
}

/** The self-contained HTML page: no scripts, no external resources. */
export function reportHtml(bundle: ReportBundle): string {
  const d = bundle.diagnosis;
  const verdict = worksUntilReconnect(d)
    ? 'DirectAccess works now, but will stop at the next reconnect or restart'
    : { healthy: 'DirectAccess works', problems: 'Problems found', unknown: 'Could not tell: some checks did not answer' }[d.status];
  const probes = Object.entries(d.probes)
    .map(([name, p]) => `<tr><td>${esc(name)}</td><td>${esc(p.status)}</td><td>${esc(p.ms)} ms</td><td>${esc(p.message)}</td></tr>`)
    .join('');
  const fixes = bundle.fixes
    .map(
      (f) =>
        `<tr><td>${esc(f.fix)}</td><td>${esc(f.outcome)}</td><td>${esc(f.elevation)}</td><td>${f.verified ? 'yes' : 'no'}</td><td>${esc(f.before)}</td><td>${esc(f.after)}</td><td>${esc(resultReasonText(f.reason))}</td></tr>`,
    )
    .join('');
  const audit = bundle.audit
    .map(
      (a) =>
        `<tr><td>${esc(a.time)}</td><td>${esc(a.user)}</td><td>${esc(a.kind)} ${esc(a.fix)}</td><td>${esc(a.outcome)}</td><td>${esc(a.elevation)}</td><td>${a.verified ? 'verified' : 'not verified'}</td></tr>`,
    )
    .join('');
  const path = bundle.path.map((s) => `<li>${esc(s.title)}${s.answer ? ` — <em>${esc(s.answer)}</em>` : ''}</li>`).join('');
  const json = esc(JSON.stringify(bundle));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>DirectAccess Doctor report — ${esc(d.machine)}</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#242424;line-height:1.45;padding:0 1rem}
h1{font-weight:600}small{color:#616161;font-weight:400}code,pre{font-family:Consolas,monospace;font-size:.9em}
pre{background:#f5f5f5;padding:.5rem;overflow:auto}table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border:1px solid #d1d1d1;padding:.25rem .5rem;text-align:left;vertical-align:top}
.finding{border-left:4px solid #616161;padding-left:1rem;margin:1.5rem 0}.finding.error{border-color:#c50f1f}
.finding.warning{border-color:#bc4b09}.finding.info{border-color:#0f6cbd}.admin{background:#fdf6f3;padding:.5rem}
.tech{color:#424242}
</style></head><body>
<h1>DirectAccess Doctor report</h1>
<p><strong>${esc(verdict)}</strong> on <strong>${esc(d.machine)}</strong> (role: ${esc(d.role)}), checked ${esc(d.collectedAt)}.
Report made ${esc(bundle.createdAt)} by DirectAccess Doctor ${esc(bundle.appVersion)}${bundle.redacted ? '; names of this computer, its domain and its users are redacted' : ''}.</p>
<h2>Findings</h2>
${d.findings.length ? d.findings.map(findingHtml).join('\n') : '<p>No problem found.</p>'}
${path ? `<h2>Guided path</h2><ol>${path}</ol>` : ''}
${fixes ? `<h2>Fixes</h2><table><thead><tr><th>Fix</th><th>Outcome</th><th>Elevation</th><th>Verified</th><th>Before</th><th>After</th><th>Reason</th></tr></thead><tbody>${fixes}</tbody></table>` : ''}
${audit ? `<h2>Audit trail</h2><table><thead><tr><th>Time</th><th>User</th><th>Action</th><th>Outcome</th><th>Elevation</th><th>Verification</th></tr></thead><tbody>${audit}</tbody></table>` : ''}
<h2>Checks</h2>
<table><thead><tr><th>Probe</th><th>Status</th><th>Time</th><th>Message</th></tr></thead><tbody>${probes}</tbody></table>
<details><summary>Raw data (JSON)</summary><pre id="report-json">${json}</pre></details>
</body></html>
`;
}
