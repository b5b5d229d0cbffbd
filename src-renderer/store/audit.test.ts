/** The audit log in the store: loading it, undo from the log (any session), and which records can be undone. */
import { describe, expect, it } from 'vitest';
import type { Bridge } from '../bridge';
import type { AuditRecord, FixRunResult } from '../../src-shared/ipc';
import { reason } from '../../src-shared/reasons';
import type { FixNode } from '../../src-shared/tree';
import { auditRecord } from '../../test-support/auditRecord';
import { diagnosis, finding } from '../../test-support/treeFixtures';
import { canUndoRecord } from '../lib/fixes';
import { createAppStore } from './index';
import { selectWalk } from './walk';

/** An audit record: an applied, verified start-ip-helper with undo data unless `over` says otherwise. */
function record(id: string, over: Partial<AuditRecord> = {}): AuditRecord {
  return auditRecord(id, {
    time: '2025-01-02T03:04:05.000Z',
    user: 'CONTOSO\\ann',
    machine: 'LAPTOP-1',
    before: 'Stopped',
    after: 'Running',
    undoData: { startType: 'Disabled' },
    ...over,
  });
}

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
    auditId: 'a-1',
    ...over,
  };
}

/**
 * A bridge double with a real little log: fix:run appends, fix:undo appends an undo record (or fails as told) and
 * audit:list answers newest first with undoneBy, like main's AuditLog.
 */
function logBridge(initial: AuditRecord[] = [], opts: { listFails?: () => boolean; undo?: 'fails' | 'refused' } = {}) {
  const log: AuditRecord[] = [...initial]; // oldest first
  const calls: string[] = [];
  let n = 0;
  const bridge = {
    transport: 'http',
    canFix: true,
    appInfo: async () => ({ ok: false, error: { code: 'failed', message: 'unused' } }),
    collectRun: async () => ({ ok: true, value: { snapshot: { org: null }, diagnosis: diagnosis('client', [finding('ip-helper-stopped')]) } }),
    snapshotImport: async () => ({ ok: false, error: { code: 'badInput', message: 'unused' } }),
    fixPreview: async () => ({ ok: false, error: { code: 'failed', message: 'unused' } }),
    certificateInspect: async () => ({ ok: false, error: { code: 'failed', message: 'unused' } }),
    onCollectProgress: () => () => undefined,
    fixRun: async (req: { fixId: string }) => {
      calls.push(`run ${req.fixId}`);
      const id = `fix-${++n}`;
      log.push(record(id, { fix: req.fixId as AuditRecord['fix'] }));
      return { ok: true, value: runResult(req.fixId as FixRunResult['fix'], { auditId: id }) };
    },
    fixUndo: async (req: { auditId: string }): ReturnType<Bridge['fixUndo']> => {
      calls.push(`undo ${req.auditId}`);
      if (opts.undo === 'fails') return { ok: false, error: { code: 'failed', message: 'main is down' } };
      const id = `undo-${++n}`;
      const outcome = opts.undo === 'refused' ? 'refused' : 'applied';
      log.push(record(id, { kind: 'undo', outcome, params: { undoes: req.auditId }, undoData: null }));
      return {
        ok: true,
        value: runResult('start-ip-helper', {
          outcome,
          auditId: id,
          reason:
            outcome === 'refused' ? reason('refused.alreadyUndone', { auditId: 'undo-0' }) : reason('fix.undone', { changed: 'the previous setting is back' }),
        }),
      };
    },
    auditList: async (): ReturnType<Bridge['auditList']> => {
      calls.push('list');
      if (opts.listFails?.()) return { ok: false, error: { code: 'failed', message: 'cannot read the log' } };
      const undoneBy = new Map(log.filter((r) => r.kind === 'undo' && r.outcome === 'applied').map((r) => [r.params.undoes!, r.id]));
      return { ok: true, value: log.map((r) => (undoneBy.has(r.id) ? { ...r, undoneBy: undoneBy.get(r.id) } : r)).reverse() };
    },
  };
  return { bridge: bridge as unknown as Bridge, log, calls };
}

