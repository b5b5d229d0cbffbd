/** How a diagnosis is printed for people (machines get the diagnosis JSON itself, contract.md §3). */
import type { Diagnosis } from '../../src-shared/finding';
import { worksUntilReconnect } from '../../src-shared/diagnose';
import { evidenceName } from '../../src-shared/evidenceSource';
import { printableLine } from './printable';

const MARK = { error: 'ERROR  ', warning: 'WARNING', info: 'INFO   ' } as const;

/** An evidence value on one line: text as it is, anything else as JSON. */
function shown(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A person's view: verdict, then each finding with what to do; every line stripped of terminal controls. */
export function formatDiagnosis(d: Diagnosis): string {
  const lines: string[] = [];
  // Working with a warning (a certificate about to expire, a self-signed server certificate) is not "healthy": the
  // first line is what a busy technician reads, and it must not tell them to stop reading.
  const advised = d.status === 'healthy' && d.findings.some((f) => f.severity === 'warning');
  const verdict = worksUntilReconnect(d)
    ? 'DirectAccess works now, but will stop at the next reconnect or restart.'
    : advised
      ? 'DirectAccess works; read the advice below.'
      : { healthy: 'DirectAccess looks healthy.', problems: 'Problems found.', unknown: 'Could not tell: some checks did not answer.' }[d.status];
  lines.push(`${d.machine} (${d.role}): ${verdict}`);
  for (const f of d.findings) {
    lines.push('', `${MARK[f.severity]} ${f.id}${f.variant ? ` (${f.variant})` : ''}: ${f.title}`, `        ${f.plain}`);
    // Evidence as a technician finds it on the machine (the command and property), not as the snapshot stores it.
    for (const e of f.evidence)
      lines.push(`        seen: ${evidenceName(e)} = ${shown(e.observed)}${e.expected === undefined ? '' : ` (expected ${shown(e.expected)})`}`);
    if (f.fixes.length) lines.push(`        fix: ${f.fixes.map((id) => `da-doctor fix ${id}`).join(', then ')}`);
    if (f.escalate && f.adminAction) lines.push(`        administrator: ${f.adminAction}`);
  }
  const failed = Object.entries(d.probes).filter(([, p]) => p.status === 'error' || p.status === 'timedOut');
  if (failed.length) {
    lines.push('', 'Checks that did not answer:');
    for (const [name, p] of failed) lines.push(`  ${name}: ${p.status}${p.message ? ` — ${p.message}` : ''}`);
  }
  // Each entry is one line; names, subjects and messages in it come from the machine or the snapshot file.
  return `${lines.map(printableLine).join('\n')}\n`;
}
