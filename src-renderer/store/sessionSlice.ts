/** The session: what main says about itself (version, host, scenarios) and the chosen practice scenario. */
import type { Bridge } from '../bridge';
import type { AppInfo } from '../../src-shared/ipc';
import type { Helpdesk } from '../../src-shared/orgConfig';
import type { Slice } from './types';
import { ROLE_TO_CHOICE, startChoiceState } from './wizardSlice';

/** Session state and actions. */
export interface SessionSlice {
  info: AppInfo | null;
  infoError: string | null;
  /** Who to call (the organisation config's helpdesk), once main said; null without one. */
  helpdesk: Helpdesk | null;
  /** The simulated host's scenario to collect from (from `?scenario=`, or the picker); null on a real machine. */
  scenario: string | null;
  loadInfo: () => Promise<void>;
  setScenario: (name: string | null) => void;
}

/** Creates the session slice over this bridge. */
export const createSessionSlice =
  (bridge: Bridge, initialScenario: string | null): Slice<SessionSlice> =>
  (set, get) => ({
    info: null,
    infoError: null,
    helpdesk: null,
    scenario: initialScenario,
    loadInfo: async () => {
      const r = await bridge.appInfo();
      if (!r.ok) return set({ infoError: r.error.message });
      // Without ?scenario= the picker shows what the harness was started with.
      const scenario = get().scenario ?? r.value.scenario;
      set({ info: r.value, infoError: null, scenario, helpdesk: r.value.helpdesk ?? null });
      // Preselect the start choice from what this machine is — unless the person chose, or the hint describes
      // another practice machine than the one picked.
      const choice = r.value.roleHint ? ROLE_TO_CHOICE[r.value.roleHint] : undefined;
      const sameMachine = r.value.host === 'windows' || scenario === r.value.scenario;
      if (choice && sameMachine && !get().startChoiceMade) set(startChoiceState(choice));
    },
    setScenario: (name) => set({ scenario: name }),
  });
