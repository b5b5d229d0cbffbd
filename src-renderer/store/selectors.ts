/** Derived state: the walk through the decision tree for the current diagnosis, answers and fix results. */
import { TREE, walk, type Walk, type WalkContext } from '../../src-shared/tree';
import type { FixRun } from './fixSlice';
import type { AppState } from './types';

let last: { key: unknown[]; value: Walk | null } = { key: [], value: null };

/** The wizard's path (memoised on its inputs, so components re-render only when it changes); null before a run. */
export function selectWalk(s: AppState): Walk | null {
  const key = [s.result, s.answers, s.fixResults, s.audienceChosen, s.audience];
  if (key.length === last.key.length && key.every((k, i) => k === last.key[i])) return last.value;
  let value: Walk | null = null;
  if (s.result) {
    const answers = s.audienceChosen ? { ...s.answers, audience: s.audience } : s.answers;
    const ctx: WalkContext = { diagnosis: s.result.diagnosis, snapshot: s.result.snapshot, answers, fixResults: s.fixResults };
    value = walk(TREE, ctx);
  }
  last = { key, value };
  return value;
}

let lastRuns: { runs: unknown; verifying: unknown; value: FixRun[] | null } = { runs: null, verifying: null, value: null };

/** The runs the verify screen shows (memoised), or null when it is not up. */
export function selectVerifyRuns(s: AppState): FixRun[] | null {
  if (s.runs === lastRuns.runs && s.verifying === lastRuns.verifying) return lastRuns.value;
  const ids = s.verifying?.runIds;
  const value = ids ? s.runs.filter((r) => ids.includes(r.id)) : null;
  lastRuns = { runs: s.runs, verifying: s.verifying, value };
  return value;
}
