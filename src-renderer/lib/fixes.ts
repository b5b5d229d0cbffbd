/**
 * What the fix screen says about a fix before main's preview arrives: the catalogue's own words (src-shared/fixes),
 * so the renderer keeps no copy of them. Fixes the catalogue does not have yet (the server's) fall back to the
 * tree node's words.
 */
import { fixSpec } from '../../src-shared/fixes/catalogue';
import type { FixId } from '../../src-shared/ids';
import type { AuditRecord } from '../../src-shared/ipc';

/** A fix as the wizard names it. */
export interface FixText {
  title: string;
  plain: string;
  whyAdmin: string | null;
  undo: string | null;
  rebootRequired: boolean;
  /** The commands with no parameters filled in (main's preview replaces them). */
  commands: string[];
}

/** The catalogue's words for a fix, or the fallback's when the catalogue has none. */
export function fixText(id: FixId, fallback: { title: string; plain: string }): FixText {
  const spec = fixSpec(id);
  if (!spec) return { ...fallback, whyAdmin: null, undo: null, rebootRequired: false, commands: [] };
  return { title: spec.title, plain: spec.plain, whyAdmin: spec.whyAdmin, undo: spec.undo, rebootRequired: spec.rebootRequired, commands: spec.preview({}) };
}

/** Whether an audit record can be undone: an applied fix with undo data, whose fix has an undo, not undone yet. */
export function canUndoRecord(r: AuditRecord): boolean {
  return r.kind === 'fix' && r.outcome === 'applied' && r.undoData !== null && !r.undoneBy && Boolean(fixSpec(r.fix)?.undo);
}

/** The largest certificate file the page sends (main refuses more than 64 KB). */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

/** A file's bytes as base64 (what `certificate:inspect` and the import's `certificate` parameter take). */
export async function readBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
