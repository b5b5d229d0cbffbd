/**
 * The renderer's only door to main. In Electron the preload's `window.daDoctor`; in the browser harness the same
 * verbs over loopback HTTP (`POST /api/<channel>`, events over SSE at `/api/events`). Every reply and event is parsed
 * with the contract's zod schema (replies.ts), so a drifting main process shows up as a typed error, not as a broken
 * screen.
 */
import { VERB_CHANNELS, type DaDoctorApi } from '../src-shared/bridgeApi';
import type { ChannelName, CollectProgress } from '../src-shared/ipc';
import type { Reply } from './replies';

/**
 * The bridge as the store uses it: the contract's verbs, and whether main offers the fix verbs. `reportSave` is
 * optional here only so that stand-in bridges written before it still type-check; both real bridges have it.
 */
export interface Bridge extends Omit<DaDoctorApi, 'reportSave' | 'systemRestart'> {
  reportSave?: DaDoctorApi['reportSave'];
  systemRestart?: DaDoctorApi['systemRestart'];
  /** How the page reaches main: `electron` (preload) or `http` (browser harness). */
  readonly transport: 'electron' | 'http';
  /** False when an older preload lacks the fix verbs; the fix screen's Apply button is disabled then. */
  readonly canFix: boolean;
}

/** The verbs that take a request (everything but the event subscription). */
type Verb = keyof typeof VERB_CHANNELS;

/**
 * The reply checks (zod and every schema), loaded once, on the first call or event rather than with the page: the
 * first screen draws without them. Every reply still waits for them; none is used unchecked.
 */
let replies: Promise<typeof import('./replies')> | undefined;
const loadReplies = () =>
  (replies ??= import('./replies').catch((e: unknown) => {
    replies = undefined; // not kept: the next reply tries again
    throw e;
  }));

/**
 * A progress listener that checks each raw event first and drops one that breaks the contract. Events keep their
 * arrival order: each waits on the same promise, whose callbacks run in the order they were added. If the checks
 * cannot load, the event is dropped: it is progress only, and the run's own reply says what went wrong.
 */
const checkedProgress =
  (cb: (p: CollectProgress) => void) =>
  (raw: unknown): void =>
    void loadReplies()
      .then(({ parseProgress }) => {
        const p = parseProgress(raw);
        if (p) cb(p);
      })
      .catch(() => undefined);

/** A reply that could not be read or checked at all (the channel, or the reply checks, could not be reached). */
const unreachable = (e: unknown) => ({ ok: false as const, error: { code: 'failed' as const, message: `cannot reach the program: ${String(e)}` } });

type ProgressListener = (p: CollectProgress) => void;

/** The header the harness checks on every API request (src-main/harness/httpBridge.ts). */
const TOKEN_HEADER = 'X-DAD-Token';
const TOKEN_KEY = 'dad-harness-token';

/**
 * The harness's API token: from the address's fragment (`#token=…`, which the harness prints and browsers never send),
 * kept for this tab so a reload still works, and taken out of the visible address.
 */
export function harnessToken(
  loc: Pick<Location, 'hash' | 'pathname' | 'search'> = location,
  store: Pick<Storage, 'getItem' | 'setItem'> | null = sessionStorage,
): string {
  const fromHash = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    store?.setItem(TOKEN_KEY, fromHash);
    if (typeof location !== 'undefined' && loc === location) history.replaceState(history.state, '', `${loc.pathname}${loc.search}`);
    return fromHash;
  }
  return store?.getItem(TOKEN_KEY) ?? '';
}

