/**
 * Where undo data lives (DESIGN §4: "Everything the elevated step reads (… undo data …) lives where only
 * administrators can write"). The audit log is in the user's data folder and the user can edit it: undo data taken
 * from there would let anyone steer what the next elevated undo writes (a registry value, a proxy, a store). So the
 * executor reads undo data back from a store, keyed by the audit id, and only compares it with the user-side record.
 *
 * - On Windows (ProtectedUndoStore) the elevated step writes `%ProgramData%\DirectAccess Doctor\undo\<key>\undo.json`
 *   (folder owned by Administrators, not writable by users; the key travels in the fix input as `undoKey`); the
 *   non-elevated app only reads it, after the same ACL check as the organisation configuration.
 * - On the simulated host and in tests (FileUndoStore) any folder stands in: there is no administrator boundary there.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, win32 } from 'node:path';
import { z } from 'zod';
import { fixIdSchema } from '../../src-shared/ids';

export const undoEntrySchema = z.object({ fix: fixIdSchema, undoData: z.record(z.string(), z.unknown()) });
export type UndoEntry = z.infer<typeof undoEntrySchema>;

export interface UndoStore {
  /** Keeps the undo data of the fix recorded under `key` (a no-op where the elevated step writes it itself). */
  save(key: string, entry: UndoEntry): void;
  /** The undo data recorded under `key`, or null when there is none (or it cannot be trusted). */
  load(key: string): UndoEntry | null;
}

const KEY = /^[a-z0-9-]{1,64}$/;

function readEntry(file: string): UndoEntry | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = undoEntrySchema.safeParse(JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One JSON file per key in a folder (simulated host, tests). */
export class FileUndoStore implements UndoStore {
  constructor(readonly dir: string) {}
  save(key: string, entry: UndoEntry): void {
    if (!KEY.test(key)) throw new Error('bad undo key');
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, `${key}.json`), JSON.stringify(undoEntrySchema.parse(entry)));
  }
  load(key: string): UndoEntry | null {
    return KEY.test(key) ? readEntry(join(this.dir, `${key}.json`)) : null;
  }
}

/** Windows: read-only view of the folder the elevated step writes; nothing is trusted unless admin-only. */
export class ProtectedUndoStore implements UndoStore {
  constructor(
    readonly dir: string,
    private readonly isAdminOnly: (file: string) => string | null,
  ) {}
  static forProgramData(env: NodeJS.ProcessEnv, isAdminOnly: (file: string) => string | null): ProtectedUndoStore {
    return new ProtectedUndoStore(win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'DirectAccess Doctor', 'undo'), isAdminOnly);
  }
  save(): void {
    // The elevated step wrote it (the non-elevated app cannot write an admin-only folder).
  }
  load(key: string): UndoEntry | null {
    if (!KEY.test(key)) return null;
    const file = win32.join(this.dir, key, 'undo.json');
    if (!existsSync(file)) return null;
    try {
      if (this.isAdminOnly(file) !== null) return null;
    } catch {
      return null;
    }
    return readEntry(file);
  }
}

/** WinHttpSettings bytes (hex): the proxy and bypass list, or null when they cannot be read. */
export function decodeWinHttpSettings(hex: string): { proxy: string; bypass: string; flags: number } | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  const b = Buffer.from(hex, 'hex');
  if (b.length < 16) return null;
  const flags = b.readUInt32LE(8);
  const plen = b.readUInt32LE(12);
  if (16 + plen + 4 > b.length) return null;
  const proxy = b.subarray(16, 16 + plen).toString('latin1');
  const blen = b.readUInt32LE(16 + plen);
  if (20 + plen + blen > b.length) return null;
  return { proxy, bypass: b.subarray(20 + plen, 20 + plen + blen).toString('latin1'), flags };
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

/** The concrete values an undo will set, for the confirmation ("DisabledComponents back to 0xff"). */
export function undoValues(entry: UndoEntry): string[] {
  const d = entry.undoData;
  switch (entry.fix) {
    case 'set-ipv6-prefer-ipv4': {
      const prev = d.previous;
      return [typeof prev === 'number' ? `DisabledComponents back to 0x${prev.toString(16)}` : 'DisabledComponents removed (back to the Windows default)'];
    }
    case 'reset-winhttp-proxy': {
      const hex = str(d.winHttpSettings);
      if (hex === null) return ['WinHTTP proxy back to direct (no saved setting)'];
      const w = decodeWinHttpSettings(hex);
      if (!w) return [`WinHttpSettings back to the saved bytes ${hex.slice(0, 64)}${hex.length > 64 ? '…' : ''}`];
      if (!(w.flags & 2) || !w.proxy) return ['WinHTTP proxy back to direct'];
      return [`WinHTTP proxy back to ${w.proxy}${w.bypass ? ` (bypass ${w.bypass})` : ''}`];
    }
    case 'start-ip-helper':
    case 'start-nca-service':
      return [`${str(d.service) ?? 'the service'} start type back to ${str(d.startType) ?? 'unknown'}`];
    case 'start-ipsec-services':
      return Object.entries(d).map(([service, startType]) => `${service} start type back to ${str(startType) ?? 'unknown'}`);
    case 'import-root-ca':
    case 'import-intermediate-ca':
      return d.alreadyPresent === true
        ? [`${str(d.thumbprint) ?? '?'} stays in LocalMachine\\${str(d.store) ?? '?'} (it was there before the fix)`]
        : [`remove ${str(d.thumbprint) ?? '?'} from LocalMachine\\${str(d.store) ?? '?'}`];
    case 'enable-isatap':
    case 'set-isatap-router':
      return [`ISATAP state back to ${str(d.state) ?? 'default'}`, `ISATAP router back to ${str(d.router) ?? 'none'}`];
    case 'disable-6to4':
      return [`6to4 state back to ${str(d.state) ?? 'Default'}`];
    case 'clear-iphlpsvc-proxy-cache':
      return [`the exported values written back to ${str(d.key) ?? 'the IP Helper proxy key'}`];
    default:
      return Object.entries(d)
        .slice(0, 8)
        .map(([k, v]) => `${k} back to ${JSON.stringify(v)}`);
  }
}
