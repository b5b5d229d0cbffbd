import { describe, expect, it, vi } from 'vitest';
import { restartWindows, RESTART_DELAY_SECONDS } from './restart';

describe('restartWindows', () => {
  it("runs Windows' own shutdown.exe from the trusted system folder, with a delay the person can cancel", async () => {
    const run = vi.fn(async () => undefined);
    await restartWindows(run, () => 'C:\\Windows');
    expect(run).toHaveBeenCalledWith(
      'C:\\Windows\\System32\\shutdown.exe',
      ['/r', '/t', String(RESTART_DELAY_SECONDS), '/c', expect.stringContaining('Save your work')],
      expect.objectContaining({ windowsHide: true }),
    );
    expect(RESTART_DELAY_SECONDS).toBeGreaterThanOrEqual(30);
  });

  it('passes a refusal on (the screen says the restart did not start)', async () => {
    await expect(
      restartWindows(
        async () => Promise.reject(new Error('Access is denied.')),
        () => 'C:\\Windows',
      ),
    ).rejects.toThrow('Access is denied');
  });
});
