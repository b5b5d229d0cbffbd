/**
 * The pure engine over the tree data: evaluate a condition, take one step, walk until the wizard needs the user
 * (an unanswered question, a fix not yet run, a verification not yet done) or reaches an outcome.
 */
import type { Finding, Role } from '../finding';
import type { CheckNode, Condition, FixOutcome, NodeId, Tree, TreeNode, WalkContext } from './types';

const ANSWERABLE_ROLES: readonly string[] = ['client', 'manageOut', 'server'];

/**
 * The role the walk follows: the one the checks derived; only when they could not tell, the person's answer to
 * "What is this computer?" (which the start screen's choice may pre-answer). A choice never overrides evidence.
 */
export function effectiveRole(ctx: Pick<WalkContext, 'diagnosis' | 'answers'>): Role {
  if (ctx.diagnosis.role !== 'unknown') return ctx.diagnosis.role;
  const answer = ctx.answers.role;
  return answer !== undefined && ANSWERABLE_ROLES.includes(answer) ? (answer as Role) : 'unknown';
}

/** Fix results that mean nothing was changed (or the change was taken back): the fix attempt ends there. */
const NOT_APPLIED: readonly (FixOutcome | undefined)[] = ['declined', 'skipped', 'undone'];

/** Whether a condition holds in this context. */
export function holds(c: Condition, ctx: WalkContext): boolean {
  if ('finding' in c) {
    const ids: readonly string[] = Array.isArray(c.finding) ? c.finding : [c.finding];
    return ctx.diagnosis.findings.some(
      (f) => ids.includes(f.id) && (c.variant === undefined || f.variant === c.variant) && (c.severity === undefined || f.severity === c.severity),
    );
  }
  if ('role' in c) {
    const roles: readonly string[] = Array.isArray(c.role) ? c.role : [c.role];
    return roles.includes(effectiveRole(ctx));
  }
  if ('pinned' in c) {
    const org = ctx.snapshot?.org;
    const list = c.pinned === 'root' ? org?.pinnedRoots : org?.pinnedIntermediates;
    return (list?.length ?? 0) > 0;
  }
  if ('orgIsatapRouter' in c) return Boolean(ctx.snapshot?.org?.isatapRouter);
  if ('offers' in c) return ctx.diagnosis.findings.some((f) => f.fixes.includes(c.offers));
  if ('status' in c) {
    const s: readonly string[] = Array.isArray(c.status) ? c.status : [c.status];
    return s.includes(ctx.diagnosis.status);
  }
  if ('all' in c) return c.all.every((x) => holds(x, ctx));
  if ('any' in c) return c.any.some((x) => holds(x, ctx));
  return !holds(c.not, ctx);
}

/** What one step from a node gives: the next node, or what the wizard waits for. */
export type Step = { next: NodeId } | { waiting: 'answer' | 'fix' | 'verify' } | { done: true };

/** One step from `node`: pure, so the renderer, the report and the tests agree on the path. */
export function nextNode(tree: Tree, node: TreeNode, ctx: WalkContext): Step {
  switch (node.kind) {
    case 'check':
      return { next: holds(node.when, ctx) ? node.then : node.else };
    case 'question': {
      const answer = ctx.answers[node.question];
      const option = node.options.find((o) => o.value === answer);
      return option ? { next: option.next } : { waiting: 'answer' };
    }
    case 'fix': {
      const results = node.fixes.map((f) => ctx.fixResults[f]);
      if (results.some((r) => r === undefined)) {
        // A fix not applied (or declined) ends the fix attempt: later fixes of the node never run on their own.
        return results.some((r) => NOT_APPLIED.includes(r)) ? { next: node.skipped } : { waiting: 'fix' };
      }
      return results.every((r) => NOT_APPLIED.includes(r)) ? { next: node.skipped } : { next: node.next };
    }
    case 'verify': {
      const results = node.fixes.map((f) => ctx.fixResults[f]);
      if (results.some((r) => r === undefined)) return { waiting: 'verify' };
      return { next: results.every((r) => r === 'verified') ? node.passed : node.failed };
    }
    case 'outcome':
      return { done: true };
  }
}

/**
 * How a fix or verify step the walk went past ended. `done` only when every fix of the step was applied and
 * verified; `notVerified`: applied, but the checks still fail; `notApplied`: it ran and failed (nothing known to have
 * changed); `declined`: refused at the administrator prompt; `notRun`: the person did not apply it (or an earlier fix
 * of the step stopped it); `undone`: applied, then undone (the machine is as before).
 */
