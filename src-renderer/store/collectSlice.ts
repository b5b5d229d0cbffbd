/** Collection: one run of the probes with its live progress, and the snapshot + diagnosis it produced. */
import type { Bridge } from '../bridge';
import type { CollectProgress, CollectResult } from '../../src-shared/ipc';
import { frameBatch } from '../lib/frameBatch';
import type { ProbeStatus, SectionName } from '../../src-shared/snapshot';
import type { Slice } from './types';

/** One probe's progress as the checks screen shows it. */
export interface ProbeProgress {
  phase: 'waiting' | 'running' | 'finished';
  status?: ProbeStatus;
  ms?: number;
}

/** Collection state and actions. */
export interface CollectSlice {
  runId: string | null;
  collecting: 'idle' | 'running' | 'done' | 'failed';
  progress: Partial<Record<SectionName, ProbeProgress>>;
  total: number;
  /** The longest the rest of the run can take (each remaining probe's full timeout), from main; null before it says. */
  estimateSeconds: number | null;
  result: CollectResult | null;
  /** True when the result is a snapshot of another computer: its fixes must not run here. */
  imported: boolean;
  collectError: string | null;
  /**
   * The simulated scenario the harness last loaded for this page. Checks run again on the same machine (after a
   * fix) do not reload it, or they would undo the fix; a new choice or Start over does.
   */
  loadedScenario: string | null;
  /** Runs the probes (on the simulated host: of the chosen scenario) and diagnoses; resolves when done. */
  runChecks: () => Promise<void>;
  /** Stops the running collection: main abandons the probes still running and the run ends with what was learned. */
  cancelChecks: () => Promise<void>;
  /** Diagnoses a snapshot saved on another machine (the JSON text of its file). */
  importSnapshot: (text: string) => Promise<void>;
}

let counter = 0;
const newRunId = () => `run-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** Creates the collect slice over this bridge. */
export const createCollectSlice =
  (bridge: Bridge): Slice<CollectSlice> =>
  (set, get) => ({
    runId: null,
    imported: false,
    collecting: 'idle',
    progress: {},
    total: 0,
    estimateSeconds: null,
    result: null,
    collectError: null,
    loadedScenario: null,
    runChecks: async () => {
      const runId = newRunId();
      set({ runId, collecting: 'running', progress: {}, total: 0, estimateSeconds: null, collectError: null, imported: false });
      // Events that arrive together (one poll of the pool ends several probes) are drawn in one render per frame: the
      // checks screen re-rendering for each would take the CPU the probes themselves need (issue 12).
      const progress = frameBatch<CollectProgress>((ps) => {
        const mine = ps.filter((p) => p.runId === get().runId); // a late event of an earlier run is dropped
        if (mine.length === 0) return;
        set((s) => {
          const next = { ...s.progress };
          for (const p of mine) next[p.section] = p.phase === 'started' ? { phase: 'running' } : { phase: 'finished', status: p.status, ms: p.ms };
          const last = mine[mine.length - 1]!;
          const estimate = mine.findLast((p) => p.estimateSeconds !== undefined)?.estimateSeconds;
          return { total: last.total, progress: next, ...(estimate !== undefined ? { estimateSeconds: estimate } : {}) };
        });
      });
      const unsubscribe = bridge.onCollectProgress(progress.add);
      try {
        const chosen = get().scenario;
        const scenario = chosen && chosen !== get().loadedScenario ? chosen : null;
        const r = await bridge.collectRun(scenario ? { runId, scenario } : { runId });
        progress.flush();
        if (get().runId !== runId) return;
        if (r.ok) set({ collecting: 'done', result: r.value, ...(scenario ? { loadedScenario: scenario } : {}) });
        else set({ collecting: 'failed', collectError: r.error.message });
      } finally {
        unsubscribe();
        progress.flush();
      }
    },
    cancelChecks: async () => {
      const runId = get().runId;
      // Main stops the probes and answers the run with what they learned; runChecks then shows it as any result.
      if (runId) await bridge.collectCancel?.({ runId });
    },
    importSnapshot: async (text) => {
      set({ runId: null, collecting: 'running', progress: {}, total: 0, collectError: null });
      const r = await bridge.snapshotImport({ text });
      if (r.ok) set({ collecting: 'done', result: r.value, imported: true });
      else set({ collecting: 'failed', collectError: r.error.message });
    },
  });
