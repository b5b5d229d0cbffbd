/**
 * Small constructors for tree nodes, so tree.ts reads as a table of steps rather than object boilerplate. They only
 * build plain data.
 */
import type { FixId, RootCauseId } from '../ids';
import type { CheckNode, Condition, FixNode, NodeId, OutcomeNode, TreeNode, VerifyNode } from './types';

/** Why an administrator's permission is needed for machine-wide changes, in plain words. */
export const ELEVATION_MACHINE =
  'This changes a setting for the whole computer, not just for you, so Windows asks for an administrator to confirm. ' +
  'Only this one change runs with those rights.';

/** A check that is a failed step when `cause` is found: found → `then`, not found → `otherwise`. */
export function problem(id: NodeId, cause: RootCauseId | RootCauseId[] | Condition, title: string, plain: string, then: NodeId, otherwise: NodeId): CheckNode {
  const when: Condition = typeof cause === 'string' || Array.isArray(cause) ? { finding: cause } : cause;
  return { kind: 'check', id, title, plain, when, then, else: otherwise, shows: 'problem' };
}

/** A neutral check (e.g. which kind of machine this is). */
export function info(id: NodeId, when: Condition, title: string, plain: string, then: NodeId, otherwise: NodeId): CheckNode {
  return { kind: 'check', id, title, plain, when, then, else: otherwise, shows: 'info' };
}

/** A leaf asking the administrator for a change; the outcome screen leads with the finding's adminAction. */
export function escalate(id: NodeId, cause: RootCauseId | undefined, title: string, plain: string): OutcomeNode {
  return cause ? { kind: 'outcome', id, result: 'escalate', cause, title, plain } : { kind: 'outcome', id, result: 'escalate', title, plain };
}

/** Options of a fix step: what it is for and where it goes after verification. */
export interface FixSpec {
  id: NodeId;
  fixes: [FixId, ...FixId[]];
  cause: RootCauseId;
  title: string;
  plain: string;
  /** Outcome when verification passes (usually `fixed`). */
  passed: NodeId;
  /** The tree's next step when verification fails or the fix is not applied: another fix or an escalation. */
  failed: NodeId;
  params?: Record<string, string>;
  elevation?: string;
}

/** A fix node and its verify node (`<id>` and `<id>:verify`). */
export function fixThenVerify(s: FixSpec): [FixNode, VerifyNode] {
  const verifyId = `${s.id}:verify`;
  const fix: FixNode = {
    kind: 'fix',
    id: s.id,
    title: s.title,
    plain: s.plain,
    fixes: s.fixes,
    cause: s.cause,
    elevation: s.elevation ?? ELEVATION_MACHINE,
    next: verifyId,
    skipped: s.failed,
    ...(s.params ? { params: s.params } : {}),
  };
  const verify: VerifyNode = {
    kind: 'verify',
    id: verifyId,
    title: 'Check that it worked',
    plain: 'The checks run again and the result is compared with what they showed before the change.',
    fixes: s.fixes,
    passed: s.passed,
    failed: s.failed,
  };
  return [fix, verify];
}

/** Index nodes by id, refusing duplicates (a duplicate id would silently replace a step). */
export function index(nodes: TreeNode[]): Record<NodeId, TreeNode> {
  const out: Record<NodeId, TreeNode> = {};
  for (const n of nodes) {
    if (out[n.id]) throw new Error(`duplicate tree node id ${n.id}`);
    out[n.id] = n;
  }
  return out;
}
