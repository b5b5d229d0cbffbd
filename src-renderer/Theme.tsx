/**
 * Fluent UI's provider with Windows' own theme, light or dark as the system is, switching when the system does.
 * Forced colors (Windows high contrast) need no theme: Fluent's components map to system colors themselves.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';

const DARK = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const q = window.matchMedia(DARK);
  q.addEventListener('change', onChange);
  return () => q.removeEventListener('change', onChange);
}

/** The themed root of the app. */
export function Theme({ children }: { children: React.ReactNode }) {
  const dark = useSyncExternalStore(subscribe, () => window.matchMedia(DARK).matches);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className="theme-root">
      {children}
    </FluentProvider>
  );
}
