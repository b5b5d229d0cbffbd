import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP, EMPTY_STYLE_HASH } from './csp';

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe('CSP', () => {
  it('lets only empty inline style elements through (Fluent fills them with insertRule), never inline content', () => {
    expect(EMPTY_STYLE_HASH).toBe(`'sha256-${createHash('sha256').update('').digest('base64')}'`);
    expect(directive(CSP, 'style-src')).toEqual(["'self'", EMPTY_STYLE_HASH]);
    expect(directive(CSP, 'script-src')).toEqual(["'self'"]);
    expect(CSP).not.toMatch(/unsafe-|nonce-/);
  });

  it('is the same in the page itself, for the harness and the file opened directly', () => {
    const html = readFileSync(new URL('../../src-renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const name of ['default-src', 'script-src', 'style-src', 'connect-src', 'object-src', 'base-uri']) {
      expect(directive(meta, name), name).toEqual(directive(CSP, name));
    }
    // A <meta> policy cannot carry these (the browser ignores them and logs an error); the response header does.
    for (const name of ['frame-ancestors', 'report-uri', 'sandbox']) expect(directive(meta, name), name).toBeUndefined();
  });
});
