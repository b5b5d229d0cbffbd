// The certificate imports' `file` parameter (a path) comes only from the command line: both of the page's doors,
// Electron IPC and the harness's HTTP bridge, refuse it before anything reads a file or runs a fix.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../src-shared/ipc';
import { startHttpBridge } from '../harness/httpBridge';
import { Router } from './handlers';

const handlers = vi.hoisted(() => new Map<string, (event: unknown, payload: unknown) => unknown>());
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, h: (event: unknown, payload: unknown) => unknown) => handlers.set(channel, h) },
}));
const { registerIpc } = await import('../ipc/register');

const trusted = { senderFrame: { url: 'app://doctor/index.html', parent: null }, sender: { isDestroyed: () => false, send: vi.fn() } };
const FILE_REQUESTS = ['import-root-ca', 'import-intermediate-ca'].flatMap((fixId) => [
  ['fix:preview', { fixId, params: { file: '/etc/passwd' } }],
  ['fix:run', { fixId, params: { file: '/etc/passwd' }, confirmed: true }],
  ['fix:run', { fixId, params: { thumbprint: 'AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12', file: 'C:\\Users\\x\\root.cer' }, confirmed: true }],
]) as Array<[string, unknown]>;

/** A Router over a stand-in simulated machine, its fix executor watched. */
function router() {
  const doctor = { host: { kind: 'simulated' }, scenarioName: 'healthy', orgConfig: null, roleHint: async () => null, collect: vi.fn() };
  // A confirming router, as the Electron main builds it: the file parameter must be refused by the contract itself,
  // not only by the missing main-process confirmation (which would hide a hole in the schema).
  const confirm = vi.fn(async () => true);
  const r = new Router(doctor as never, { dataDir: mkdtempSync(join(tmpdir(), 'dad-file-param-')), confirm });
  const preview = vi.spyOn(r.fixes, 'preview');
  const run = vi.spyOn(r.fixes, 'run');
  return { r, untouched: () => expect([preview.mock.calls.length, run.mock.calls.length, confirm.mock.calls.length]).toEqual([0, 0, 0]) };
}

describe('the file parameter', () => {
  afterEach(() => handlers.clear());

  it('is refused by the contract of fix:preview and fix:run, while picked content passes', () => {
    for (const [channel, payload] of FILE_REQUESTS)
      expect(channels[channel as 'fix:run'].request.safeParse(payload).success, JSON.stringify(payload)).toBe(false);
    expect(channels['fix:preview'].request.safeParse({ fixId: 'import-root-ca', params: { certificate: 'AAAA' } }).success).toBe(true);
  });

  it('is refused at the Electron IPC door', async () => {
    const { r, untouched } = router();
    registerIpc(r);
    for (const [channel, payload] of FILE_REQUESTS) {
      const res = await handlers.get(channel)!(trusted, payload);
      expect(res, `${channel} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    }
    untouched();
  });

  it('is refused at the browser harness door', async () => {
    const { r, untouched } = router();
    const token = 'file-param-test-token-0123456789';
    const { server, url } = await startHttpBridge({ router: r, rendererDir: mkdtempSync(join(tmpdir(), 'dad-file-param-r-')), port: 0, token });
    try {
      for (const [channel, payload] of FILE_REQUESTS) {
        const res = await fetch(new URL(`/api/${channel}`, url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-dad-token': token },
          body: JSON.stringify(payload),
        });
        expect(await res.json(), `${channel} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'badRequest' } });
      }
    } finally {
      server.close();
    }
    untouched();
  });
});
