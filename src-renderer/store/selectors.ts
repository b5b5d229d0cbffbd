/** Derived state: the walk through the decision tree for the current diagnosis, answers and fix results. */
import type { Role } from '../../src-shared/finding';
import { incompleteProbes } from '../../src-shared/incomplete';
import type { SectionName } from '../../src-shared/snapshot';
import { TREE, walk, type StartChoice, type Walk, type WalkContext } from '../../src-shared/tree';
import { START_CHOICES } from '../lib/labels';
import { forOtherComputer } from '../lib/otherComputer';
import type { Finding } from '../../src-shared/finding';
import type { Helpdesk } from '../../src-shared/orgConfig';
import type { FixRun } from './fixSlice';
import type { AppState } from './types';

let last: { key: unknown[]; value: Walk | null } = { key: [], value: null };

/**
 * The answers the walk sees: the person's, plus the role their start choice expects as the answer to "What is this
 * computer?" (the engine uses it only when the checks could not tell the role; an explicit answer wins).
 */
function walkAnswers(s: AppState): Record<string, string> {
  const expects = s.startChoiceMade ? START_CHOICES[s.startChoice].expects : undefined;
  return expects && s.answers.role === undefined ? { ...s.answers, role: expects } : s.answers;
}

/** The wizard's path (memoised on its inputs, so components re-render only when it changes); null before a run. */
export function selectWalk(s: AppState): Walk | null {
  const key = [s.result, s.answers, s.fixResults, s.startChoiceMade, s.startChoice, s.imported];
  if (key.length === last.key.length && key.every((k, i) => k === last.key[i])) return last.value;
  let value: Walk | null = null;
  if (s.result) {
    const ctx: WalkContext = { diagnosis: s.result.diagnosis, snapshot: s.result.snapshot, answers: walkAnswers(s), fixResults: s.fixResults };
    value = walk(TREE, ctx);
    if (s.imported) value = aboutOtherComputer(value, s.result.diagnosis.machine);
  }
  last = { key, value };
  return value;
}

/**
 * Another computer's results speak of that computer by name: every "this computer" of the tree and the findings
 * becomes "CLIENT01", so a technician never reads that their own computer has the problem.
 */
function findingAbout(f: Finding, machine: string): Finding {
  const say = (t: string) => forOtherComputer(t, machine);
  return {
    ...f,
    title: say(f.title),
    plain: say(f.plain),
    ...(f.adminAction ? { adminAction: say(f.adminAction) } : {}),
    evidence: f.evidence.map((e) => (e.note ? { ...e, note: say(e.note) } : e)),
  };
}

function aboutOtherComputer(w: Walk, machine: string): Walk {
  const say = (t: string) => forOtherComputer(t, machine);
  const finding = (f: Finding) => findingAbout(f, machine);
  const node = <N extends Walk['current']>(n: N): N => ({ ...n, title: say(n.title), plain: say(n.plain) });
  return { ...w, current: node(w.current), path: w.path.map((p) => ({ ...p, node: node(p.node), findings: p.findings.map(finding) })) };
}

let lastFindings: { result: unknown; imported: boolean; value: Finding[] } = { result: null, imported: false, value: [] };

/** Every finding of the diagnosis, worded for the computer it is about (memoised). */
export function selectFindings(s: AppState): Finding[] {
  if (s.result === lastFindings.result && s.imported === lastFindings.imported) return lastFindings.value;
  const all = s.result?.diagnosis.findings ?? [];
  const machine = s.result?.diagnosis.machine ?? '';
  const value = s.imported ? all.map((f) => findingAbout(f, machine)) : all;
  lastFindings = { result: s.result, imported: s.imported, value };
  return value;
}

/** The person's start choice expected one role, the checks found another; the wizard follows the checks. */
export interface RoleMismatch {
  chose: StartChoice;
  expected: Role;
  found: Role;
}

let lastMismatch: { key: unknown[]; value: RoleMismatch | null } = { key: [], value: null };

/** Non-null when the role the person's start choice expects contradicts a role the checks derived (memoised). */
export function selectRoleMismatch(s: AppState): RoleMismatch | null {
  const key = [s.result, s.startChoice, s.startChoiceMade];
  if (key.every((k, i) => k === lastMismatch.key[i])) return lastMismatch.value;
  const expected = s.startChoiceMade ? START_CHOICES[s.startChoice].expects : undefined;
  const found = s.result?.diagnosis.role;
  const value = expected && found && found !== 'unknown' && found !== expected ? { chose: s.startChoice, expected, found } : null;
  lastMismatch = { key, value };
  return value;
}

const NONE: SectionName[] = [];
let lastIncomplete: { result: unknown; value: SectionName[] } = { result: null, value: NONE };

/** The probes that timed out or failed in the current diagnosis (memoised; empty when all answered or before a run). */
export function selectIncomplete(s: AppState): SectionName[] {
  if (s.result === lastIncomplete.result) return lastIncomplete.value;
  const found = s.result ? incompleteProbes(s.result.diagnosis) : NONE;
  lastIncomplete = { result: s.result, value: found.length ? found : NONE };
  return lastIncomplete.value;
}

let lastRuns: { runs: unknown; verifying: unknown; value: FixRun[] | null } = { runs: null, verifying: null, value: null };

/** The runs the verify screen shows (memoised), or null when it is not up. */
export function selectVerifyRuns(s: AppState): FixRun[] | null {
  if (s.runs === lastRuns.runs && s.verifying === lastRuns.verifying) return lastRuns.value;
  const ids = s.verifying?.runIds;
  const value = ids ? s.runs.filter((r) => ids.includes(r.id)) : null;
  lastRuns = { runs: s.runs, verifying: s.verifying, value };
  return value;
}

/**
 * Who to call: the helpdesk of the organisation the checks ran under (on the practice computer, the scenario's; for
 * another computer's results, this computer's trusted configuration, which main puts in their place), else main's.
 */
export function selectHelpdesk(s: AppState): Helpdesk | null {
  return s.result?.snapshot.org?.helpdesk ?? s.helpdesk;
}
