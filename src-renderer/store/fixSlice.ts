/**
 * Fixes: previews, the certificate the person picked, running the fixes of a tree step, undo and the audit log.
 * The only callers of the fix verbs of the bridge. Each run's outcome is recorded in the wizard's `fixResults`, so
 * the tree takes its next step (verify → fixed, the next fix, or escalate); the verify screen shows the runs first.
 */
import type { Bridge } from '../bridge';
import type { FixId } from '../../src-shared/ids';
import type { AuditRecord, CertificateInfo, FixPreview, FixRunResult } from '../../src-shared/ipc';
import type { FixNode, FixOutcome, NodeId } from '../../src-shared/tree';
import type { Slice } from './types';
import { reason } from '../../src-shared/reasons';

/** A fix's preview for given parameters (`key` names them, so a late reply for other parameters is dropped). */
export interface PreviewState {
  key: string;
  status: 'loading' | 'ready' | 'failed';
  preview?: FixPreview;
  error?: string;
}

/** The certificate file the person picked for an import, as main read it. */
export interface CertificatePick {
  name: string;
  contentB64: string;
  status: 'inspecting' | 'ready' | 'failed';
  info?: CertificateInfo;
  error?: string;
}

/** One fix run of this session, with its undo when one was asked for. */
export interface FixRun {
  id: number;
  nodeId: NodeId;
  params: Record<string, string>;
  result: FixRunResult;
  undo?: { status: 'running' | 'done' | 'failed'; result?: FixRunResult; error?: string };
}

/** An undo asked for from the audit log (the history on the start screen), by audit id. */
export interface AuditUndo {
  status: 'running' | 'done' | 'failed';
  result?: FixRunResult;
  error?: string;
}

/** Fix state and actions. */
export interface FixSlice {
  /** Whether one-click fixes are available (the bridge has the fix verbs). */
  canApplyFixes: boolean;
  previews: Partial<Record<FixId, PreviewState>>;
  certificate: CertificatePick | null;
  /** The fix running now (the fix screen's busy state). */
  applying: FixId | null;
  /** Every fix run of this session, oldest first (the outcome screen lists them, with undo). */
  runs: FixRun[];
  /** The verify screen is up for the runs of this fix step until the person continues. */
  verifying: { nodeId: NodeId; runIds: number[] } | null;
  /** The audit log of this machine, newest first, as last loaded (null before the first load). */
  audit: AuditRecord[] | null;
  auditLoading: boolean;
  auditError: string | null;
  /** Undos asked for from the audit log, by audit id. */
  auditUndos: Record<string, AuditUndo>;
  /** Asks main what this fix will do with these parameters. */
  previewFix: (fixId: FixId, params: Record<string, string>) => Promise<void>;
  /** Reads a picked certificate file (base64) in main; then previews the import with it. */
  pickCertificate: (fixId: FixId, name: string, contentB64: string) => Promise<void>;
  /** A file the page itself refused (too large, unreadable): shown like main's refusal. */
  certificateError: (name: string, message: string) => void;
  /** Runs the step's fixes in order, after the person confirmed; stops at the first that did not apply. */
  applyFixes: (node: FixNode, params: Record<string, string>) => Promise<void>;
  /** Leaves the verify screen for the tree's next step. */
  continueAfterVerify: () => void;
  /** After a declined, timed-out or failed run: forget it and show the fix screen again. */
  retryFixes: () => void;
  /** Undoes a run recorded in the audit log (the person confirmed). */
  undoRun: (runId: number) => Promise<void>;
  /** (Re)loads the audit log; a failure keeps the last list and sets `auditError`. */
  loadAudit: () => Promise<void>;
  /** Undoes a fix recorded in the audit log, from any session (the person confirmed); then reloads the log. */
  undoAudit: (auditId: string) => Promise<void>;
  /** Forgets previews, the picked certificate and the verify screen (a new collection or a new start). */
  resetFixState: () => void;
}

/** How a run ends for the tree. */
export function fixOutcome(r: FixRunResult): FixOutcome {
  if (r.outcome === 'applied') return r.verified ? 'verified' : 'notVerified';
  if (r.outcome === 'cancelled') return 'declined';
  return 'failed';
}

/** Whether the person can usefully try again (nothing was changed, and it was not refused). */
export function canRetry(r: FixRunResult): boolean {
  return r.outcome === 'cancelled' || (r.outcome === 'failed' && r.elevation === 'failed');
}

