/** Hands the one store to the screens (a context, so tests can build a store over a fake bridge). */
import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { AppState } from './types';

/** The store's context; App provides it. */
export const StoreContext = createContext<StoreApi<AppState> | null>(null);

/** Selects from the store; select primitives or stable references so screens re-render only on change. */
export function useApp<T>(selector: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside StoreContext');
  return useStore(store, selector);
}
