import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronBridge, httpBridge, parseReply } from './bridge';

const info = { version: '0.1.0', host: 'simulated', scenario: null, scenarios: ['healthy'], organisation: null };

describe('bridge', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('passes a valid reply and refuses one that breaks the contract', () => {
    expect(parseReply('app:info', { ok: true, value: info })).toEqual({ ok: true, value: info });
    const bad = parseReply('app:info', { ok: true, value: { version: 1 } });
    expect(bad.ok).toBe(false);
    expect(parseReply('app:info', 'nonsense')).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(parseReply('app:info', { ok: false, error: { code: 'busy', message: 'later' } })).toEqual({ ok: false, error: { code: 'busy', message: 'later' } });
  });

  it('over HTTP posts the JSON request to /api/<channel>', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: info })));
    vi.stubGlobal('fetch', fetch);
    const r = await httpBridge('http://x').appInfo();
    expect(r).toEqual({ ok: true, value: info });
    expect(fetch).toHaveBeenCalledWith('http://x/api/app:info', expect.objectContaining({ method: 'POST', body: '{}' }));
  });

  it('over HTTP turns a network failure into a typed error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new Error('down'))));
    expect(await httpBridge().collectRun({ runId: 'r' })).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('over the preload parses replies and filters malformed progress', async () => {
    let emit: (p: unknown) => void = () => undefined;
    const api = {
      appInfo: async () => ({ ok: true as const, value: info as never }),
      collectRun: async () => ({ ok: false as const, error: { code: 'busy' as const, message: 'x' } }),
      snapshotImport: async () => ({ ok: false as const, error: { code: 'badInput' as const, message: 'x' } }),
      onCollectProgress: (cb: (p: never) => void) => {
        emit = cb as (p: unknown) => void;
        return () => undefined;
      },
    };
    const b = electronBridge(api);
    expect(b.fixRun).toBeUndefined();
    expect(await b.appInfo()).toEqual({ ok: true, value: info });
    const seen: unknown[] = [];
    b.onCollectProgress((p) => seen.push(p));
    emit({ runId: 'r', section: 'os', index: 0, total: 14, phase: 'started' });
    emit({ bogus: true });
    expect(seen).toHaveLength(1);
  });
});
