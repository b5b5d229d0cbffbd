/**
 * The browser harness's door: the same channels as Electron IPC, over loopback HTTP. `POST /api/<channel>` with
 * the JSON request returns the Result envelope; `GET /api/events` is a Server-Sent Events stream of main's events.
 * It serves the built renderer from our own origin with the same CSP as the Electron window.
 *
 * Every API request carries the run's random token (header `X-DAD-Token`; the event stream, which cannot set headers,
 * `?token=`). The harness prints the page's URL with the token in its fragment (`#token=…`), which browsers never
 * send, and the page passes it on: another local user, or a page that guessed the port, has the origin but not the
 * token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { EventName } from '../../src-shared/ipc';
import { resolveInside } from '../pathInside';
import type { Router } from '../services/handlers';
import { CSP } from '../window/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};
const MAX_BODY = 21 * 1024 * 1024;
/** Event streams open at once: a page needs one; more would only hold sockets. */
export const MAX_EVENT_STREAMS = 4;
/** The header that carries the token on POST requests. */
export const TOKEN_HEADER = 'x-dad-token';

export interface BridgeOptions {
  router: Router;
  rendererDir: string;
  port: number;
  /** The run's token (tests and Playwright fix it); a fresh random one when absent. */
  token?: string;
}

/** Whether a presented token is the run's, in constant time. */
function tokenMatches(presented: string | null | undefined, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Starts the bridge on 127.0.0.1; resolves with the server and its URL once listening. */
export async function startHttpBridge(opts: BridgeOptions): Promise<{ server: Server; url: string; token: string }> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) throw new Error('the harness token must be 16 to 128 URL-safe characters');
  const streams = new Set<ServerResponse>();
  let origin = '';
  const emit = <E extends EventName>(event: E, payload: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      // The details stay on the harness's console: an error can quote what it read.
      process.stderr.write(`da-doctor demo: ${e instanceof Error ? e.message : String(e)}\n`);
      if (!res.headersSent)
        send(res, 500, 'application/json', JSON.stringify({ ok: false, error: { code: 'failed', message: 'the harness failed to answer' } }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site could reach a loopback port: accept only our own Host (DNS rebinding) and Origin.
    if (req.headers.host !== origin.slice('http://'.length)) return send(res, 421, 'text/plain', 'wrong host');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      const presented = url.pathname === '/api/events' ? url.searchParams.get('token') : req.headers[TOKEN_HEADER];
      if (!tokenMatches(Array.isArray(presented) ? undefined : presented, token)) return send(res, 401, 'text/plain', 'missing or wrong token');
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (streams.size >= MAX_EVENT_STREAMS) return send(res, 429, 'text/plain', 'too many event streams');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      if (req.headers.origin !== undefined && req.headers.origin !== origin) return send(res, 403, 'text/plain', 'wrong origin');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain', 'JSON only');
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'text/plain', 'request too large');
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body) : {};
      } catch {
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'badRequest', message: 'the request body is not JSON' } }));
      }
      const result = await opts.router.dispatch(decodeURIComponent(url.pathname.slice(5)), payload, emit);
      return send(res, 200, 'application/json', JSON.stringify(result));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    return serveStatic(opts.rendererDir, url.pathname, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  origin = `http://127.0.0.1:${port}`;
  server.on('close', () => {
    for (const s of streams) s.end();
  });
  return { server, url: `${origin}/#token=${token}`, token };
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function serveStatic(dir: string, pathname: string, res: ServerResponse): Promise<void> {
  // Containment: nothing outside the renderer folder, whatever the path says; no synchronous read of a named path.
  const file = resolveInside(dir, pathname);
  const isFile = file
    ? await stat(file).then(
        (st) => st.isFile(),
        () => false,
      )
    : false;
  if (!file || !isFile) return send(res, 404, 'text/plain', 'not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return send(res, 404, 'text/plain', 'not found');
  }
  send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
