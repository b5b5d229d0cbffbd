/**
 * Derived state the first screens need (who to call, which probes did not answer, the verify screen's runs, a role
 * the checks contradict). The walk through the decision tree is in walk.ts, which loads with the guide.
 */
import type { Role } from '../../src-shared/finding';
import { incompleteProbes } from '../../src-shared/incomplete';
import type { SectionName } from '../../src-shared/sectionNames';
import type { StartChoice } from '../../src-shared/tree';
import { START_CHOICES } from '../lib/labels';
import type { Helpdesk } from '../../src-shared/orgConfig';
import type { FixRun } from './fixSlice';
import type { AppState } from './types';

/** The person's start choice expected one role, the checks found another; the wizard follows the checks. */
export interface RoleMismatch {
  chose: StartChoice;
  expected: Role;
  found: Role;
}

let lastMismatch: { key: unknown[]; value: RoleMismatch | null } = { key: [], value: null };

/** Non-null when the role the person's start choice expects contradicts a role the checks derived (memoised). */
export function selectRoleMismatch(s: AppState): RoleMismatch | null {
  const key = [s.result, s.startChoice, s.startChoiceMade];
  if (key.every((k, i) => k === lastMismatch.key[i])) return lastMismatch.value;
  const expected = s.startChoiceMade ? START_CHOICES[s.startChoice].expects : undefined;
  const found = s.result?.diagnosis.role;
  const value = expected && found && found !== 'unknown' && found !== expected ? { chose: s.startChoice, expected, found } : null;
  lastMismatch = { key, value };
  return value;
}

const NONE: SectionName[] = [];
let lastIncomplete: { result: unknown; value: SectionName[] } = { result: null, value: NONE };

/** The probes that timed out or failed in the current diagnosis (memoised; empty when all answered or before a run). */
export function selectIncomplete(s: AppState): SectionName[] {
  if (s.result === lastIncomplete.result) return lastIncomplete.value;
  const found = s.result ? incompleteProbes(s.result.diagnosis) : NONE;
  lastIncomplete = { result: s.result, value: found.length ? found : NONE };
  return lastIncomplete.value;
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

/**
 * Who to call: the helpdesk of the organisation the checks ran under (on the practice computer, the scenario's; for
 * another computer's results, this computer's trusted configuration, which main puts in their place), else main's.
 */
export function selectHelpdesk(s: AppState): Helpdesk | null {
  return s.result?.snapshot.org?.helpdesk ?? s.helpdesk;
}
