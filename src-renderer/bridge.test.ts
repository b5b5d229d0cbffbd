import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronBridge, harnessToken, httpBridge } from './bridge';
import { parseReply } from './replies';

const info = { version: '0.1.0', host: 'simulated', scenario: null, scenarios: ['healthy'], organisation: null, helpdesk: null, roleHint: null };

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
    // A reply that breaks the contract never reaches the store as a value, even though its checks load lazily.
    fetch.mockImplementationOnce(async () => new Response(JSON.stringify({ ok: true, value: { ...info, host: 'mainframe' } })));
    expect(await httpBridge('http://x').appInfo()).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('unexpected reply') },
    });
  });

  it('over HTTP sends the harness token on every request and on the event stream', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: info })));
    vi.stubGlobal('fetch', fetch);
    const opened: string[] = [];
    vi.stubGlobal(
      'EventSource',
      class {
        constructor(url: string) {
          opened.push(url);
        }
        addEventListener() {}
      },
    );
    const b = httpBridge('http://x', 'tok-123_ABCDEFGHIJ');
    b.onCollectProgress(() => undefined);
    await b.appInfo();
    expect(fetch).toHaveBeenCalledWith(
      'http://x/api/app:info',
      expect.objectContaining({ headers: expect.objectContaining({ 'X-DAD-Token': 'tok-123_ABCDEFGHIJ' }) }),
    );
    expect(opened).toEqual(['http://x/api/events?token=tok-123_ABCDEFGHIJ']);
  });

  it('cancels a collection: HTTP posts to /api/collect:cancel, Electron calls the preload verb; both parse the reply', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { cancelled: true } })));
    vi.stubGlobal('fetch', fetch);
    expect(await httpBridge('http://x').collectCancel?.({ runId: 'r1' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(fetch).toHaveBeenCalledWith('http://x/api/collect:cancel', expect.objectContaining({ method: 'POST', body: '{"runId":"r1"}' }));
    const collectCancel = vi.fn(async () => ({ ok: true, value: { cancelled: false } }));
    const api = { appInfo: vi.fn(), collectRun: vi.fn(), snapshotImport: vi.fn(), onCollectProgress: vi.fn(), collectCancel };
    expect(await electronBridge(api as never).collectCancel?.({ runId: 'r2' })).toEqual({ ok: true, value: { cancelled: false } });
    expect(collectCancel).toHaveBeenCalledWith({ runId: 'r2' });
    // A preload without the verb answers a typed error, never a throw.
    const { collectCancel: _none, ...older } = api;
    expect(await electronBridge(older as never).collectCancel?.({ runId: 'r3' })).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('takes the harness token from the address fragment, and keeps it for a reload of the tab', () => {
    const kept = new Map<string, string>();
    const store = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    expect(harnessToken({ hash: '#token=abcDEF0123456789xyz', pathname: '/', search: '?scenario=healthy' }, store)).toBe('abcDEF0123456789xyz');
    expect(harnessToken({ hash: '', pathname: '/', search: '' }, store)).toBe('abcDEF0123456789xyz');
    expect(harnessToken({ hash: '', pathname: '/', search: '' }, null)).toBe('');
  });

  it('over HTTP turns a network failure into a typed error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new Error('down'))),
    );
    expect(await httpBridge().collectRun({ runId: 'r' })).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('answers with a typed error when the reply checks cannot load, and loads them again for the next reply', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ ok: true, value: info }))),
    );
    vi.resetModules();
    vi.doMock('./replies', () => {
      throw new Error('chunk gone');
    });
    const fresh = await import('./bridge');
    const b = fresh.httpBridge('http://x');
    expect(await b.appInfo()).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('cannot reach the program') } });
    vi.doUnmock('./replies');
    expect(await b.appInfo()).toEqual({ ok: true, value: info });
    vi.resetModules();
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
    // An older preload without the fix verbs: no Apply, and a typed error if called anyway.
    expect(b.canFix).toBe(false);
    expect(await b.fixRun({ fixId: 'start-ip-helper', confirmed: true })).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(await b.appInfo()).toEqual({ ok: true, value: info });
    const seen: unknown[] = [];
    b.onCollectProgress((p) => seen.push(p));
    const started = { runId: 'r', section: 'os', index: 0, total: 14, phase: 'started' };
    const finished = { ...started, phase: 'finished', status: 'ok', ms: 3 };
    emit(started);
    emit({ bogus: true });
    emit(finished);
    // Checked once the reply checks have loaded: in arrival order, the malformed one dropped.
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual([started, finished]);
  });

  it('over HTTP posts the fix verbs to their channels and parses the run result', async () => {
    const run = {
      fix: 'start-ip-helper',
      outcome: 'applied',
      elevation: 'simulated',
      verified: true,
      reason: { code: 'fix.verified', values: { detail: 'IP Helper running', reboot: 'no' } },
      before: 'Stopped',
      after: 'Running',
      rebootRequired: false,
      diagnosis: null,
      auditId: 'a1',
    };
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: run })));
    vi.stubGlobal('fetch', fetch);
    const b = httpBridge('http://x');
    expect(b.canFix).toBe(true);
    expect(await b.fixRun({ fixId: 'start-ip-helper', params: {}, confirmed: true })).toEqual({ ok: true, value: run });
    expect(fetch).toHaveBeenCalledWith('http://x/api/fix:run', expect.objectContaining({ body: '{"fixId":"start-ip-helper","params":{},"confirmed":true}' }));
    await b.fixUndo({ auditId: 'a1', confirmed: true });
    expect(fetch).toHaveBeenLastCalledWith('http://x/api/fix:undo', expect.anything());
    // A reply that breaks the contract (a preview where a run result belongs) is a typed error.
    expect((await b.certificateInspect({ name: 'a.cer', contentB64: 'AA==' })).ok).toBe(false);
  });

  it('over the preload calls the fix verbs when present', async () => {
    const records = [
      {
        id: 'a1',
        time: 't',
        user: 'u',
        machine: 'm',
        fix: 'reset-winhttp-proxy',
        params: {},
        kind: 'fix',
        outcome: 'applied',
        elevation: 'simulated',
        verified: true,
        reason: '',
        before: null,
        after: null,
        undoData: null,
      },
    ];
    const auditList = vi.fn(async () => ({ ok: true, value: records }));
    const b = electronBridge({
      appInfo: async () => ({ ok: true as const, value: info as never }),
      collectRun: async () => ({ ok: false as const, error: { code: 'busy' as const, message: 'x' } }),
      snapshotImport: async () => ({ ok: false as const, error: { code: 'badInput' as const, message: 'x' } }),
      onCollectProgress: () => () => undefined,
      fixRun: async () => ({ ok: false, error: { code: 'badInput', message: 'no' } }),
      fixPreview: async () => ({ ok: false, error: { code: 'badInput', message: 'no' } }),
      auditList,
    });
    expect(b.canFix).toBe(true);
    expect(await b.auditList()).toEqual({ ok: true, value: records });
  });
});
