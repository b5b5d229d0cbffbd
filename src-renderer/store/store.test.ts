import { describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../bridge';
import type { CollectProgress, CollectResult, FixRunResult } from '../../src-shared/ipc';
import type { FixNode } from '../../src-shared/tree';
import { diagnosis, finding, only, PINNED_ORG } from '../../test-support/treeFixtures';
import type { Diagnosis } from '../../src-shared/finding';
import { reason } from '../../src-shared/reasons';

/** main's refusal of a picked file that is not the chain's root. */
const NOT_THE_ROOT = reason('refused.matchesNoChain', { kind: 'root', subject: 'CN=x', thumbprint: 'AA', chainRootSubject: 'CN=r', chainRootThumbprint: 'BB' });
import { createAppStore, selectIncomplete, selectRoleMismatch } from './index';
import { selectWalk } from './walk';

/** A fix run's result: applied and verified unless `over` says otherwise. */
function runResult(fix: FixRunResult['fix'], over: Partial<FixRunResult> = {}): FixRunResult {
  return {
    fix,
    outcome: 'applied',
    elevation: 'simulated',
    verified: true,
    reason: reason('fix.verified', { detail: 'ok', reboot: 'no' }),
    before: 'b',
    after: 'a',
    rebootRequired: false,
    diagnosis: null,
    auditId: `a-${fix}`,
    ...over,
  };
}

/** A bridge double: answers collect:run with the given diagnosis and emits progress for two probes. */
function fakeBridge(
  d: Diagnosis,
  org: unknown = null,
  runs: Partial<Record<string, Partial<FixRunResult>>> = {},
  roleHint: 'client' | 'manageOut' | 'server' | null = null,
  helpdesk: { name: string; email?: string; phone?: string } | null = null,
): Bridge & { requests: unknown[] } {
  const listeners = new Set<(p: CollectProgress) => void>();
  const requests: unknown[] = [];
  return {
    transport: 'http',
    canFix: true,
    requests,
    appInfo: async () => ({
      ok: true,
      value: {
        version: '0.1.0',
        host: 'simulated',
        scenario: 'untrusted-root',
        scenarios: ['healthy', 'untrusted-root'],
        organisation: null,
        helpdesk,
        roleHint,
      },
    }),
    collectRun: async (req) => {
      requests.push(req);
      for (const [i, section] of (['os', 'services'] as const).entries()) {
        listeners.forEach((l) => l({ runId: req.runId, section, index: i, total: 2, phase: 'started' }));
        listeners.forEach((l) => l({ runId: req.runId, section, index: i, total: 2, phase: 'finished', status: 'ok', ms: 3 }));
      }
      listeners.forEach((l) => l({ runId: 'another-run', section: 'clock', index: 0, total: 2, phase: 'started' }));
      return { ok: true, value: { snapshot: { org }, diagnosis: d } as unknown as CollectResult };
    },
    snapshotImport: async () => ({ ok: false, error: { code: 'badInput', message: 'not a snapshot' } }),
    fixPreview: async (req) => {
      requests.push({ preview: req });
      const refusal = req.params?.certificate === 'bad' ? NOT_THE_ROOT : null;
      return {
        ok: true,
        value: {
          fixId: req.fixId as never,
          title: 't',
          plain: 'p',
          whyAdmin: 'w',
          elevated: true,
          rebootRequired: false,
          commands: ['c'],
          undo: null,
          refusal,
          certificate: null,
        },
      };
    },
    fixRun: async (req) => {
      requests.push({ run: req });
      const over = runs[req.fixId];
      if (over === null) return { ok: false, error: { code: 'failed', message: 'main is down' } };
      return { ok: true, value: runResult(req.fixId as never, over) };
    },
    fixUndo: async (req) => {
      requests.push({ undo: req });
      return { ok: true, value: runResult('reset-winhttp-proxy', { auditId: 'undo-1' }) };
    },
    certificateInspect: async (req) => ({
      ok: true,
      value: {
        subject: 'CN=Contoso Root CA',
        issuer: 'CN=Contoso Root CA',
        thumbprint: 'D0BA',
        notAfter: '2041-01-01',
        isCa: true,
        selfSigned: true,
        matchesChainRoot: req.contentB64 !== 'bad',
      },
    }),
    auditList: async () => ({ ok: true, value: [] }),
    onCollectProgress: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}

describe('the store', () => {
  it('loads app info and takes the harness scenario when the address names none', async () => {
    const store = createAppStore(fakeBridge(diagnosis('client', [])));
    await store.getState().loadInfo();
    expect(store.getState().info?.host).toBe('simulated');
    expect(store.getState().scenario).toBe('untrusted-root');
  });

  it('runs the checks with the chosen scenario, records progress of its own run only, then shows the guide', async () => {
    const bridge = fakeBridge(diagnosis('client', []));
    const store = createAppStore(bridge, 'healthy');
    await store.getState().startChecks();
    const s = store.getState();
    expect(bridge.requests[0]).toMatchObject({ scenario: 'healthy' });
    // Checks again on the same machine (after a fix) do not reload the scenario; Start over does.
    await store.getState().startChecks();
    expect(bridge.requests[1]).not.toHaveProperty('scenario');
    store.getState().restart();
    await store.getState().startChecks();
    expect(bridge.requests[2]).toMatchObject({ scenario: 'healthy' });
    expect(s.progress).toEqual({ os: { phase: 'finished', status: 'ok', ms: 3 }, services: { phase: 'finished', status: 'ok', ms: 3 } });
    expect(s.screen).toBe('guide');
    expect(selectWalk(s)?.current).toMatchObject({ kind: 'outcome', result: 'working' });
  });

  it('draws a burst of progress events in one render per frame, and every event before the result', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    try {
      let emit: (p: CollectProgress) => void = () => undefined;
      let finish: (v: Awaited<ReturnType<Bridge['collectRun']>>) => void = () => undefined;
      let runId = '';
      const bridge: Bridge = {
        ...fakeBridge(diagnosis('client', [])),
        onCollectProgress: (cb) => {
          emit = cb;
          return () => undefined;
        },
        collectRun: (req) => {
          runId = req.runId;
          return new Promise((resolve) => (finish = resolve));
        },
      };
      const store = createAppStore(bridge, 'healthy');
      let renders = 0;
      store.subscribe((s, prev) => void (s.progress !== prev.progress && renders++));
      const run = store.getState().runChecks();
      renders = 0; // the run's own start cleared the progress
      const ended = (section: 'os' | 'services' | 'clock'): CollectProgress => ({
        runId,
        section,
        index: 0,
        total: 20,
        phase: 'finished',
        status: 'ok',
        ms: 1,
      });
      emit(ended('os'));
      emit(ended('services'));
      emit({ ...ended('clock'), runId: 'another-run' });
      expect(renders).toBe(0);
      expect(frames).toHaveLength(1);
      frames.shift()!(0);
      expect(renders).toBe(1);
      expect(Object.keys(store.getState().progress).sort()).toEqual(['os', 'services']);
      // The run ends before the next frame: its last event is drawn, then the result.
      emit(ended('clock'));
      finish({ ok: true, value: { snapshot: { org: null }, diagnosis: diagnosis('client', []) } as unknown as CollectResult });
      await run;
      expect(store.getState().progress.clock).toEqual({ phase: 'finished', status: 'ok', ms: 1 });
      expect(store.getState().collecting).toBe('done');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('preselects the start choice from the diagnosed role unless the person chose one', async () => {
    const store = createAppStore(fakeBridge(diagnosis('manageOut', [])));
    await store.getState().startChecks();
    expect(store.getState()).toMatchObject({ startChoice: 'manageOut', words: 'helpdesk', startChoiceMade: false, technical: false });
    const chosen = createAppStore(fakeBridge(diagnosis('manageOut', [])));
    chosen.getState().chooseStart('client');
    await chosen.getState().startChecks();
    expect(chosen.getState().startChoice).toBe('client');
  });

  it('preselects the start choice from the launch-time role hint, for the same machine only; a client hint → client', async () => {
    const store = createAppStore(fakeBridge(diagnosis('client', []), null, {}, 'manageOut'));
    await store.getState().loadInfo();
    expect(store.getState().startChoice).toBe('manageOut');
    const other = createAppStore(fakeBridge(diagnosis('client', []), null, {}, 'manageOut'), 'healthy');
    await other.getState().loadInfo();
    expect(other.getState().startChoice).toBe('client');
    const chosen = createAppStore(fakeBridge(diagnosis('client', []), null, {}, 'manageOut'));
    chosen.getState().chooseStart('server');
    await chosen.getState().loadInfo();
    expect(chosen.getState().startChoice).toBe('server');
    const client = createAppStore(fakeBridge(diagnosis('client', []), null, {}, 'client'));
    client.getState().chooseStart('helpdesk');
    client.setState({ startChoiceMade: false }); // as if never chosen: the hint decides
    await client.getState().loadInfo();
    expect(client.getState()).toMatchObject({ startChoice: 'client', words: 'endUser' });
  });

  it('a helpdesk choice speaks helpdesk words and turns the technical view on; the person can turn it off again', () => {
    const store = createAppStore(fakeBridge(diagnosis('client', [])));
    expect(store.getState()).toMatchObject({ words: 'endUser', technical: false });
    store.getState().chooseStart('helpdesk');
    expect(store.getState()).toMatchObject({ startChoice: 'helpdesk', words: 'helpdesk', technical: true });
    store.getState().setTechnical(false);
    expect(store.getState().technical).toBe(false);
    store.getState().chooseStart('client');
    expect(store.getState()).toMatchObject({ words: 'endUser', technical: false });
  });

  it('the checks decide the role: an untrusted-root laptop marked "server" still reaches its one-click fix, with a mismatch', async () => {
    const { diagnosis: d, snapshot } = only('iphttps-untrusted-root', PINNED_ORG);
    const store = createAppStore(fakeBridge(d, snapshot?.org));
    store.getState().chooseStart('server');
    await store.getState().startChecks();
    expect(selectWalk(store.getState())?.current).toMatchObject({ kind: 'fix', fixes: ['import-root-ca'] });
    expect(selectRoleMismatch(store.getState())).toEqual({ chose: 'server', expected: 'server', found: 'client' });
  });

  it('a healthy laptop marked "server" is working, walked as a laptop; the helpdesk choice expects nothing, so no mismatch', async () => {
    const store = createAppStore(fakeBridge(diagnosis('client', [])));
    store.getState().chooseStart('server');
    await store.getState().startChecks();
    const w = selectWalk(store.getState())!;
    expect(w.current).toMatchObject({ kind: 'outcome', result: 'working' });
    expect(w.path.find((p) => p.node.id === 'role-client')?.status).toBe('info');
    expect(selectRoleMismatch(store.getState())).toMatchObject({ found: 'client' });
    store.getState().chooseStart('helpdesk');
    expect(selectRoleMismatch(store.getState())).toBeNull();
    store.getState().chooseStart('client');
    expect(selectRoleMismatch(store.getState())).toBeNull();
  });

  it('with a role the checks cannot tell, the start choice answers "What is this computer?"; helpdesk asks it', async () => {
    const offered = { ...finding('isatap-default-state-no-interface'), fixes: ['enable-isatap' as const] };
    const store = createAppStore(fakeBridge(diagnosis('unknown', [offered])));
    store.getState().chooseStart('manageOut');
    await store.getState().startChecks();
    expect(selectWalk(store.getState())?.current).toMatchObject({ kind: 'fix', fixes: ['enable-isatap'] });
    expect(selectRoleMismatch(store.getState())).toBeNull();
    store.getState().chooseStart('helpdesk');
    expect(selectWalk(store.getState())?.current).toMatchObject({ kind: 'question', question: 'role' });
    store.getState().answer('role', 'manageOut');
    expect(selectWalk(store.getState())?.current).toMatchObject({ kind: 'fix', fixes: ['enable-isatap'] });
  });

  it('names the probes that did not answer (stable while the result is the same), and the helpdesk from app info', async () => {
    const d = {
      ...diagnosis('client', []),
      probes: {
        teredo: { status: 'error' as const, ms: 3, message: 'boom' },
        nrpt: { status: 'timedOut' as const, ms: 9 },
        os: { status: 'ok' as const, ms: 1 },
      },
    };
    const store = createAppStore(fakeBridge(d, null, {}, null, { name: 'Contoso IT', phone: '+1 555 0100' }));
    expect(selectIncomplete(store.getState())).toEqual([]);
    await store.getState().loadInfo();
    expect(store.getState().helpdesk).toEqual({ name: 'Contoso IT', phone: '+1 555 0100' });
    await store.getState().startChecks();
    const first = selectIncomplete(store.getState());
    expect(first).toEqual(['nrpt', 'teredo']);
    expect(selectIncomplete(store.getState())).toBe(first);
  });

  it('answers move the walk on, and Back takes the last answer away', async () => {
    const store = createAppStore(fakeBridge(diagnosis('client', [finding('iphttps-server-unreachable')])));
    await store.getState().startChecks();
    expect(selectWalk(store.getState())?.current.id).toBe('captive');
    store.getState().answer('captivePortal', 'no');
    expect(selectWalk(store.getState())?.current).toMatchObject({ result: 'escalate', cause: 'iphttps-server-unreachable' });
    store.getState().back();
    expect(selectWalk(store.getState())?.current.id).toBe('captive');
  });

  it('skipping a fix takes the tree to its escalation', async () => {
    const c = { ctx: only('iphttps-untrusted-root', PINNED_ORG) };
    const store = createAppStore(fakeBridge(c.ctx.diagnosis, c.ctx.snapshot?.org));
    await store.getState().startChecks();
    expect(selectWalk(store.getState())?.current.kind).toBe('fix');
    expect(store.getState().canApplyFixes).toBe(true);
    store.getState().skipFixes(['import-root-ca']);
    expect(selectWalk(store.getState())?.current).toMatchObject({ kind: 'outcome', result: 'escalate' });
  });

  it('a failed import stays on the checks screen with the message', async () => {
    const store = createAppStore(fakeBridge(diagnosis('client', [])));
    await store.getState().openSnapshot('{}');
    expect(store.getState()).toMatchObject({ screen: 'checks', collecting: 'failed', collectError: 'not a snapshot' });
  });

  it('a verified fix shows the verify screen, then the tree takes its next step; Back cannot undo it', async () => {
    const bridge = fakeBridge(diagnosis('client', [finding('ip-helper-stopped')]));
    const store = createAppStore(bridge);
    await store.getState().startChecks();
    const node = selectWalk(store.getState())!.current as FixNode;
    expect(node).toMatchObject({ kind: 'fix', fixes: ['start-ip-helper'] });
    await store.getState().previewFix('start-ip-helper', {});
    expect(store.getState().previews['start-ip-helper']).toMatchObject({ status: 'ready', preview: { commands: ['c'] } });
    await store.getState().applyFixes(node, {});
    expect(bridge.requests).toContainEqual({ run: { fixId: 'start-ip-helper', params: {}, confirmed: true } });
    const s = store.getState();
    expect(s.verifying?.runIds).toHaveLength(1);
    expect(s.fixResults).toEqual({ 'start-ip-helper': 'verified' });
    expect(selectWalk(s)?.current).toMatchObject({ kind: 'outcome', result: 'fixed' });
    s.back();
    expect(store.getState().fixResults).toEqual({ 'start-ip-helper': 'verified' });
    s.continueAfterVerify();
    expect(store.getState().verifying).toBeNull();
  });

  it('two fixes of one step run in order; one not made stops the rest, and the tree escalates', async () => {
    const bridge = fakeBridge(diagnosis('client', [finding('iphttps-proxy')]), null, {
      'reset-winhttp-proxy': { outcome: 'cancelled', elevation: 'declined', verified: false, auditId: null },
    });
    const store = createAppStore(bridge);
    await store.getState().startChecks();
    const node = selectWalk(store.getState())!.current as FixNode;
    expect(node.fixes).toEqual(['reset-winhttp-proxy', 'clear-iphlpsvc-proxy-cache']);
    await store.getState().applyFixes(node, {});
    expect(bridge.requests.filter((r) => 'run' in (r as object))).toHaveLength(1);
    expect(store.getState().fixResults).toEqual({ 'reset-winhttp-proxy': 'declined', 'clear-iphlpsvc-proxy-cache': 'skipped' });
    expect(selectWalk(store.getState())?.current).toMatchObject({ kind: 'outcome', result: 'escalate' });
    // Declined: try again takes the results away and shows the fix again.
    store.getState().retryFixes();
    expect(store.getState().verifying).toBeNull();
    expect(selectWalk(store.getState())?.current.kind).toBe('fix');
  });

  it('a fix applied but not verified takes the failed branch; a bridge error is a failed run', async () => {
    const bridge = fakeBridge(diagnosis('client', [finding('iphttps-revocation-offline')]), null, { 'clear-crl-cache': { verified: false } });
    const store = createAppStore(bridge);
    await store.getState().startChecks();
    await store.getState().applyFixes(selectWalk(store.getState())!.current as FixNode, {});
    expect(selectWalk(store.getState())?.current).toMatchObject({ result: 'escalate', cause: 'iphttps-revocation-offline' });

    const down = createAppStore(fakeBridge(diagnosis('client', [finding('clock-skew')]), null, { 'resync-time': null as never }));
    await down.getState().startChecks();
    await down.getState().applyFixes(selectWalk(down.getState())!.current as FixNode, {});
    expect(down.getState().runs[0]?.result).toMatchObject({ outcome: 'failed', reason: { code: 'failed.bridge', values: { message: 'main is down' } } });
    expect(down.getState().fixResults).toEqual({ 'resync-time': 'failed' });
  });

  it('a picked certificate is inspected, previewed with its content, and the import runs with it', async () => {
    const c = { ctx: only('iphttps-untrusted-root') };
    const bridge = fakeBridge(c.ctx.diagnosis, c.ctx.snapshot?.org);
    const store = createAppStore(bridge);
    await store.getState().startChecks();
    store.getState().answer('rootFile', 'yes');
    const node = selectWalk(store.getState())!.current as FixNode;
    expect(node.params).toEqual({ source: 'file' });
    await store.getState().pickCertificate('import-root-ca', 'bad.cer', 'bad');
    expect(store.getState().certificate).toMatchObject({ status: 'ready', info: { matchesChainRoot: false } });
    expect(store.getState().previews['import-root-ca']?.preview?.refusal).toEqual(NOT_THE_ROOT);
    await store.getState().pickCertificate('import-root-ca', 'root.cer', 'QUJD');
    expect(store.getState().previews['import-root-ca']?.preview?.refusal).toBeNull();
    await store.getState().applyFixes(node, { certificate: 'QUJD' });
    expect(bridge.requests).toContainEqual({ run: { fixId: 'import-root-ca', params: { certificate: 'QUJD' }, confirmed: true } });
  });

  it('undo calls fix:undo with the run’s audit id', async () => {
    const bridge = fakeBridge(diagnosis('client', [finding('iphttps-proxy')]));
    const store = createAppStore(bridge);
    await store.getState().startChecks();
    await store.getState().applyFixes(selectWalk(store.getState())!.current as FixNode, {});
    const run = store.getState().runs[0]!;
    expect(selectWalk(store.getState())?.current).toMatchObject({ kind: 'outcome', result: 'fixed' });
    await store.getState().undoRun(run.id);
    expect(bridge.requests).toContainEqual({ undo: { auditId: 'a-reset-winhttp-proxy', confirmed: true } });
    expect(store.getState().runs[0]?.undo?.status).toBe('done');
    // Undone: the change no longer counts, so the walk does not end in "fixed" any more.
    expect(store.getState().fixResults['reset-winhttp-proxy']).toBe('undone');
    const w = selectWalk(store.getState())!;
    expect(w.current).toMatchObject({ kind: 'outcome', result: 'escalate', cause: 'iphttps-proxy' });
    expect(w.path.find((p) => p.node.id === 'fix-proxy')?.status).toBe('undone');
  });

  it('an undo from the history of a fix run in this session also takes the fix back from the walk', async () => {
    const store = createAppStore(fakeBridge(diagnosis('client', [finding('ip-helper-stopped')])));
    await store.getState().startChecks();
    await store.getState().applyFixes(selectWalk(store.getState())!.current as FixNode, {});
    expect(selectWalk(store.getState())?.current).toMatchObject({ result: 'fixed' });
    await store.getState().undoAudit('a-start-ip-helper');
    expect(selectWalk(store.getState())?.current).toMatchObject({ result: 'escalate' });
  });
});

describe('stopping the checks', () => {
  it('asks main to stop that run, and shows what the run learned as its result (the guide)', async () => {
    let finish: (r: Awaited<ReturnType<Bridge['collectRun']>>) => void = () => {};
    const cancels: unknown[] = [];
    const base = fakeBridge(diagnosis('client', []));
    const bridge: Bridge = {
      ...base,
      collectRun: () => new Promise((resolve) => (finish = resolve)),
      collectCancel: async (req) => {
        cancels.push(req);
        return { ok: true, value: { cancelled: true } };
      },
    };
    const store = createAppStore(bridge);
    const running = store.getState().startChecks();
    const runId = store.getState().runId;
    expect(store.getState().screen).toBe('checks');
    await store.getState().cancelChecks();
    expect(cancels).toEqual([{ runId }]);
    // Main answers the stopped run with a partial result: it is shown, not thrown away.
    const partial = diagnosis('client', []);
    finish({ ok: true, value: { snapshot: { org: null }, diagnosis: partial } as unknown as CollectResult });
    await running;
    expect(store.getState()).toMatchObject({ screen: 'guide', collecting: 'done', collectError: null });
    expect(store.getState().result?.diagnosis).toBe(partial);
  });
});
