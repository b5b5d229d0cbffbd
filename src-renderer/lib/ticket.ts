/** The short ticket summary a user pastes into a helpdesk ticket: plain text, works offline. */
import type { Diagnosis } from '../../src-shared/finding';
import { joinAnd } from '../../src-shared/format';
import { incompleteProbes } from '../../src-shared/incomplete';
import type { Helpdesk } from '../../src-shared/orgConfig';
import type { Walk } from '../../src-shared/tree';
import type { FixRun } from '../store/fixSlice';
import { formatValue } from './format';
import { OUTCOME_LABELS, SECTION_LABELS } from './labels';
import { resultReasonText } from '../../src-shared/reasonWords';

/** What the ticket needs besides the diagnosis and the walk. */
export interface TicketOptions {
  /** The results are from a snapshot collected on another computer and opened here. */
  imported?: boolean;
  /** The organisation's helpdesk, to name who to call. */
  helpdesk?: Helpdesk | null;
  /** For tests: the locale and time zone the collection time is shown in (default: this computer's). */
  locale?: string;
  timeZone?: string;
}

/** The helpdesk contact as lines of text (name, email, phone); none without a helpdesk. */
export function helpdeskLines(h: Helpdesk | null | undefined): string[] {
  if (!h) return [];
  return [`Helpdesk: ${h.name}`, ...(h.email ? [`Email: ${h.email}`] : []), ...(h.phone ? [`Phone: ${h.phone}`] : [])];
}

/** An ISO time as local date and time with the time zone's name; text that is no time is left alone. */
export function formatTimeWithZone(iso: string, locale?: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long', timeZone }).format(d);
}

/** The runs that were made and then undone. */
const undoneRuns = (runs: FixRun[]) => runs.filter((r) => r.undo?.status === 'done');

/** One sentence for how the walk ended, whatever it ended in. */
function headline(d: Diagnosis, w: Walk, runs: FixRun[]): string {
  const outcome = w.current.kind === 'outcome' ? w.current : null;
  if (!outcome) return `In progress: the wizard stopped at "${w.current.title}".`;
  const made = runs.filter((r) => r.result.outcome === 'applied' && r.undo?.status !== 'done').map((r) => r.result.fix);
  const lead = outcome.cause ? d.findings.find((f) => f.id === outcome.cause) : undefined;
  switch (outcome.result) {
    case 'fixed':
      return made.length ? `Fixed: ${joinAnd(made)} made and verified by the checks.` : 'Fixed: the checks now pass.';
    case 'reboot-needed':
      return `Changed${made.length ? ` (${joinAnd(made)})` : ''}; Windows needs a restart to finish.`;
    case 'working':
      return 'Working: the checks found no problem.';
    case 'working-inside':
      return 'Working: this computer is inside your organisation’s network, where it does not need DirectAccess.';
    case 'retry':
      return 'Not connected yet: sign in on the network’s web page, then run the checks again.';
    case 'escalate':
      return `Needs the IT department: ${lead?.title ?? outcome.title}.`;
    case 'incomplete':
      return `Not fully checked: ${outcome.title}. ${outcome.plain}`;
  }
}

/** The result line's words: the outcome's, unless a fix it claims was undone since. */
function resultWords(w: Walk, runs: FixRun[], incomplete: boolean): string {
  if (w.current.kind !== 'outcome') return 'In progress';
  const result = w.current.result;
  const changed = result === 'fixed' || result === 'reboot-needed';
  if (changed && undoneRuns(runs).length) return 'Changed, then undone — no longer fixed';
  const words = OUTCOME_LABELS[result];
  return incomplete && (changed || result === 'working' || result === 'working-inside') ? `${words} (not everything could be checked)` : words;
}

/** How a run that changed nothing ended, in words; null for a run that changed the machine. */
function notMade(run: FixRun): string | null {
  const r = run.result;
  if (r.outcome === 'applied') return null;
  if (r.elevation === 'declined') return `${r.fix} was declined at the administrator prompt — nothing changed.`;
  if (r.elevation === 'timedOut') return `${r.fix}: the administrator prompt was not answered in time — nothing changed.`;
  if (r.outcome === 'refused') return `${r.fix} was refused before it ran — nothing changed.`;
  return `${r.fix} could not be made — ${resultReasonText(r.reason)}`;
}

/** Builds the summary from the diagnosis, the walk, the fixes run on the way and where the results come from. */
export function ticketSummary(d: Diagnosis, w: Walk, version: string, runs: FixRun[] = [], options: TicketOptions = {}): string {
  const outcome = w.current.kind === 'outcome' ? w.current : null;
  const errors = d.findings.filter((f) => f.severity === 'error');
  const lead = outcome?.cause ? d.findings.find((f) => f.id === outcome.cause) : undefined;
  const causes = lead ? [lead, ...errors.filter((f) => f !== lead)] : errors;
  const missing = incompleteProbes(d);
  const lines = [
    `DirectAccess Doctor ${version} — ${d.machine}`,
    `Collected: ${formatTimeWithZone(d.collectedAt, options.locale, options.timeZone)}`,
    ...(options.imported ? [`Results from a snapshot of ${d.machine}, opened on another computer: no fix was run on ${d.machine} from here.`] : []),
    `Result: ${resultWords(w, runs, missing.length > 0)} — ${w.current.title}`,
    `Summary: ${headline(d, w, runs)}`,
  ];
  for (const run of runs) {
    const words = notMade(run);
    if (words) lines.push(`Not changed: ${words}`);
  }
  for (const run of undoneRuns(runs)) lines.push(`Undone: ${run.result.fix} was made, then undone — the computer is as it was before.`);
  if (missing.length) {
    const how = missing.map((n) => `${n}: ${d.probes[n]?.status === 'timedOut' ? 'timed out' : 'failed'}`);
    lines.push(`This diagnosis is incomplete: ${joinAnd(missing.map((n) => SECTION_LABELS[n]))} did not answer (${how.join(', ')}).`);
  }
  lines.push(`Machine role: ${d.role}; diagnosis status: ${d.status}`);
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
  const contact = helpdeskLines(options.helpdesk);
  if (contact.length) lines.push('', ...contact);
  lines.push('', `Path: ${w.path.map((s) => s.node.id).join(' → ')}`);
  return lines.join('\n');
}
