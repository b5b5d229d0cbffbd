// The harness's HTTP door on a real loopback socket, with a stand-in router.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_EVENT_STREAMS, startHttpBridge } from './httpBridge';
import { request } from 'node:http';

const dir = mkdtempSync(join(tmpdir(), 'dad-bridge-'));
mkdirSync(join(dir, 'renderer'));
writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(dir, 'secret.txt'), 'do not serve');
const router = {
  dispatch: vi.fn(async (channel: string, payload: unknown, emit: (e: string, p: unknown) => void) => {
    emit('collect:progress', { channel });
    return { ok: true, value: { channel, payload } };
  }),
};
let url = '';
let base = '';
let token = '';
let close = () => {};
/** Headers of a request from our own page: JSON and the run's token. */
const json = () => ({ 'content-type': 'application/json', 'x-dad-token': token });

beforeAll(async () => {
  const started = await startHttpBridge({ router: router as never, rendererDir: join(dir, 'renderer'), port: 0 });
  url = started.url;
  token = started.token;
  base = `${new URL(url).origin}/`;
  close = () => started.server.close();
});
afterAll(() => close());

/** A raw request, so Host and Origin can be forged as another page would. */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const u = new URL(url);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('startHttpBridge', () => {
  it('prints a loopback URL with a fresh random token in its fragment', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    const other = await startHttpBridge({ router: router as never, rendererDir: join(dir, 'renderer'), port: 0 });
    other.server.close();
    expect(other.token).not.toBe(token);
  });

  it('refuses every API request without the run token, or with another', async () => {
    for (const headers of [{ 'content-type': 'application/json' }, { 'content-type': 'application/json', 'x-dad-token': `${token.slice(0, -1)}x` }] as Record<
      string,
      string
    >[]) {
      const res = await fetch(`${base}api/app:info`, { method: 'POST', headers, body: '{}' });
      expect(res.status).toBe(401);
    }
    expect((await fetch(`${base}api/events`)).status).toBe(401);
    expect((await fetch(`${base}api/events?token=wrong`)).status).toBe(401);
    expect(router.dispatch).not.toHaveBeenCalledWith('app:info', {}, expect.anything());
  });

  it('caps the event streams open at once', async () => {
    const controllers = Array.from({ length: MAX_EVENT_STREAMS }, () => new AbortController());
    const open = await Promise.all(controllers.map((c) => fetch(`${base}api/events?token=${token}`, { signal: c.signal })));
    expect(open.map((r) => r.status)).toEqual(open.map(() => 200));
    expect((await fetch(`${base}api/events?token=${token}`)).status).toBe(429);
    controllers.forEach((c) => c.abort());
    await new Promise((r) => setTimeout(r, 100));
    const again = new AbortController();
    expect((await fetch(`${base}api/events?token=${token}`, { signal: again.signal })).status).toBe(200);
    again.abort();
  });

  it('answers an internal failure without its details', async () => {
    router.dispatch.mockRejectedValueOnce(new Error('secret file contents: hunter2'));
    const res = await fetch(`${base}api/app:info`, { method: 'POST', headers: json(), body: '{}' });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('hunter2');
  });

  it('serves the renderer with the CSP', async () => {
    const res = await fetch(url); // the fragment is not sent: the page itself needs no token
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('dispatches POST /api/<channel> and returns the envelope', async () => {
    const res = await fetch(`${base}api/app:info`, { method: 'POST', headers: json(), body: '{"a":1}' });
    expect(await res.json()).toEqual({ ok: true, value: { channel: 'app:info', payload: { a: 1 } } });
  });

  it('refuses a body that is not JSON, and non-JSON content types', async () => {
    const bad = await fetch(`${base}api/app:info`, { method: 'POST', headers: json(), body: '{' });
    expect(bad.status).toBe(400);
    const form = await fetch(`${base}api/app:info`, { method: 'POST', headers: { ...json(), 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
  });

  it('refuses another Host (DNS rebinding) and another Origin (a web page)', async () => {
    const port = new URL(url).port;
    expect((await raw('/', { headers: { Host: `evil.example:${port}` } })).status).toBe(421);
    const cross = await raw('/api/app:info', {
      method: 'POST',
      headers: { Host: `127.0.0.1:${port}`, Origin: 'https://evil.example', 'Content-Type': 'application/json', 'X-DAD-Token': token },
      body: '{}',
    });
    expect(cross.status).toBe(403);
  });

  it('refuses a page of another local port (same host, another origin), and accepts its own origin', async () => {
    const port = Number(new URL(url).port);
    const post = (origin: string) =>
      raw('/api/app:info', {
        method: 'POST',
        headers: { Host: `127.0.0.1:${port}`, Origin: origin, 'Content-Type': 'application/json', 'X-DAD-Token': token },
        body: '{}',
      });
    for (const origin of [`http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, `http://127.0.0.1`, 'null'])
      expect((await post(origin)).status, origin).toBe(403);
    expect((await post(`http://127.0.0.1:${port}`)).status).toBe(200);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await raw(path, { headers: { Host: new URL(url).host } });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
  });

  it('streams events to /api/events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}api/events?token=${token}`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read(); // the ": connected" comment
    await fetch(`${base}api/collect:run`, { method: 'POST', headers: json(), body: '{}' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: collect:progress');
    controller.abort();
  });
});
