/** The renderer's entry: one store over the bridge, the app, and the first call to main. */
import './zodJitless'; // first: before any module builds a schema
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getBridge } from './bridge';
import { createAppStore } from './store';
import './styles.css';

const scenario = new URLSearchParams(location.search).get('scenario');
const store = createAppStore(getBridge(), scenario);
void store.getState().loadInfo();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
