/**
 * The wizard: which screen is up, who it is for, and the user's answers and fix results that the decision tree
 * walks over (the path itself is derived, see selectors.ts).
 */
import type { FixId } from '../../src-shared/ids';
import type { Role } from '../../src-shared/finding';
import type { FixOutcome, StartChoice } from '../../src-shared/tree';
import { START_CHOICES, type Words } from '../lib/labels';
import type { Slice } from './types';

/** The screens of the wizard; the guide shows the path and its current step (question, fix, verify, outcome). */
export type Screen = 'start' | 'checks' | 'guide';

/** What Back can take away: an answer, or fix results (not those of fixes that ran: the machine changed). */
export type HistoryEntry = { answer: string } | { fixes: FixId[]; applied?: boolean };

/** Wizard state and actions. */
export interface WizardSlice {
  screen: Screen;
  /** The start screen's choice (preselected from the launch-time role hint, or the last diagnosed role). */
  startChoice: StartChoice;
  /**
   * True once the person picked it; only then may it pre-answer "What is this computer?", and only when the checks
   * cannot tell the role (it never overrides a diagnosed role: see selectRoleMismatch).
   */
  startChoiceMade: boolean;
  /** The words of the start choice (START_CHOICES[startChoice].words), kept with it. */
  words: Words;
  answers: Record<string, string>;
  fixResults: Partial<Record<FixId, FixOutcome>>;
  history: HistoryEntry[];
  /** The person picks a start choice; a helpdesk one also turns the technical view on (it can be turned off again). */
  chooseStart: (c: StartChoice) => void;
  /** Leaves the start screen: runs the checks, then shows the guide. */
  startChecks: () => Promise<void>;
  /** Imports a snapshot file and shows its guide. */
  openSnapshot: (text: string) => Promise<void>;
  answer: (question: string, value: string) => void;
  /** The user does not apply these fixes now (declined, or chose the report): the tree takes its next step. */
  skipFixes: (fixes: FixId[]) => void;
  /** Records how fixes ended; `applied` when they ran (Back then stops there: the machine has changed). */
  recordFixes: (results: Partial<Record<FixId, FixOutcome>>, applied?: boolean) => void;
  /** Takes the last answer or skipped fix away; `force` also takes a run's results (to try it again). */
  back: (force?: boolean) => void;
  /** Back to the start screen with a clean path. */
  restart: () => void;
}

/** The start choice a known role stands for (a role hint or a diagnosed role preselects it). */
export const ROLE_TO_CHOICE: Record<Role, StartChoice | undefined> = { client: 'client', manageOut: 'manageOut', server: 'server', unknown: undefined };

/** The state of a start choice: the choice and its words. */
export function startChoiceState(c: StartChoice): { startChoice: StartChoice; words: Words } {
  return { startChoice: c, words: START_CHOICES[c].words };
}

/** Creates the wizard slice over this bridge. */
export const createWizardSlice: Slice<WizardSlice> = (set, get) => {
  // After a collection: show the guide, and preselect who it is for from what the machine turned out to be.
  const afterCollect = () => {
    const s = get();
    if (s.collecting !== 'done' || !s.result) return; // the checks screen shows the error
    const derived = ROLE_TO_CHOICE[s.result.diagnosis.role];
    set({ screen: 'guide', ...(derived && !s.startChoiceMade ? startChoiceState(derived) : {}) });
  };
  return {
    screen: 'start',
    ...startChoiceState('client'),
    startChoiceMade: false,
    answers: {},
    fixResults: {},
    history: [],
    chooseStart: (c) => {
      set({ ...startChoiceState(c), startChoiceMade: true });
      // The view follows the words chosen (exact evidence for the helpdesk, plain for the end user); the switch still works.
      get().setTechnical(START_CHOICES[c].words === 'helpdesk');
    },
    startChecks: async () => {
      get().resetFixState();
      set({ screen: 'checks', answers: {}, fixResults: {}, history: [] });
      await get().runChecks();
      afterCollect();
    },
    openSnapshot: async (text) => {
      get().resetFixState();
      set({ screen: 'checks', answers: {}, fixResults: {}, history: [] });
      await get().importSnapshot(text);
      afterCollect();
    },
    answer: (question, value) => set((s) => ({ answers: { ...s.answers, [question]: value }, history: [...s.history, { answer: question }] })),
    skipFixes: (fixes) => get().recordFixes(Object.fromEntries(fixes.map((f) => [f, 'skipped']))),
    recordFixes: (results, applied = false) =>
      set((s) => ({
        fixResults: { ...s.fixResults, ...results },
        history: [...s.history, { fixes: Object.keys(results) as FixId[], ...(applied ? { applied } : {}) }],
      })),
    back: (force = false) =>
      set((s) => {
        const last = s.history[s.history.length - 1];
        if (!last) return { screen: 'start' };
        if ('applied' in last && !force) return {};
        const history = s.history.slice(0, -1);
        if ('answer' in last) {
          const { [last.answer]: _dropped, ...answers } = s.answers;
          return { history, answers };
        }
        const fixResults = { ...s.fixResults };
        for (const f of last.fixes) delete fixResults[f];
        return { history, fixResults };
      }),
    restart: () => {
      get().resetFixState();
      set({ screen: 'start', answers: {}, fixResults: {}, history: [], runs: [], loadedScenario: null });
    },
  };
};
