/**
 * The renderer's only door to main. In Electron the preload's `window.daDoctor`; in the browser harness the same
 * verbs over loopback HTTP (`POST /api/<channel>`, events over SSE at `/api/events`). Every reply is parsed with the
 * contract's zod schema, so a drifting main process shows up as a typed error, not as a broken screen.
 */
import type { z } from 'zod';
import { VERB_CHANNELS, type DaDoctorApi } from '../src-shared/bridgeApi';
import { channels, events, type ChannelName, type CollectProgress } from '../src-shared/ipc';
import type { Result } from '../src-shared/result';

/** The bridge as the store uses it: the contract's verbs, plus fix verbs once main offers them (next issue). */
export interface Bridge extends DaDoctorApi {
  /** How the page reaches main: `electron` (preload) or `http` (browser harness). */
  readonly transport: 'electron' | 'http';
  /** Present once the fix channels exist; the fix screen's Apply button is disabled without it. */
  readonly fixRun?: (req: unknown) => Promise<Result<unknown>>;
}

/** Checks a raw reply against the channel's response schema. */
export function parseReply<C extends ChannelName>(channel: C, raw: unknown): Result<z.infer<(typeof channels)[C]['response']>> {
  if (!raw || typeof raw !== 'object' || !('ok' in raw)) return { ok: false, error: { code: 'failed', message: `${channel}: the reply is not a result` } };
  const r = raw as { ok: boolean; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (!r.ok) {
    const code = typeof r.error?.code === 'string' ? r.error.code : 'failed';
    return { ok: false, error: { code: code as 'failed', message: String(r.error?.message ?? 'unknown error') } };
  }
  const parsed = channels[channel].response.safeParse(r.value);
  if (!parsed.success) return { ok: false, error: { code: 'failed', message: `${channel}: unexpected reply (${parsed.error.issues[0]?.message ?? 'invalid'})` } };
  return { ok: true, value: parsed.data as z.infer<(typeof channels)[C]['response']> };
}

type ProgressListener = (p: CollectProgress) => void;

/** The bridge over loopback HTTP, for the browser harness. */
export function httpBridge(base = ''): Bridge {
  const listeners = new Set<ProgressListener>();
  let source: EventSource | null = null;
  let opened: Promise<void> = Promise.resolve();

  const ensureEvents = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${base}/api/events`);
    // Progress sent before the stream opens would be lost: requests wait (briefly) for it.
    opened = new Promise<void>((resolve) => {
      source!.addEventListener('open', () => resolve(), { once: true });
      setTimeout(resolve, 1500);
    });
    source.addEventListener('collect:progress', (e) => {
      const parsed = events['collect:progress'].safeParse(safeJson((e as MessageEvent<string>).data));
      if (parsed.success) listeners.forEach((l) => l(parsed.data));
    });
  };

  const post = async <C extends ChannelName>(channel: C, body: unknown) => {
    await opened;
    try {
      const res = await fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return parseReply(channel, safeJson(await res.text()));
    } catch (e) {
      return { ok: false as const, error: { code: 'failed' as const, message: `cannot reach the program: ${String(e)}` } };
    }
  };

  return {
    transport: 'http',
    appInfo: () => post(VERB_CHANNELS.appInfo, {}),
    collectRun: (req) => post(VERB_CHANNELS.collectRun, req),
    snapshotImport: (req) => post(VERB_CHANNELS.snapshotImport, req),
    onCollectProgress: (cb) => {
      ensureEvents();
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}

/** The bridge over the preload's verbs, with the same reply parsing. */
export function electronBridge(api: DaDoctorApi & { fixRun?: (req: unknown) => Promise<unknown> }): Bridge {
  const fixRun = api.fixRun;
  return {
    transport: 'electron',
    appInfo: async () => parseReply('app:info', await api.appInfo()),
    collectRun: async (req) => parseReply('collect:run', await api.collectRun(req)),
    snapshotImport: async (req) => parseReply('snapshot:import', await api.snapshotImport(req)),
    onCollectProgress: (cb) =>
      api.onCollectProgress((p) => {
        const parsed = events['collect:progress'].safeParse(p);
        if (parsed.success) cb(parsed.data);
      }),
    ...(fixRun ? { fixRun: async (req: unknown) => (await fixRun(req)) as Result<unknown> } : {}),
  };
}

/** The bridge for this page: the preload's when present, else HTTP to our own origin. */
export function getBridge(): Bridge {
  const w = window as unknown as { daDoctor?: DaDoctorApi };
  return w.daDoctor ? electronBridge(w.daDoctor) : httpBridge();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
