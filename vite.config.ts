import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer: served from our own origin (Electron file/custom protocol or the harness), so relative asset paths.
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // No inline module-preload polyfill: the CSP forbids inline scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Two chunks, not one per shared module: what the first screen runs (every module the entry imports), and the
        // rest of the wizard, which the start screen fetches once it is drawn. Finer chunks compress worse and would
        // load at the same moment anyway.
        codeSplitting: {
          groups: [
            { name: 'start', tags: ['$initial'], priority: 2 },
            { name: 'wizard', priority: 1 },
          ],
        },
      },
    },
  },
});