export const FIX_STEP_STATUSES = ['done', 'notVerified', 'notApplied', 'declined', 'notRun', 'undone'] as const;
/** One of FIX_STEP_STATUSES. */
export type FixStepStatus = (typeof FIX_STEP_STATUSES)[number];

/** Every status a step of the path can have. */
export const STEP_STATUSES = ['passed', 'failed', 'info', 'skipped', 'answered', 'current', ...FIX_STEP_STATUSES] as const;

/** A step of the path as the guide shows it. */
export interface PathStep {
  node: TreeNode;
  /**
   * For problem checks `failed` (problem found) or `passed`; for info checks `info` when they hold, else `skipped`
   * (a role the machine does not have is not worth showing); for questions `answered`; for fix and verify steps
   * one of FIX_STEP_STATUSES; `current` for the step the walk stopped on.
   */
  status: (typeof STEP_STATUSES)[number];
  /** The findings a failed or info check matched, for their evidence. */
  findings: Finding[];
  answer?: string;
}

/** The result of a walk: every step taken, the node it stopped on, and what (if anything) it waits for. */
export interface Walk {
  path: PathStep[];
  current: TreeNode;
  waiting: 'answer' | 'fix' | 'verify' | null;
}

/** Findings a check's condition names that are present (for evidence on its step). */
export function matchedFindings(check: CheckNode, ctx: WalkContext): Finding[] {
  const ids = new Set<string>();
  const collect = (c: Condition): void => {
    if ('finding' in c) (Array.isArray(c.finding) ? c.finding : [c.finding]).forEach((i) => ids.add(i));
    else if ('all' in c) c.all.forEach(collect);
    else if ('any' in c) c.any.forEach(collect);
    else if ('not' in c) collect(c.not);
  };
  collect(check.when);
  return ctx.diagnosis.findings.filter((f) => ids.has(f.id));
}

/** Walk from the start until the wizard needs the user or reaches an outcome. Throws on a broken tree. */
export function walk(tree: Tree, ctx: WalkContext): Walk {
  const path: PathStep[] = [];
  let node = tree.nodes[tree.start];
  const seen = new Set<NodeId>();
  while (node) {
    if (seen.has(node.id)) throw new Error(`decision tree cycle at ${node.id}`);
    seen.add(node.id);
    const step = nextNode(tree, node, ctx);
    if ('done' in step || 'waiting' in step) {
      path.push({ node, status: 'current', findings: relevantFindings(node, ctx) });
      return { path, current: node, waiting: 'waiting' in step ? step.waiting : null };
    }
    path.push(describe(node, ctx));
    const next = tree.nodes[step.next];
    if (!next) throw new Error(`decision tree: ${node.id} points to missing ${step.next}`);
    node = next;
  }
  throw new Error(`decision tree: start node ${tree.start} is missing`);
}

function relevantFindings(node: TreeNode, ctx: WalkContext): Finding[] {
  const cause = node.kind === 'fix' || node.kind === 'outcome' ? node.cause : undefined;
  return cause ? ctx.diagnosis.findings.filter((f) => f.id === cause) : [];
}

function describe(node: TreeNode, ctx: WalkContext): PathStep {
  if (node.kind === 'check') {
    const held = holds(node.when, ctx);
    const status = node.shows === 'info' ? (held ? 'info' : 'skipped') : held ? 'failed' : 'passed';
    return { node, status, findings: held ? matchedFindings(node, ctx) : [] };
  }
  if (node.kind === 'question') return { node, status: 'answered', findings: [], answer: ctx.answers[node.question] };
  if (node.kind === 'fix' || node.kind === 'verify')
    return { node, status: fixStepStatus(node.fixes.map((f) => ctx.fixResults[f])), findings: relevantFindings(node, ctx) };
  return { node, status: 'done', findings: relevantFindings(node, ctx) };
}

/** How a fix or verify step ended, from its fixes' results: the worst of them decides (a step is `done` only when all verified). */
export function fixStepStatus(results: (FixOutcome | undefined)[]): FixStepStatus {
  if (results.includes('undone')) return 'undone';
  if (results.includes('declined')) return 'declined';
  if (results.includes('failed')) return 'notApplied';
  if (results.includes('notVerified')) return 'notVerified';
  if (results.every((r) => r === 'verified')) return 'done';
  return 'notRun';
}

/** Every node id a node can lead to (for graph tests and the report). */
export function targets(node: TreeNode): NodeId[] {
  switch (node.kind) {
    case 'check':
      return [node.then, node.else];
    case 'question':
      return node.options.map((o) => o.next);
    case 'fix':
      return [node.next, node.skipped];
    case 'verify':
      return [node.passed, node.failed];
    case 'outcome':
      return [];
  }
}
