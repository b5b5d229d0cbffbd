/** The combined store type and the slice creator type every slice is written against. */
import type { StateCreator } from 'zustand';
import type { CollectSlice } from './collectSlice';
import type { FixSlice } from './fixSlice';
import type { SessionSlice } from './sessionSlice';
import type { UiSlice } from './uiSlice';
import type { WizardSlice } from './wizardSlice';

/** Everything the renderer holds: one store, five slices. */
export type AppState = SessionSlice & CollectSlice & WizardSlice & FixSlice & UiSlice;

/** A slice of the one store (first generic: the combined state, last: the slice). */
export type Slice<T> = StateCreator<AppState, [], [], T>;
