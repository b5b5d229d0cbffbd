/** What the Electron app runs on and where it keeps its data: the DAD_* hooks count only in an unpackaged app. */
import { app } from 'electron';
import { installTestHooks } from './testHooks';

/** The app's choices: the simulated scenario (null: this Windows machine, live), the data and report folders. */
export interface AppSettings {
  scenario: string | null;
  dataDir: string;
  /** Where saved reports go: the user's Downloads (Documents when Windows has no Downloads folder for them). */
  reportsDir: string;
}

/** The Downloads folder, else Documents: where a person looks for a file they just saved. */
function downloadsDir(): string {
  try {
    return app.getPath('downloads');
  } catch {
    return app.getPath('documents');
  }
}

/**
 * On Windows the checks run live; elsewhere on the simulated host. An unpackaged app (development, the Electron
 * end-to-end tests) obeys DAD_SCENARIO and DAD_DATA_DIR; a packaged one ignores them.
 */
export function appSettings(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): AppSettings {
  const hooks = installTestHooks({ kind: 'electron', packaged: app.isPackaged }, env);
  const scenario = platform === 'win32' && !hooks.scenario ? null : (hooks.scenario ?? 'untrusted-root');
  return { scenario, dataDir: hooks.dataDir ?? app.getPath('userData'), reportsDir: hooks.reportsDir ?? downloadsDir() };
}
