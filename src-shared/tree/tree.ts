/**
 * The decision tree of the wizard (DESIGN §1 "guide"), as data. Checks run in dependency order: the deeper cause is
 * asked about before the symptoms it explains (the IP Helper before IP-HTTPS, the clock before certificate
 * validity). The chains of problem checks come from the cause modules (causes/registry.ts); the roles, the shared
 * tail and the outcomes are here. Every branch ends in an outcome.
 */
import { CONTINUE_CHAIN, type Chain } from '../causes/cause';
import { CAUSES, chainSteps } from '../causes/registry';
import { escalate, index, info, problem } from './build';
import type { CheckNode, NodeId, Tree, TreeNode } from './types';

// Shared tail: anything the branches did not name still gets an honest ending.
const tail: TreeNode[] = [
  problem('other-errors', { status: 'problems' }, 'Anything else', 'Looking for any other problem the checks found.', 'escalate-other', 'server-unchecked'),
  // A server whose own checks did not answer (the server probe failed, or an older snapshot without it) has not been
  // shown to work: say what was not checked rather than "working". With its checks answered it ends like any machine.
  info(
    'server-unchecked',
    { all: [{ role: 'server' }, { status: 'unknown' }] },
    'The server checks could not finish',
    'The settings of the DirectAccess server itself could not all be read.',
    'server-not-checked',
    'status-unknown',
  ),
  problem(
    'status-unknown',
    { status: 'unknown' },
    'Could the checks tell?',
    'Some checks could not finish, so the result is not certain.',
    'escalate-unknown',
    'working',
  ),
  {
    kind: 'outcome',
    id: 'working',
    result: 'working',
    title: 'DirectAccess is working',
    plain: 'No problem was found. You can reach your work network from here.',
  },
  {
    kind: 'outcome',
    id: 'working-inside',
    result: 'working-inside',
    title: 'You are inside your organisation’s network',
    plain:
      'This computer is on your organisation’s network right now, so it does not need DirectAccess here: it connects directly. DirectAccess takes over when you are away from the office.',
  },
  { kind: 'outcome', id: 'fixed', result: 'fixed', title: 'Fixed', plain: 'The change worked: the checks now pass. You can reach your work network again.' },
  {
    kind: 'outcome',
    id: 'reboot-needed',
    result: 'reboot-needed',
    title: 'Restart to finish',
    plain: 'The change is made. Windows only uses it after a restart: save your work and restart the computer, then run the checks again.',
  },
  escalate(
    'escalate-other',
    undefined,
    'Your administrator needs to look at this',
    'The checks found a problem this wizard cannot fix on this computer. Send the report below to your helpdesk.',
  ),
  {
    kind: 'outcome',
    id: 'server-not-checked',
    result: 'incomplete',
    title: 'The server was not fully checked',
    plain:
      'The checks could not read all the settings of this DirectAccess server (its IP-HTTPS certificate, preauthentication or its ISATAP router), ' +
      'so the wizard cannot say the server works. Send the report below to whoever looks after the server.',
  },
  escalate(
    'escalate-unknown',
    undefined,
    'The checks could not tell',
    'Some checks could not finish, so the wizard cannot say for sure what is wrong. Send the report below to your helpdesk.',
  ),
];

// Which machine this is decides which checks apply: the role the checks derived; only when they could not tell, the
// person's answer to "What is this computer?" (the start screen's choice may pre-answer it; see effectiveRole).
const role: TreeNode[] = [
  info(
    'role-server',
    { role: 'server' },
    'This is the DirectAccess server',
    'Checking the server’s IP-HTTPS certificate and binding, preauthentication and its ISATAP router.',
    chainStart('server'),
    'role-manage-out',
  ),
  info(
    'role-manage-out',
    { role: 'manageOut' },
    'This workstation manages remote computers',
    'Checking how this workstation reaches DirectAccess computers (ISATAP).',
    chainStart('manageOut'),
    'role-client',
  ),
  info(
    'role-client',
    { role: 'client' },
    'This laptop should reach work over the internet',
    'Checking the DirectAccess connection of this computer.',
    chainStart('client'),
    'role-question',
  ),
  {
    kind: 'question',
    id: 'role-question',
    question: 'role',
    title: 'What is this computer?',
    plain: 'The checks could not tell which kind of computer this is.',
    options: [
      { value: 'client', label: 'A laptop that cannot reach work', next: chainStart('client') },
      { value: 'manageOut', label: 'A workstation I use to manage remote DirectAccess computers', next: chainStart('manageOut') },
      { value: 'server', label: 'The DirectAccess server', next: chainStart('server') },
    ],
  },
];

/** Where the problem checks end when none of them held. */
const AFTER_CHAINS = 'other-errors';

/**
 * One chain of problem checks from the cause modules, in registry order: each step's `else` is the next step, the
 * last one's the shared tail. Every module's own nodes (fixes, questions, outcomes) come along once.
 */
function chain(name: Chain): CheckNode[] {
  const steps = chainSteps(name);
  return steps.map(({ cause, step }, i) => ({
    kind: 'check',
    id: step.id,
    title: step.title,
    plain: step.plain,
    when: step.when ?? { finding: cause.id },
    then: step.then,
    else: steps[i + 1]?.step.id ?? AFTER_CHAINS,
    shows: step.shows ?? 'problem',
  }));
}

/** The first check of a chain. */
function chainStart(name: Chain): NodeId {
  const first = chainSteps(name)[0];
  if (!first) throw new Error(`decision tree: the ${name} chain has no steps`);
  return first.step.id;
}

/**
 * Puts the step after it where a step, or an answer of the question it leads to, says CONTINUE_CHAIN. A question
 * reached from steps that go on to different places cannot say where "go on" is: that is a mistake in the modules.
 */
function continueChains(checks: CheckNode[], nodes: TreeNode[]): { checks: CheckNode[]; nodes: TreeNode[] } {
  const after = new Map<NodeId, Set<NodeId>>();
  for (const c of checks) after.set(c.then, (after.get(c.then) ?? new Set()).add(c.else));
  return {
    checks: checks.map((c) => (c.then === CONTINUE_CHAIN ? { ...c, then: c.else } : c)),
    nodes: nodes.map((n) => {
      if (n.kind !== 'question' || !n.options.some((o) => o.next === CONTINUE_CHAIN)) return n;
      const [next, ...more] = after.get(n.id) ?? [];
      if (next === undefined) throw new Error(`decision tree: question ${n.id} goes on with a chain but no step leads to it`);
      if (more.length > 0) throw new Error(`decision tree: question ${n.id} is reached from steps that go on to ${[next, ...more].join(' and ')}`);
      return { ...n, options: n.options.map((o) => (o.next === CONTINUE_CHAIN ? { ...o, next } : o)) };
    }),
  };
}

const { checks, nodes: causeNodes } = continueChains(
  [...chain('client'), ...chain('manageOut'), ...chain('server')],
  CAUSES.flatMap((c) => [...(c.guide.nodes ?? [])]),
);

/** The wizard's decision tree. */
export const TREE: Tree = {
  start: 'role-server',
  nodes: index([...role, ...checks, ...causeNodes, ...tail]),
};
