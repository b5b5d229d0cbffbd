/** The wizard's frame: banner, main landmark with the current screen, and footer. */
import type { StoreApi } from 'zustand';
import { AppHeader } from './components/AppHeader';
import { ChecksScreen } from './screens/ChecksScreen';
import { GuideScreen } from './screens/GuideScreen';
import { StartScreen } from './screens/StartScreen';
import type { AppState } from './store/types';
import { StoreContext, useApp } from './store/StoreContext';

/** The app over a given store. */
export function App({ store }: { store: StoreApi<AppState> }) {
  return (
    <StoreContext.Provider value={store}>
      <Frame />
    </StoreContext.Provider>
  );
}

function Frame() {
  const screen = useApp((s) => s.screen);
  const technical = useApp((s) => s.technical);
  const setTechnical = useApp((s) => s.setTechnical);
  const version = useApp((s) => s.info?.version);
  const host = useApp((s) => s.info?.host);
  return (
    <div className={technical ? 'app technical-on' : 'app'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader technical={technical} onTechnical={setTechnical} />
      <main id="main" className="content">
        {screen === 'start' && <StartScreen />}
        {screen === 'checks' && <ChecksScreen />}
        {screen === 'guide' && <GuideScreen />}
      </main>
      <footer className="app-footer">
        <p>
          DirectAccess Doctor {version ?? ''}
          {host === 'simulated' ? ' — simulated machine (practice mode)' : ''}
        </p>
      </footer>
    </div>
  );
}
