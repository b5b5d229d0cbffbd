/** Presentation preferences that outlive a screen: the technical view. */
import type { Slice } from './types';

/** UI state and actions. */
export interface UiSlice {
  /** Shows raw evidence, error codes with their names, and commands on every screen. */
  technical: boolean;
  setTechnical: (on: boolean) => void;
}

/** Creates the UI slice. */
export const createUiSlice: Slice<UiSlice> = (set) => ({
  technical: false,
  setTechnical: (on) => set({ technical: on }),
});
