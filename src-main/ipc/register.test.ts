// The IPC door with electron mocked: every channel registered, strangers refused before parsing, payloads parsed.
import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../src-shared/ipc';

const handlers = vi.hoisted(() => new Map<string, (event: unknown, payload: unknown) => unknown>());
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, h: (event: unknown, payload: unknown) => unknown) => handlers.set(channel, h) },
}));

const { registerIpc } = await import('./register');

function fakeRouter(confirmsInMain = true) {
  return { dispatch: vi.fn(async (channel: string) => ({ ok: true, value: channel })), confirmsInMain };
}
const trusted = { senderFrame: { url: 'app://doctor/index.html', parent: null }, sender: { isDestroyed: () => false, send: vi.fn() } };

describe('registerIpc', () => {
  it('handles exactly the channels of the contract', () => {
    registerIpc(fakeRouter() as never);
    expect([...handlers.keys()].sort()).toEqual(Object.keys(channels).sort());
  });

  it('passes a trusted call to the router', async () => {
    const router = fakeRouter();
    registerIpc(router as never);
    await expect(handlers.get('app:info')?.(trusted, {})).resolves.toEqual({ ok: true, value: 'app:info' });
    expect(router.dispatch).toHaveBeenCalledWith('app:info', {}, expect.any(Function));
  });

  it('refuses a sender that is not our main frame, without calling the router', async () => {
    const router = fakeRouter();
    registerIpc(router as never);
    const iframe = { ...trusted, senderFrame: { url: 'app://doctor/index.html', parent: {} } };
    expect(await handlers.get('collect:run')?.(iframe, { runId: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(router.dispatch).not.toHaveBeenCalled();
  });

  it('runs no fix or undo through a router that does not confirm in the main process, whatever the page says', async () => {
    const router = fakeRouter(false);
    registerIpc(router as never);
    const run = { fixId: 'reset-winhttp-proxy', params: {}, confirmed: true };
    expect(await handlers.get('fix:run')?.(trusted, run)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handlers.get('fix:undo')?.(trusted, { auditId: 'a', confirmed: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(router.dispatch).not.toHaveBeenCalled();
    await handlers.get('fix:preview')?.(trusted, { fixId: 'reset-winhttp-proxy', params: {} });
    expect(router.dispatch).toHaveBeenCalledTimes(1);
  });

  it('passes fix:run to a router that confirms in the main process', async () => {
    const router = fakeRouter(true);
    registerIpc(router as never);
    await handlers.get('fix:run')?.(trusted, { fixId: 'reset-winhttp-proxy', params: {}, confirmed: true });
    expect(router.dispatch).toHaveBeenCalledWith('fix:run', expect.anything(), expect.any(Function));
  });
});
