/** The short ticket summary a user pastes into a helpdesk ticket: plain text, works offline. */
import type { Diagnosis } from '../../src-shared/finding';
import type { Walk } from '../../src-shared/tree';
import type { FixRun } from '../store/fixSlice';
import { formatValue } from './format';
import { OUTCOME_LABELS } from './labels';
import { resultReasonText } from '../../src-shared/reasonWords';

/** Builds the summary from the diagnosis, the walk that ended in an outcome, and the fixes run on the way. */
export function ticketSummary(d: Diagnosis, w: Walk, version: string, runs: FixRun[] = []): string {
  const outcome = w.current.kind === 'outcome' ? w.current : null;
  const errors = d.findings.filter((f) => f.severity === 'error');
  const lead = outcome?.cause ? d.findings.find((f) => f.id === outcome.cause) : undefined;
  const causes = lead ? [lead, ...errors.filter((f) => f !== lead)] : errors;
  const lines = [
    `DirectAccess Doctor ${version} — ${d.machine} — ${d.collectedAt}`,
    `Result: ${outcome ? OUTCOME_LABELS[outcome.result] : 'in progress'} — ${w.current.title}`,
    `Machine role: ${d.role}; diagnosis status: ${d.status}`,
  ];
  for (const f of causes) {
    lines.push('', `Root cause: ${f.id}${f.variant ? ` (${f.variant})` : ''} [${f.severity}] ${f.title}`);
    if (f.adminAction) lines.push(`Administrator action: ${f.adminAction}`);
    for (const e of f.evidence) {
      const expected = e.expected === undefined ? '' : ` (expected ${formatValue(e.field, e.expected)})`;
      lines.push(`Evidence: ${e.probe}.${e.field} = ${formatValue(e.field, e.observed)}${expected}${e.note ? ` — ${e.note}` : ''}`);
    }
  }
  const answered = w.path.filter((s) => s.answer !== undefined).map((s) => `${s.node.title} → ${s.answer}`);
  if (answered.length) lines.push('', `Answers: ${answered.join('; ')}`);
  for (const { result: r, undo } of runs) {
    const change = r.before !== null || r.after !== null ? `; before: ${r.before ?? '—'}; after: ${r.after ?? '—'}` : '';
    lines.push(
      `Fix: ${r.fix} — ${r.outcome}, ${r.verified ? 'verified' : 'not verified'}, elevation ${r.elevation}${change} — ${resultReasonText(r.reason)}${undo?.status === 'done' ? ' (undone)' : ''}`,
    );
  }
  lines.push('', `Path: ${w.path.map((s) => s.node.id).join(' → ')}`);
  return lines.join('\n');
}
