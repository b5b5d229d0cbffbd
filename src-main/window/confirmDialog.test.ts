// The main-process confirmation before a fix, with electron mocked: declining (or no answer) runs nothing, and the
// dialog names the exact change and that Windows will ask for administrator rights.
import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSnapshot } from '../../test-support/snapshotBuilder';
import { FixExecutor } from '../fixes/executor';
import type { FixRunner } from '../fixes/runner';

const shown = vi.hoisted(() => ({ boxes: [] as { message: string; detail: string; buttons: string[] }[], response: 0 }));
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => null, getAllWindows: () => [] },
  dialog: {
    showMessageBox: async (options: { message: string; detail: string; buttons: string[] }) => {
      shown.boxes.push(options);
      return { response: shown.response, checkboxChecked: false };
    },
  },
}));

const { confirmInDialog } = await import('./confirmDialog');

function executor() {
  const dataDir = mkdtempSync(join(tmpdir(), 'dad-confirm-'));
  const runner = {
    run: vi.fn<FixRunner['run']>(async () => ({ elevation: 'granted', result: { ok: true, fix: 'reset-winhttp-proxy', changed: [], undoData: null } })),
  };
  const ex = new FixExecutor({ runner, dataDir, org: () => null, collect: async () => buildSnapshot(), simulated: true });
  ex.noteSnapshot(buildSnapshot());
  return { ex, runner, dataDir };
}

describe('the main-process confirmation before a fix', () => {
  beforeEach(() => {
    shown.boxes.length = 0;
  });

  it('declining the dialog runs nothing and saves nothing', async () => {
    shown.response = 0;
    const { ex, runner, dataDir } = executor();
    const r = await ex.run('reset-winhttp-proxy', {}, confirmInDialog);
    expect(shown.boxes).toHaveLength(1);
    expect(runner.run).not.toHaveBeenCalled();
    expect(r).toMatchObject({ outcome: 'cancelled', reason: { code: 'cancelled.notConfirmed' } });
    expect(existsSync(join(dataDir, 'snapshots'))).toBe(false);
  });

  it('names the exact change and that Windows will ask for administrator rights', async () => {
    shown.response = 0;
    await executor().ex.run('reset-winhttp-proxy', {}, confirmInDialog);
    const box = shown.boxes[0];
    expect(box?.message).toMatch(/Remove the computer-wide \(WinHTTP\) proxy/);
    expect(box?.detail).toMatch(/netsh(\.exe)? winhttp reset proxy/i);
    expect(box?.detail).toMatch(/Windows will ask for administrator rights/);
    expect(box?.buttons[0]).toBe('Cancel');
  });

  it('runs the fix only after the person said yes', async () => {
    shown.response = 1;
    const { ex, runner, dataDir } = executor();
    await ex.run('reset-winhttp-proxy', {}, confirmInDialog);
    expect(runner.run).toHaveBeenCalledTimes(1);
    expect(readdirSync(join(dataDir, 'snapshots'))).toHaveLength(1);
  });
});