const paramsKey = (fixId: FixId, params: Record<string, string>) =>
  `${fixId}:${Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]!.length}:${params[k]!.slice(0, 64)}`)
    .join('&')}`;

/** A run that never reached main (the bridge failed): shown like a failed fix, nothing known to have changed. */
function bridgeFailure(fix: FixId, message: string): FixRunResult {
  return {
    fix,
    outcome: 'failed',
    elevation: 'notNeeded',
    verified: false,
    reason: reason('failed.bridge', { message }),
    before: null,
    after: null,
    rebootRequired: false,
    diagnosis: null,
    auditId: null,
  };
}

let nextRunId = 1;
/** Numbers each audit load, so only the latest answer is kept. */
let auditLoads = 0;

/**
 * How an undo ended, as the lists show it. The words come with the fix catalogue, which the first screen does not
 * load: by the time anything is undone, the history or the guide has loaded it.
 */
async function undoState(r: Awaited<ReturnType<Bridge['fixUndo']>>): Promise<AuditUndo> {
  if (!r.ok) return { status: 'failed', error: r.error.message };
  if (r.value.outcome === 'applied') return { status: 'done', result: r.value };
  const { resultReasonText } = await import('../../src-shared/reasonWords');
  return { status: 'failed', result: r.value, error: resultReasonText(r.value.reason) };
}

/** Creates the fix slice over this bridge. */
export const createFixSlice =
  (bridge: Bridge): Slice<FixSlice> =>
  (set, get) => {
    // An undone fix no longer counts as applied: the walk takes the step's not-applied branch, never `fixed`.
    const markUndone = (fixes: FixId[]) => {
      const present = fixes.filter((f) => get().fixResults[f] !== undefined);
      if (present.length) set((s) => ({ fixResults: { ...s.fixResults, ...Object.fromEntries(present.map((f) => [f, 'undone' as const])) } }));
    };
    return {
      canApplyFixes: bridge.canFix,
      previews: {},
      certificate: null,
      applying: null,
      runs: [],
      verifying: null,
      audit: null,
      auditLoading: false,
      auditError: null,
      auditUndos: {},
      previewFix: async (fixId, params) => {
        const key = paramsKey(fixId, params);
        const current = get().previews[fixId];
        if (current?.key === key && current.status !== 'failed') return;
        set((s) => ({ previews: { ...s.previews, [fixId]: { key, status: 'loading' } } }));
        const r = await bridge.fixPreview({ fixId, params });
        if (get().previews[fixId]?.key !== key) return; // parameters changed meanwhile
        set((s) => ({
          previews: { ...s.previews, [fixId]: r.ok ? { key, status: 'ready', preview: r.value } : { key, status: 'failed', error: r.error.message } },
        }));
      },
      pickCertificate: async (fixId, name, contentB64) => {
        set((s) => {
          const { [fixId]: _dropped, ...previews } = s.previews;
          return { certificate: { name, contentB64, status: 'inspecting' }, previews };
        });
        const r = await bridge.certificateInspect({ name, contentB64 });
        if (get().certificate?.contentB64 !== contentB64) return; // another file was picked meanwhile
        if (!r.ok) return set({ certificate: { name, contentB64, status: 'failed', error: r.error.message } });
        set({ certificate: { name, contentB64, status: 'ready', info: r.value } });
        await get().previewFix(fixId, { certificate: contentB64 });
      },
      certificateError: (name, message) => set({ certificate: { name, contentB64: '', status: 'failed', error: message } }),
      applyFixes: async (node, params) => {
        if (get().applying) return;
        const results: Partial<Record<FixId, FixOutcome>> = {};
        const runIds: number[] = [];
        let stopped = false;
        for (const fixId of node.fixes) {
          if (stopped) {
            results[fixId] = 'skipped';
            continue;
          }
          set({ applying: fixId });
          const own = node.params?.source === 'file' ? params : {};
          const r = await bridge.fixRun({ fixId, params: own, confirmed: true });
          const result = r.ok ? r.value : bridgeFailure(fixId, r.error.message);
          const run: FixRun = { id: nextRunId++, nodeId: node.id, params: own, result };
          runIds.push(run.id);
          set((s) => ({ runs: [...s.runs, run] }));
          results[fixId] = fixOutcome(result);
          // A fix that was not made ends the attempt: the later fixes of the step build on it.
          if (result.outcome !== 'applied') stopped = true;
        }
        set({ applying: null, verifying: { nodeId: node.id, runIds } });
        get().recordFixes(results, true);
      },
      continueAfterVerify: () => set({ verifying: null }),
      retryFixes: () => {
        set({ verifying: null });
        get().back(true);
      },
      undoRun: async (runId) => {
        const run = get().runs.find((r) => r.id === runId);
        if (!run?.result.auditId || run.undo?.status === 'running') return;
        const patch = (undo: FixRun['undo']) => set((s) => ({ runs: s.runs.map((r) => (r.id === runId ? { ...r, undo } : r)) }));
        patch({ status: 'running' });
        const r = await bridge.fixUndo({ auditId: run.result.auditId, confirmed: true });
        const state = await undoState(r);
        patch(state);
        if (state.status === 'done') markUndone([run.result.fix]);
        // The history, when it was loaded, shows the undo too.
        if (get().audit !== null) await get().loadAudit();
      },
      loadAudit: async () => {
        const load = ++auditLoads;
        set({ auditLoading: true });
        const r = await bridge.auditList();
        if (load !== auditLoads) return; // a later load answers instead
        set(r.ok ? { audit: r.value, auditLoading: false, auditError: null } : { auditLoading: false, auditError: r.error.message });
      },
      undoAudit: async (auditId) => {
        if (get().auditUndos[auditId]?.status === 'running') return;
        const patch = (u: AuditUndo) => set((s) => ({ auditUndos: { ...s.auditUndos, [auditId]: u } }));
        patch({ status: 'running' });
        const r = await bridge.fixUndo({ auditId, confirmed: true });
        const state = await undoState(r);
        patch(state);
        // A run of this session with that audit id is undone too (the outcome screen says so).
        set((s) => ({ runs: s.runs.map((run) => (run.result.auditId === auditId ? { ...run, undo: state } : run)) }));
        if (state.status === 'done')
          markUndone(
            get()
              .runs.filter((run) => run.result.auditId === auditId)
              .map((run) => run.result.fix),
          );
        await get().loadAudit();
      },
      resetFixState: () => set({ previews: {}, certificate: null, verifying: null, applying: null }),
    };
  };
