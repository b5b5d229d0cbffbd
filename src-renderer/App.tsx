/**
 * The wizard's frame: banner, the current screen scrolling in the middle, and a fixed footer with the screen's Back,
 * primary action and Cancel (screens fill it through <WizardFooter>), under Fluent UI's Windows theme.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { StoreApi } from 'zustand';
import { AppHeader } from './components/AppHeader';
import { FooterSlot } from './components/WizardFooter';
import { ChecksScreen } from './screens/ChecksScreen';
import { StartScreen } from './screens/StartScreen';
import type { AppState } from './store/types';
import { StoreContext, useApp } from './store/StoreContext';
import { Theme } from './Theme';

/**
 * The guided path (fix, verify, outcome, dialogs, the report's pieces) is most of the wizard's code and nothing the
 * first screen needs: it loads in its own chunk, fetched as soon as the start screen is up.
 */
const loadGuide = () => import('./screens/GuideScreen').then((m) => ({ default: m.GuideScreen }));
const GuideScreen = lazy(loadGuide);

/** The app over a given store. */
export function App({ store }: { store: StoreApi<AppState> }) {
  return (
    <StoreContext.Provider value={store}>
      <Theme>
        <Frame />
      </Theme>
    </StoreContext.Provider>
  );
}

function Frame() {
  const screen = useApp((s) => s.screen);
  const technical = useApp((s) => s.technical);
  const setTechnical = useApp((s) => s.setTechnical);
  const version = useApp((s) => s.info?.version);
  const host = useApp((s) => s.info?.host);
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => void loadGuide(), []);
  return (
    <FooterSlot.Provider value={slot}>
      <div className={technical ? 'app technical-on' : 'app'}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <AppHeader technical={technical} onTechnical={setTechnical} practice={host === 'simulated'} version={version ?? ''} />
        {/* The screen scrolls here, not the page: focusable, so the keyboard can scroll it when nothing in it takes focus. */}
        <main id="main" className="content" tabIndex={0}>
          <div className="content-inner">
            {screen === 'start' && <StartScreen />}
            {screen === 'checks' && <ChecksScreen />}
            {screen === 'guide' && (
              <Suspense fallback={<p role="status">Loading…</p>}>
                <GuideScreen />
              </Suspense>
            )}
          </div>
        </main>
        <footer className="wizard-footer">
          <div className="footer-actions" ref={setSlot} />
        </footer>
      </div>
    </FooterSlot.Provider>
  );
}
