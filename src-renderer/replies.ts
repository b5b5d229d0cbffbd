/**
 * Every reply and event from main, checked against the contract's zod schema (src-shared/ipc.ts), so a drifting main
 * process shows up as a typed error, not as a broken screen. A module of its own because zod and the schemas are the
 * largest part of the page's script that the first screen does not need: the bridge loads it with the first reply.
 */
import type { z } from 'zod';
import { channels, events, type ChannelName, type CollectProgress } from '../src-shared/ipc';
import type { Result } from '../src-shared/result';

/** A channel's reply as the contract types it. */
export type Reply<C extends ChannelName> = Result<z.infer<(typeof channels)[C]['response']>>;

/** Checks a raw reply against the channel's response schema. */
export function parseReply<C extends ChannelName>(channel: C, raw: unknown): Reply<C> {
  if (!raw || typeof raw !== 'object' || !('ok' in raw)) return { ok: false, error: { code: 'failed', message: `${channel}: the reply is not a result` } };
  const r = raw as { ok: boolean; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (!r.ok) {
    const code = typeof r.error?.code === 'string' ? r.error.code : 'failed';
    return { ok: false, error: { code: code as 'failed', message: String(r.error?.message ?? 'unknown error') } };
  }
  const parsed = channels[channel].response.safeParse(r.value);
  if (!parsed.success)
    return { ok: false, error: { code: 'failed', message: `${channel}: unexpected reply (${parsed.error.issues[0]?.message ?? 'invalid'})` } };
  return { ok: true, value: parsed.data as z.infer<(typeof channels)[C]['response']> };
}

/** A progress event, or null when it breaks the contract (it is dropped). */
export function parseProgress(raw: unknown): CollectProgress | null {
  const parsed = events['collect:progress'].safeParse(raw);
  return parsed.success ? parsed.data : null;
}