describe('the audit log in the store', () => {
  it('which records offer undo: applied fixes with undo data, whose fix has an undo, not undone yet', () => {
    expect(canUndoRecord(record('a'))).toBe(true);
    expect(canUndoRecord(record('a', { undoneBy: 'b' }))).toBe(false);
    expect(canUndoRecord(record('a', { undoneBy: null }))).toBe(true);
    expect(canUndoRecord(record('a', { undoData: null }))).toBe(false);
    expect(canUndoRecord(record('a', { outcome: 'failed' }))).toBe(false);
    expect(canUndoRecord(record('a', { kind: 'undo', params: { undoes: 'x' } }))).toBe(false);
    // restart-ip-helper has no undo in the catalogue, whatever the record holds.
    expect(canUndoRecord(record('a', { fix: 'restart-ip-helper' }))).toBe(false);
  });

  it('loads the log, newest first; an empty log is an empty list, not null', async () => {
    const empty = createAppStore(logBridge().bridge);
    expect(empty.getState().audit).toBeNull();
    const loading = empty.getState().loadAudit();
    expect(empty.getState().auditLoading).toBe(true);
    await loading;
    expect(empty.getState()).toMatchObject({ audit: [], auditLoading: false, auditError: null });

    const store = createAppStore(logBridge([record('old', { time: '2025-01-01T00:00:00Z' }), record('new')]).bridge);
    await store.getState().loadAudit();
    expect(store.getState().audit?.map((r) => r.id)).toEqual(['new', 'old']);
  });

  it('a failed load is shown (auditError) and keeps the last list; the next load clears it', async () => {
    let fail = false;
    const store = createAppStore(logBridge([record('a')], { listFails: () => fail }).bridge);
    await store.getState().loadAudit();
    fail = true;
    await store.getState().loadAudit();
    expect(store.getState()).toMatchObject({ auditError: 'cannot read the log', auditLoading: false });
    expect(store.getState().audit).toHaveLength(1);
    fail = false;
    await store.getState().loadAudit();
    expect(store.getState().auditError).toBeNull();
  });

  it('only the latest of two overlapping loads is kept', async () => {
    const { bridge } = logBridge([record('a')]);
    let release: (() => void) | undefined;
    const real = bridge.auditList;
    let first = true;
    bridge.auditList = async () => {
      if (first) {
        first = false;
        await new Promise<void>((r) => (release = r));
        return { ok: true, value: [] };
      }
      return real();
    };
    const store = createAppStore(bridge);
    const slow = store.getState().loadAudit();
    await store.getState().loadAudit();
    release!();
    await slow;
    expect(store.getState().audit?.map((r) => r.id)).toEqual(['a']);
  });

  it('undo from the log calls fix:undo with the record’s id, then reloads: the record shows as undone', async () => {
    const { bridge, calls } = logBridge([record('earlier-session')]);
    const store = createAppStore(bridge);
    await store.getState().loadAudit();
    const undoing = store.getState().undoAudit('earlier-session');
    expect(store.getState().auditUndos['earlier-session']?.status).toBe('running');
    // A second click while it runs asks nothing more.
    await store.getState().undoAudit('earlier-session');
    await undoing;
    expect(calls.filter((c) => c.startsWith('undo'))).toEqual(['undo earlier-session']);
    expect(calls[calls.length - 1]).toBe('list');
    const s = store.getState();
    expect(s.auditUndos['earlier-session']).toMatchObject({ status: 'done', result: { outcome: 'applied' } });
    expect(s.audit?.[0]).toMatchObject({ kind: 'undo', params: { undoes: 'earlier-session' } });
    const undone = s.audit?.find((r) => r.id === 'earlier-session');
    expect(undone?.undoneBy).toBe(s.audit?.[0]?.id);
    expect(canUndoRecord(undone!)).toBe(false);
  });

  it('an undo that main refuses or a bridge error is shown as failed, with the reason', async () => {
    const refused = createAppStore(logBridge([record('a')], { undo: 'refused' }).bridge);
    await refused.getState().undoAudit('a');
    expect(refused.getState().auditUndos.a).toMatchObject({ status: 'failed', error: 'Refused: it was already undone (audit id undo-0)' });
    expect(refused.getState().audit?.find((r) => r.id === 'a')?.undoneBy).toBeUndefined();

    const down = createAppStore(logBridge([record('a')], { undo: 'fails' }).bridge);
    await down.getState().undoAudit('a');
    expect(down.getState().auditUndos.a).toMatchObject({ status: 'failed', error: 'main is down' });
  });

  it('undo from the log of a fix of this session marks that run undone too; undo of a run reloads a loaded log', async () => {
    const { bridge, calls } = logBridge();
    const store = createAppStore(bridge);
    await store.getState().startChecks();
    const node = selectWalk(store.getState())!.current as FixNode;
    await store.getState().applyFixes(node, {});
    const run = store.getState().runs[0]!;
    await store.getState().undoAudit(run.result.auditId!);
    expect(store.getState().runs[0]?.undo?.status).toBe('done');

    await store.getState().applyFixes(node, {});
    const second = store.getState().runs[1]!;
    const lists = calls.filter((c) => c === 'list').length;
    await store.getState().undoRun(second.id);
    expect(calls.filter((c) => c === 'list')).toHaveLength(lists + 1);
    expect(store.getState().audit?.find((r) => r.id === second.result.auditId)?.undoneBy).toBeTruthy();
  });
});
