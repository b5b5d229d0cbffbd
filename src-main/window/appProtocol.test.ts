// The app:// scheme: what it may do, and what its handler serves, with the electron module replaced by a recorder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const recorded = vi.hoisted(() => ({
  schemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handler: null as null | ((request: Request) => Promise<Response>),
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: typeof recorded.schemes) => recorded.schemes.push(...schemes),
    handle: (_scheme: string, h: typeof recorded.handler) => {
      recorded.handler = h;
    },
  },
  // net.fetch of a file: URL, as Electron's would answer it.
  net: { fetch: async (url: string) => new Response(await import('node:fs/promises').then((fs) => fs.readFile(fileURLToPath(url)))) },
}));

const { registerSchemePrivileges, serveRenderer } = await import('./appProtocol');
const { CSP } = await import('./csp');

beforeEach(() => {
  recorded.schemes.length = 0;
  recorded.handler = null;
});

describe('app:// scheme', () => {
  it('is standard and secure with V8 code cache, and never bypasses the CSP, CORS or runs service workers', () => {
    registerSchemePrivileges();
    expect(recorded.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });

  it('serves files of the renderer folder with the CSP header, and nothing outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dad-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    serveRenderer(dir);
    const ok = await recorded.handler!(new Request('app://doctor/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Security-Policy')).toBe(CSP);
    expect(await ok.text()).toBe('<!doctype html>');
    // Another host, an escaped step out of the folder (the URL parser leaves %2f alone), a broken escape.
    for (const url of ['app://other/index.html', 'app://doctor/%2e%2e%2fsecret.txt', 'app://doctor/%zz']) {
      expect((await recorded.handler!(new Request(url))).status, url).toBe(404);
    }
  });
});
