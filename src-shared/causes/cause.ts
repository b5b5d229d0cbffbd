/**
 * What a root cause is, in one place (DESIGN §5): its id, the IP-HTTPS error codes it owns, its rule, the causes it
 * explains, the fixes that resolve it, and its steps in the guided path. The registry (registry.ts) lists the modules
 * in order and derives every list from them: the rules, the precedence table, the code table, the tree's chains.
 */
import type { Finding, Role } from '../finding';
import type { FixId, RootCauseId } from '../ids';
import type { RuleContext } from '../diagnose/context';
import type { CheckNode, Condition, NodeId, TreeNode } from '../tree/types';

/** A guided chain of problem checks: one per kind of machine. */
export type Chain = 'client' | 'manageOut' | 'server';

/** Families of causes another cause can explain as a whole (a stopped IP Helper explains every IP-HTTPS code). */
export type CauseGroup = 'iphttps' | 'isatapInterface';

/** An IP-HTTPS LastErrorCode (knowledge A.0) and what it means. */
export interface ErrorCodeInfo {
  code: number;
  name: string;
  meaning: string;
  /** The root cause whose rule owns this code; absent means iphttps-unknown-error. */
  rootCause?: RootCauseId;
}

/**
 * Where a step's `then`, or an answer of the question its step leads to, goes on with the chain: the step after it
 * (tree.ts puts that step's id in). For a choice that leaves the cause as it is ("no, leave it") and must not skip the
 * checks still to come in the chain, such as the late warnings.
 */
export const CONTINUE_CHAIN: NodeId = '@continue-chain';

/** One step of a cause in a chain: a check whose `else` the registry fills with the chain's next step. */
export interface GuideStep {
  chain: Chain;
  id: NodeId;
  title: string;
  plain: string;
  /** Where the path goes when the condition holds (a fix, a question or an outcome of this module). */
  then: NodeId;
  /** Default: a finding with this cause's id. */
  when?: Condition;
  /** Default `problem`: a holding condition is a failed step. */
  shows?: CheckNode['shows'];
  /**
   * Checked after every other step of its chain (in registry order among the late ones): for warnings, whose path
   * must not end while an error of the chain is still open (e.g. "working now, failing later").
   */
  late?: boolean;
}

/** Evidence in, root causes out; `roles` says on which machines it applies. */
export interface CauseRule {
  roles: readonly Role[];
  run: (ctx: RuleContext) => Finding | Finding[] | null;
}

/** One root cause. */
export interface Cause {
  id: RootCauseId;
  /** The IP-HTTPS codes this cause's rule explains (name and meaning are the code table's). */
  codes?: readonly Omit<ErrorCodeInfo, 'rootCause'>[];
  /** Membership of families that other causes explain as a whole. */
  groups?: readonly CauseGroup[];
  /** The rule; absent while the evidence for the cause is not collected yet (the server side). */
  rule?: CauseRule;
  /** Findings this cause explains when both fire: other causes (their modules, so an id is written once), whole
   * families, or `*` (every other error). */
  explains?: readonly (Cause | { group: CauseGroup })[] | '*';
  /** The fixes that resolve this cause (a finding offers the subset its evidence allows). */
  fixes?: readonly FixId[];
  /** Its checks in the guided chains, in order, and the nodes they lead to (fixes, questions, outcomes). */
  guide: { steps: readonly GuideStep[]; nodes?: readonly TreeNode[] };
}

/** Identity with a type: cause files read as data. */
export function defineCause(cause: Cause): Cause {
  return cause;
}
