// .github/workflows/windows.yml cannot run here; this holds its shape: valid YAML, Pester on both shells, the
// collector on the real cmdlets, the Electron end-to-end tests, the installer built, its fuses read, and uploaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../paths';

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix: Record<string, unknown[]> };
  defaults?: { run: { shell: string } };
  steps: Step[];
}
const workflow = yaml.load(readFileSync(join(appRoot(), '.github', 'workflows', 'windows.yml'), 'utf8')) as { jobs: Record<string, Job> };
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('.github/workflows/windows.yml', () => {
  it('runs Pester and the collector on Windows PowerShell 5.1 and PowerShell 7', () => {
    const ps = workflow.jobs.powershell!;
    expect(ps['runs-on']).toMatch(/^windows-/);
    expect(ps.strategy?.matrix.shell).toEqual(['powershell', 'pwsh']);
    expect(ps.defaults?.run.shell).toBe('${{ matrix.shell }}');
    expect(runs(ps)).toMatch(/Invoke-Pester -Configuration \$c/);
    expect(runs(ps)).toMatch(/SkippedCount -gt 0/);
    expect(runs(ps)).toMatch(/Collect-DadSnapshot\.ps1 -OutFile/);
  });

  it('runs the Electron end-to-end tests, builds the installer, checks its fuses and uploads it', () => {
    const app = workflow.jobs.app!;
    expect(app['runs-on']).toMatch(/^windows-/);
    const all = runs(app);
    expect(all).toContain('node node_modules/electron/install.js');
    expect(all).toContain('npx playwright test -c e2e/playwright.electron.config.ts');
    expect(all).toContain('npm run test:security');
    expect(all).toContain('npx electron-builder --win --publish never');
    for (const fuse of ['RunAsNode', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'OnlyLoadAppFromAsar'])
      expect(all).toContain(fuse);
    const upload = app.steps.find((s) => s.uses?.startsWith('actions/upload-artifact') && s.with?.name === 'installer');
    expect(String(upload?.with?.path)).toContain('dist/*.exe');
    // Signing secrets reach only the build step, as environment variables.
    const build = app.steps.find((s) => s.run?.includes('electron-builder --win'));
    expect(build?.env).toEqual({ WIN_CSC_LINK: '${{ secrets.WIN_CSC_LINK }}', WIN_CSC_KEY_PASSWORD: '${{ secrets.WIN_CSC_KEY_PASSWORD }}' });
  });
});
