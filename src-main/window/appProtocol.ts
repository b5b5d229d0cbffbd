/** Serves the built renderer on app://doctor/ (not file://), with the CSP header, path-traversal safe. */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveInside } from '../pathInside';
import { CSP } from './csp';

/**
 * Must run before app ready: our scheme is standard and secure, so it gets an origin and CSP applies. Code cache: V8
 * keeps the compiled start bundle between launches (Electron 28.1+, standard schemes only), so a launch after the
 * first does not parse and compile it all again. Nothing that loosens the page: no bypassCSP, CORS or service workers.
 */
export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'doctor' ? resolveInside(rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}
