/** The one store of the renderer, built from its slices over one bridge. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../bridge';
import { createCollectSlice } from './collectSlice';
import { createFixSlice } from './fixSlice';
import { createSessionSlice } from './sessionSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';
import { createWizardSlice } from './wizardSlice';

export type { AppState } from './types';
export { selectIncomplete, selectRoleMismatch, selectVerifyRuns } from './selectors';
export type { RoleMismatch } from './selectors';

/** Creates the store; `scenario` is the simulated host's scenario from the page address, if any. */
export function createAppStore(bridge: Bridge, scenario: string | null = null): StoreApi<AppState> {
  return createStore<AppState>()((...a) => ({
    ...createSessionSlice(bridge, scenario)(...a),
    ...createCollectSlice(bridge)(...a),
    ...createWizardSlice(...a),
    ...createFixSlice(bridge)(...a),
    ...createUiSlice(...a),
  }));
}
