/**
 * The report page's sentences that are worked out rather than copied (headline, times, what happened to a fix, which
 * checks did not answer): pure functions, so the words are tested without rendering the page.
 */
import { joinAnd } from '../format';
import { incompleteProbes, stoppedProbes } from '../incomplete';
import type { Diagnosis } from '../finding';
import { worksUntilReconnect } from '../diagnose';
import type { FixRunResult } from '../ipc';
import { sectionLabel } from '../sectionLabels';

/** The headline when the guided path's outcome is not known: the diagnosis's status in words. */
export function verdictOf(d: Diagnosis): string {
  if (worksUntilReconnect(d)) return 'DirectAccess works now, but will stop at the next reconnect or restart';
  return { healthy: 'DirectAccess works', problems: 'Problems found', unknown: 'Could not tell: some checks did not answer' }[d.status];
}

const TIME_FORMAT: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

/**
 * An ISO time as the reader's clock shows it, with the zone named ("1 Dec 2026, 17:59 CET"), in `timeZone` (the zone
 * of whoever made the report); UTC when the zone is absent or unknown. A value that is not a time stays as it is.
 */
export function localTime(iso: string, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat('en-GB', { ...TIME_FORMAT, timeZone: timeZone ?? 'UTC' }).format(at);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...TIME_FORMAT, timeZone: 'UTC' }).format(at); // a zone this runtime does not know
  }
}

/** What happened to a fix, in words: a declined prompt is stated as such, with the fact that nothing changed. */
export function fixOutcomeText(f: Pick<FixRunResult, 'outcome' | 'elevation' | 'verified'>): string {
  if (f.elevation === 'declined') return 'Declined at the administrator prompt — nothing changed';
  if (f.elevation === 'timedOut') return 'The administrator prompt was not answered in time — nothing changed';
  switch (f.outcome) {
    case 'applied':
      return f.verified ? 'Applied and verified' : 'Applied, but the check afterwards did not confirm it';
    case 'refused':
      return 'Refused — nothing changed';
    case 'cancelled':
      return 'Cancelled — nothing changed';
    case 'failed':
      return 'Failed';
  }
}

/** The plain names of the checks that did not answer (error or timed out), in the diagnosis's order. */
export function unansweredChecks(d: Diagnosis): string[] {
  return incompleteProbes(d).map(sectionLabel);
}

/** The incomplete banner's sentence, or null when every check answered. */
export function incompleteText(d: Diagnosis): string | null {
  // Mid-sentence, "The computer clock" reads "the computer clock"; names such as "IPv6 settings" keep their case.
  const lower = (n: string) => n.replace(/^The /, 'the ');
  const stopped = new Set(stoppedProbes(d));
  const silent = incompleteProbes(d)
    .filter((s) => !stopped.has(s))
    .map(sectionLabel);
  const cut = [...stopped].map(sectionLabel).map(lower);
  if (!silent.length && !cut.length) return null;
  const parts = [
    ...(silent.length ? [`${joinAnd(silent.map((n, i) => (i > 0 ? lower(n) : n)))} did not answer`] : []),
    // The person stopped them: say so, rather than blame a network that was never given its time.
    ...(cut.length ? [`the checks were stopped before ${joinAnd(cut)} answered`] : []),
  ];
  return `This diagnosis is incomplete: ${parts.join('; ')}.`;
}
