/**
 * The decision tree's vocabulary (DESIGN §1 "guide"): nodes are data, conditions are data, and one pure engine
 * (engine.ts) walks them. Nothing here is React; the renderer only reads these shapes.
 */
import type { Diagnosis, Role } from '../finding';
import type { FixId, RootCauseId, Severity } from '../ids';
import type { Snapshot } from '../snapshot';

/** A node's id: unique in the tree, stable (reports record the path through the tree by these ids). */
export type NodeId = string;

/** A role the evidence (or the person, when the evidence cannot tell) can name: the answer values of the `role` question. */
export type Audience = Exclude<Role, 'unknown'>;

/**
 * The start screen's choice: who is at the keyboard and, for some, what they expect the machine to be. It only
 * words the wizard and may pre-answer the `role` question; it never overrides a role the checks derived.
 */
export type StartChoice = 'client' | 'helpdesk' | 'manageOut' | 'server';

/** A test over the diagnosis, the snapshot's organisation config and the user's answers. */
export type Condition =
  /** Some finding with one of these ids is present (any severity unless `severity` narrows it). */
  | { finding: RootCauseId | RootCauseId[]; variant?: string; severity?: Severity }
  /**
   * The role the diagnosis derived is one of these; only when it is `unknown` does the person's answer to the `role`
   * question stand in (see `effectiveRole` in engine.ts).
   */
  | { role: Role | Role[] }
  /** The organisation config pins a root (or intermediate) certificate the import can use. */
  | { pinned: 'root' | 'intermediate' }
  /** The organisation config names the targeted ISATAP router. */
  | { orgIsatapRouter: true }
  /** Some finding of the diagnosis offers this fix (the rule decided its evidence allows it). */
  | { offers: FixId }
  /** The diagnosis status is one of these. */
  | { status: Diagnosis['status'] | Diagnosis['status'][] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/**
 * How a fix ended, as the fix/verify stages report it to the tree. `undone`: it was applied, then undone, so the
 * machine is as before and the tree treats it like a fix that was not applied.
 */
export type FixOutcome = 'verified' | 'notVerified' | 'failed' | 'declined' | 'skipped' | 'undone';

interface NodeBase {
  id: NodeId;
  /** Short heading for the step, in plain words. */
  title: string;
  /** One or two sentences for the end user: no jargon without its explanation. */
  plain: string;
}

/**
 * Answered from the diagnosis: `when` holds → `then`, else `else`. With `shows: 'problem'` a holding condition is a
 * failed step (a problem found) and a non-holding one a passed step; `'info'` steps are neutral (e.g. the role).
 */
export interface CheckNode extends NodeBase {
  kind: 'check';
  when: Condition;
  then: NodeId;
  else: NodeId;
  shows: 'problem' | 'info';
}

/** One answer the user can give to a question. */
export interface AnswerOption {
  value: string;
  label: string;
  next: NodeId;
}

/** Asked of the user where the machine cannot know. */
export interface QuestionNode extends NodeBase {
  kind: 'question';
  /** The key the answer is stored under in `answers` (several questions may not share one). */
  question: string;
  options: AnswerOption[];
}

/**
 * Applies one or more fixes of contract §2, in order, then goes to `next` (a verify node). `skipped` is taken when
 * the user does not or cannot apply them (declined UAC, no one-click fixes, chose the report instead).
 */
export interface FixNode extends NodeBase {
  kind: 'fix';
  fixes: [FixId, ...FixId[]];
  /** Parameters the renderer must supply; `source: 'file'` means the user picks a certificate file. */
  params?: Record<string, string>;
  /** Why Windows will ask for an administrator, in plain words. */
  elevation: string;
  next: NodeId;
  skipped: NodeId;
  /** The finding this fix addresses (for its evidence on the fix screen). */
  cause: RootCauseId;
}

/** Re-collects and compares: all fixes verified → `passed`, else `failed` (the tree's next step). */
export interface VerifyNode extends NodeBase {
  kind: 'verify';
  fixes: [FixId, ...FixId[]];
  passed: NodeId;
  failed: NodeId;
}

/**
 * Where a walk ends. `incomplete`: nothing wrong was found, but this version has no checks for what matters on this
 * machine (the DirectAccess server), so it must not be called working.
 */
export type OutcomeResult = 'working' | 'working-inside' | 'fixed' | 'reboot-needed' | 'retry' | 'escalate' | 'incomplete';

/** A leaf: DirectAccess works, works after a fix, or the administrator must change something (with the report). */
export interface OutcomeNode extends NodeBase {
  kind: 'outcome';
  result: OutcomeResult;
  /** For escalations: the finding whose adminAction the report leads with. */
  cause?: RootCauseId;
}

/** Any node of the tree. */
export type TreeNode = CheckNode | QuestionNode | FixNode | VerifyNode | OutcomeNode;

/** The tree: its first node and every node by id. */
export interface Tree {
  start: NodeId;
  nodes: Record<NodeId, TreeNode>;
}

/** Everything a walk may look at. */
export interface WalkContext {
  diagnosis: Diagnosis;
  /** For the organisation config (pins, ISATAP router); absent when only a diagnosis is at hand. */
  snapshot?: Pick<Snapshot, 'org'> | null;
  /**
   * Answers by question key. `role` answers "What is this computer?" (used only when the diagnosed role is
   * `unknown`); the start screen's choice may pre-answer it.
   */
  answers: Record<string, string>;
  fixResults: Partial<Record<FixId, FixOutcome>>;
}
