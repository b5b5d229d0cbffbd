/**
 * The wizard's path: the walk through the decision tree for the current diagnosis, answers and fix results, and the
 * findings worded for the computer they are about. Apart from selectors.ts because it brings the tree and every
 * cause with it, which only the guide needs (it loads with the guide's chunk, not with the first screen).
 */
import type { Finding } from '../../src-shared/finding';
import { TREE, walk, type Walk, type WalkContext } from '../../src-shared/tree';
import { START_CHOICES } from '../lib/labels';
import { forOtherComputer } from '../lib/otherComputer';
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