/** The bridge over loopback HTTP, for the browser harness; `token` is the harness's run token. */
export function httpBridge(base = '', token = ''): Bridge {
  const listeners = new Set<ProgressListener>();
  let source: EventSource | null = null;
  let opened: Promise<void> = Promise.resolve();

  const ensureEvents = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    // Progress sent before the stream opens would be lost: requests wait (briefly) for it.
    opened = new Promise<void>((resolve) => {
      source!.addEventListener('open', () => resolve(), { once: true });
      setTimeout(resolve, 1500);
    });
    const dispatch = checkedProgress((p) => listeners.forEach((l) => l(p)));
    source.addEventListener('collect:progress', (e) => dispatch(safeJson((e as MessageEvent<string>).data)));
  };

  const post = async <C extends ChannelName>(channel: C, body: unknown): Promise<Reply<C>> => {
    await opened;
    try {
      const [res, { parseReply }] = await Promise.all([
        fetch(`${base}/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(body),
        }),
        loadReplies(),
      ]);
      return parseReply(channel, safeJson(await res.text()));
    } catch (e) {
      return unreachable(e);
    }
  };

  return {
    transport: 'http',
    canFix: true,
    appInfo: () => post(VERB_CHANNELS.appInfo, {}),
    collectRun: (req) => post(VERB_CHANNELS.collectRun, req),
    collectCancel: (req) => post(VERB_CHANNELS.collectCancel, req),
    snapshotImport: (req) => post(VERB_CHANNELS.snapshotImport, req),
    reportSave: (req) => post(VERB_CHANNELS.reportSave, req),
    systemRestart: () => post(VERB_CHANNELS.systemRestart, {}),
    fixPreview: (req) => post(VERB_CHANNELS.fixPreview, req),
    fixRun: (req) => post(VERB_CHANNELS.fixRun, req),
    fixUndo: (req) => post(VERB_CHANNELS.fixUndo, req),
    certificateInspect: (req) => post(VERB_CHANNELS.certificateInspect, req),
    auditList: () => post(VERB_CHANNELS.auditList, {}),
    onCollectProgress: (cb) => {
      ensureEvents();
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}

/** The preload's verbs as they may be: an older preload lacks the fix verbs. */
export type PreloadLike = Pick<DaDoctorApi, 'appInfo' | 'collectRun' | 'snapshotImport' | 'onCollectProgress'> &
  Partial<Record<Exclude<Verb, 'appInfo' | 'collectRun' | 'snapshotImport'>, (req?: unknown) => Promise<unknown>>>;

/** The bridge over the preload's verbs, with the same reply parsing. */
export function electronBridge(api: PreloadLike): Bridge {
  const raw = api as unknown as Partial<Record<Verb, (req?: unknown) => Promise<unknown>>>;
  // One verb: call the preload's function (if it has it) and parse the reply with its channel's schema.
  const verb = <V extends Verb>(name: V) => {
    const channel = VERB_CHANNELS[name];
    return async (req?: unknown) => {
      const fn = raw[name];
      if (typeof fn !== 'function')
        return { ok: false as const, error: { code: 'failed' as const, message: `${channel}: this version of the program does not offer it` } };
      try {
        const [{ parseReply }, raw] = await Promise.all([loadReplies(), fn(req ?? {})]);
        return parseReply(channel, raw);
      } catch (e) {
        return unreachable(e);
      }
    };
  };
  return {
    transport: 'electron',
    canFix: typeof raw.fixRun === 'function' && typeof raw.fixPreview === 'function',
    appInfo: verb('appInfo') as Bridge['appInfo'],
    collectRun: verb('collectRun') as Bridge['collectRun'],
    collectCancel: verb('collectCancel') as Bridge['collectCancel'],
    snapshotImport: verb('snapshotImport') as Bridge['snapshotImport'],
    reportSave: verb('reportSave') as Bridge['reportSave'],
    systemRestart: verb('systemRestart') as Bridge['systemRestart'],
    fixPreview: verb('fixPreview') as Bridge['fixPreview'],
    fixRun: verb('fixRun') as Bridge['fixRun'],
    fixUndo: verb('fixUndo') as Bridge['fixUndo'],
    certificateInspect: verb('certificateInspect') as Bridge['certificateInspect'],
    auditList: verb('auditList') as Bridge['auditList'],
    onCollectProgress: (cb) => api.onCollectProgress(checkedProgress(cb)),
  };
}

/** The bridge for this page: the preload's when present, else HTTP to our own origin. */
export function getBridge(): Bridge {
  const w = window as unknown as { daDoctor?: PreloadLike };
  return w.daDoctor ? electronBridge(w.daDoctor) : httpBridge('', harnessToken());
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
