import { describe, expect, it } from 'vitest';
import { FIX_IDS, ROOT_CAUSE_IDS } from '../ids';
import { targets, walk } from './engine';
import { PINNED_ORG, diagnosis, finding, only } from '../../test-support/treeFixtures';
import { TREE } from './tree';
import type { NodeId, TreeNode, WalkContext } from './types';
import type { Walk } from './engine';

const nodes = Object.values(TREE.nodes);

describe('decision tree graph', () => {
  it('has a start node', () => {
    expect(TREE.nodes[TREE.start]).toBeDefined();
  });

  it('every target exists', () => {
    const missing = nodes.flatMap((n) =>
      targets(n)
        .filter((t) => !TREE.nodes[t])
        .map((t) => `${n.id} → ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it('every node is reachable from the start', () => {
    const seen = new Set<NodeId>();
    const stack = [TREE.start];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...targets(TREE.nodes[id]!));
    }
    expect(nodes.map((n) => n.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  it('has no cycles', () => {
    const state = new Map<NodeId, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (id: NodeId, trail: NodeId[]): void => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'open') {
        cycles.push([...trail, id].join(' → '));
        return;
      }
      state.set(id, 'open');
      for (const t of targets(TREE.nodes[id]!)) visit(t, [...trail, id]);
      state.set(id, 'done');
    };
    visit(TREE.start, []);
    expect(cycles).toEqual([]);
  });

  it('every leaf is an outcome and every outcome a leaf', () => {
    const bad = nodes.filter((n) => (targets(n).length === 0) !== (n.kind === 'outcome')).map((n) => n.id);
    expect(bad).toEqual([]);
  });

  it('every fix is followed by a verify of the same fixes', () => {
    for (const n of nodes.filter((x): x is Extract<TreeNode, { kind: 'fix' }> => x.kind === 'fix')) {
      const v = TREE.nodes[n.next];
      expect(v?.kind, n.id).toBe('verify');
      if (v?.kind === 'verify') expect(v.fixes).toEqual(n.fixes);
    }
  });

  it('a failed verification goes to another fix or an escalation', () => {
    for (const n of nodes) {
      if (n.kind !== 'verify') continue;
      const f = TREE.nodes[n.failed]!;
      expect(f.kind === 'fix' || (f.kind === 'outcome' && f.result === 'escalate'), n.id).toBe(true);
    }
  });

  it('questions keep their answers apart and offer at least two answers', () => {
    const qs = nodes.filter((n) => n.kind === 'question');
    const keys = qs.map((q) => (q.kind === 'question' ? q.question : ''));
    expect(new Set(keys).size).toBe(keys.length);
    for (const q of qs) if (q.kind === 'question') expect(q.options.length).toBeGreaterThanOrEqual(2);
  });

  it('names only fix ids of the contract', () => {
    const used = nodes.flatMap((n) => (n.kind === 'fix' || n.kind === 'verify' ? n.fixes : []));
    expect(used.filter((f) => !(FIX_IDS as readonly string[]).includes(f))).toEqual([]);
  });

  it('covers every client, manage-out and server root cause of contract §1 with a branch', () => {
    const named = new Set<string>();
    const collect = (c: unknown): void => {
      if (!c || typeof c !== 'object') return;
      const o = c as Record<string, unknown>;
      if ('finding' in o) (Array.isArray(o.finding) ? o.finding : [o.finding]).forEach((x) => named.add(String(x)));
      for (const k of ['all', 'any']) if (Array.isArray(o[k])) (o[k] as unknown[]).forEach(collect);
      if ('not' in o) collect(o.not);
    };
    nodes.forEach((n) => n.kind === 'check' && collect(n.when));
    expect(ROOT_CAUSE_IDS.filter((id) => !named.has(id))).toEqual([]);
  });

  it('each root cause alone leads to a branch that names it (its own fix or outcome)', () => {
    for (const id of ROOT_CAUSE_IDS) {
      const role = id.startsWith('server-') ? 'server' : id.startsWith('isatap-') ? 'manageOut' : 'client';
      const w = walk(TREE, { diagnosis: diagnosis(role, [finding(id, id === 'inside-corpnet' ? 'info' : 'error')]), answers: {}, fixResults: {} });
      const failed = w.path.filter((s) => s.status === 'failed' || s.status === 'info').flatMap((s) => s.findings.map((f) => f.id));
      expect(failed, id).toContain(id);
    }
  });
});

/** Where a walk must stop: a fix, a question or an outcome. */
type Expected = { fix: string } | { outcome: string; cause?: string } | { question: string };

function endsAt(w: Walk, e: Expected): void {
  if ('fix' in e) {
    expect(w.current.kind).toBe('fix');
    expect(w.waiting).toBe('fix');
    if (w.current.kind === 'fix') expect(w.current.fixes).toContain(e.fix);
  } else if ('question' in e) {
    expect(w.current.kind).toBe('question');
    if (w.current.kind === 'question') expect(w.current.question).toBe(e.question);
  } else {
    expect(w.current.kind).toBe('outcome');
    if (w.current.kind === 'outcome') {
      expect(w.current.result).toBe(e.outcome);
      if (e.cause) expect(w.current.cause).toBe(e.cause);
    }
  }
}

// Where each scenario file ends is checked against its real diagnosis in src-main/scenarios.integration.test.ts;
// these are the branches after answers and fix results.
describe('branches after answers and fixes', () => {
  const CAUSE_OF: Record<string, WalkContext> = {
    'untrusted-root-no-pin': only('iphttps-untrusted-root'),
    'untrusted-root': only('iphttps-untrusted-root', PINNED_ORG),
    'captive-portal': only('iphttps-server-unreachable'),
    'revocation-offline': only('iphttps-revocation-offline'),
    'winhttp-proxy': only('iphttps-proxy'),
    'ipv6-disabled': only('ipv6-transition-disabled'),
    'clock-skew': only('clock-skew'),
  };
  const ctxOf = (name: string): WalkContext => CAUSE_OF[name]!;
  const withCtx = (name: string, extra: Partial<WalkContext>): WalkContext => ({ ...ctxOf(name), ...extra });

  it('untrusted-root-no-pin: "yes, I have the file" leads to the import with a picked file, verified → fixed', () => {
    const w = walk(TREE, withCtx('untrusted-root-no-pin', { answers: { rootFile: 'yes' } }));
    endsAt(w, { fix: 'import-root-ca' });
    expect(w.current.kind === 'fix' && w.current.params).toEqual({ source: 'file' });
    endsAt(walk(TREE, withCtx('untrusted-root-no-pin', { answers: { rootFile: 'yes' }, fixResults: { 'import-root-ca': 'verified' } })), { outcome: 'fixed' });
  });

  it('untrusted-root-no-pin: no file, or a file that is refused → escalate', () => {
    endsAt(walk(TREE, withCtx('untrusted-root-no-pin', { answers: { rootFile: 'no' } })), { outcome: 'escalate', cause: 'iphttps-untrusted-root' });
    endsAt(walk(TREE, withCtx('untrusted-root-no-pin', { answers: { rootFile: 'yes' }, fixResults: { 'import-root-ca': 'failed' } })), {
      outcome: 'escalate',
      cause: 'iphttps-untrusted-root',
    });
  });

  it('captive-portal: the user has signed in already (or does not know) → escalate; not yet → retry', () => {
    endsAt(walk(TREE, withCtx('captive-portal', { answers: { captivePortal: 'no' } })), { outcome: 'escalate', cause: 'iphttps-server-unreachable' });
    endsAt(walk(TREE, withCtx('captive-portal', { answers: { captivePortal: 'unsure' } })), { outcome: 'escalate' });
    endsAt(walk(TREE, withCtx('captive-portal', { answers: { captivePortal: 'yes' } })), { outcome: 'retry' });
  });

  it('revocation-offline: the cache clear waits for verification, then escalates when still failing', () => {
    const afterFix = walk(TREE, withCtx('revocation-offline', { fixResults: {} }));
    expect(afterFix.waiting).toBe('fix');
    endsAt(walk(TREE, withCtx('revocation-offline', { fixResults: { 'clear-crl-cache': 'notVerified' } })), {
      outcome: 'escalate',
      cause: 'iphttps-revocation-offline',
    });
  });

  it('winhttp-proxy: both proxy fixes, verified → fixed', () => {
    const w = walk(TREE, ctxOf('winhttp-proxy'));
    expect(w.current.kind === 'fix' && w.current.fixes).toEqual(['reset-winhttp-proxy', 'clear-iphlpsvc-proxy-cache']);
    expect(walk(TREE, withCtx('winhttp-proxy', { fixResults: { 'reset-winhttp-proxy': 'verified' } })).waiting).toBe('fix');
    endsAt(walk(TREE, withCtx('winhttp-proxy', { fixResults: { 'reset-winhttp-proxy': 'verified', 'clear-iphlpsvc-proxy-cache': 'verified' } })), {
      outcome: 'fixed',
    });
  });

  it('ipv6-disabled: verified → restart needed', () => {
    endsAt(walk(TREE, withCtx('ipv6-disabled', { fixResults: { 'set-ipv6-prefer-ipv4': 'verified' } })), { outcome: 'reboot-needed' });
  });

  it('a fix the user does not apply ends in the escalation of its cause', () => {
    endsAt(walk(TREE, withCtx('clock-skew', { fixResults: { 'resync-time': 'skipped' } })), { outcome: 'escalate', cause: 'clock-skew' });
    endsAt(walk(TREE, withCtx('untrusted-root', { fixResults: { 'import-root-ca': 'declined' } })), { outcome: 'escalate', cause: 'iphttps-untrusted-root' });
  });

  it('preauth-no-machine-cert inside the office → renew the machine certificate', () => {
    const d = diagnosis('client', [finding('preauth-client-cert-missing'), finding('inside-corpnet', 'info')]);
    endsAt(walk(TREE, { diagnosis: d, answers: {}, fixResults: {} }), { fix: 'renew-machine-certificate' });
  });

  it('the checks decide the role: a start choice (pre-answer of "role") never overrides a derived one', () => {
    // An untrusted-root laptop whose person said "server" still reaches its one-click fix.
    const pinned = withCtx('untrusted-root', { answers: { role: 'server' } });
    const w = walk(TREE, pinned);
    endsAt(w, { fix: 'import-root-ca' });
    expect(w.path.find((p) => p.node.id === 'role-client')?.status).toBe('info');
    expect(w.path.map((p) => p.node.id)).not.toContain('server-unchecked');
    // A healthy laptop marked "server" is walked as a laptop and is working.
    const healthy = walk(TREE, { diagnosis: diagnosis('client', []), answers: { role: 'server' }, fixResults: {} });
    endsAt(healthy, { outcome: 'working' });
    expect(healthy.path.find((p) => p.node.id === 'role-client')?.status).toBe('info');
    expect(healthy.path.find((p) => p.node.id === 'role-server')?.status).toBe('skipped');
  });

  it('an unknown role asks "What is this computer?" (key role); its answer, or the start choice, decides', () => {
    const d = diagnosis('unknown', []);
    const w = walk(TREE, { diagnosis: d, answers: {}, fixResults: {} });
    expect(w.current.kind === 'question' && w.current.question).toBe('role');
    const offered = { ...finding('isatap-default-state-no-interface'), fixes: ['enable-isatap' as const] };
    const mo = walk(TREE, { diagnosis: diagnosis('unknown', [offered]), answers: { role: 'manageOut' }, fixResults: {} });
    endsAt(mo, { fix: 'enable-isatap' });
    expect(mo.path.find((p) => p.node.id === 'role-manage-out')?.status).toBe('info');
    // An answer that names no role is no answer.
    expect(walk(TREE, { diagnosis: d, answers: { role: 'toaster' }, fixResults: {} }).current.id).toBe('role-question');
  });

  it('a server whose own checks did not answer is never called working: it ends "not fully checked", naming what was not checked', () => {
    // Its checks answered with nothing found: working, like any machine.
    endsAt(walk(TREE, { diagnosis: diagnosis('server', []), answers: {}, fixResults: {} }), { outcome: 'working' });
    const contexts: WalkContext[] = [
      { diagnosis: diagnosis('server', [], 'unknown'), answers: {}, fixResults: {} },
      { diagnosis: diagnosis('unknown', [], 'unknown'), answers: { role: 'server' }, fixResults: {} },
    ];
    for (const ctx of contexts) {
      const w = walk(TREE, ctx);
      endsAt(w, { outcome: 'incomplete' });
      expect(w.current.id).toBe('server-not-checked');
      expect(w.current.plain).toMatch(/IP-HTTPS certificate, preauthentication or its ISATAP router/);
    }
  });

  it('fix and verify steps say how they ended: done only when applied and verified', () => {
    const statusOf = (ctx: WalkContext, id: string) => walk(TREE, ctx).path.find((p) => p.node.id === id)?.status;
    expect(statusOf(withCtx('clock-skew', { fixResults: { 'resync-time': 'verified' } }), 'fix-clock')).toBe('done');
    expect(statusOf(withCtx('clock-skew', { fixResults: { 'resync-time': 'verified' } }), 'fix-clock:verify')).toBe('done');
    expect(statusOf(withCtx('clock-skew', { fixResults: { 'resync-time': 'skipped' } }), 'fix-clock')).toBe('notRun');
    expect(statusOf(withCtx('clock-skew', { fixResults: { 'resync-time': 'declined' } }), 'fix-clock')).toBe('declined');
    expect(statusOf(withCtx('clock-skew', { fixResults: { 'resync-time': 'failed' } }), 'fix-clock')).toBe('notApplied');
    expect(statusOf(withCtx('clock-skew', { fixResults: { 'resync-time': 'notVerified' } }), 'fix-clock:verify')).toBe('notVerified');
    expect(
      statusOf(withCtx('winhttp-proxy', { fixResults: { 'reset-winhttp-proxy': 'declined', 'clear-iphlpsvc-proxy-cache': 'skipped' } }), 'fix-proxy'),
    ).toBe('declined');
  });

  it('an undone fix counts as not applied: the walk no longer ends in fixed', () => {
    const fixed = withCtx('winhttp-proxy', { fixResults: { 'reset-winhttp-proxy': 'verified', 'clear-iphlpsvc-proxy-cache': 'verified' } });
    endsAt(walk(TREE, fixed), { outcome: 'fixed' });
    const one = walk(TREE, withCtx('winhttp-proxy', { fixResults: { 'reset-winhttp-proxy': 'verified', 'clear-iphlpsvc-proxy-cache': 'undone' } }));
    endsAt(one, { outcome: 'escalate', cause: 'iphttps-proxy' });
    const both = walk(TREE, withCtx('clock-skew', { fixResults: { 'resync-time': 'undone' } }));
    endsAt(both, { outcome: 'escalate', cause: 'clock-skew' });
    expect(both.path.find((p) => p.node.id === 'fix-clock')?.status).toBe('undone');
  });

  it('a status the checks cannot tell is never called working', () => {
    endsAt(walk(TREE, { diagnosis: diagnosis('client', [], 'unknown'), answers: {}, fixResults: {} }), { outcome: 'escalate' });
  });
});
