/** The session: what main says about itself (version, host, scenarios) and the chosen practice scenario. */
import type { Bridge } from '../bridge';
import type { AppInfo } from '../../src-shared/ipc';
import type { Slice } from './types';
import { ROLE_TO_AUDIENCE } from './wizardSlice';

/** Session state and actions. */
export interface SessionSlice {
  info: AppInfo | null;
  infoError: string | null;
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
    scenario: initialScenario,
    loadInfo: async () => {
      const r = await bridge.appInfo();
      if (!r.ok) return set({ infoError: r.error.message });
      // Without ?scenario= the picker shows what the harness was started with.
      const scenario = get().scenario ?? r.value.scenario;
      set({ info: r.value, infoError: null, scenario });
      // Preselect who the wizard is for from what this machine is — unless the person chose, or the hint describes
      // another practice machine than the one picked.
      const audience = r.value.roleHint ? ROLE_TO_AUDIENCE[r.value.roleHint] : undefined;
      const sameMachine = r.value.host === 'windows' || scenario === r.value.scenario;
      if (audience && sameMachine && !get().audienceChosen) set({ audience });
    },
    setScenario: (name) => set({ scenario: name }),
  });
