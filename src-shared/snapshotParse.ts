/** Reading a snapshot made elsewhere: one clear sentence for whatever is wrong with it, never a half-read file. */
import { SNAPSHOT_SCHEMA, snapshotSchema, type Snapshot } from './snapshot';

export type ParsedSnapshot = { ok: true; snapshot: Snapshot } | { ok: false; message: string };

/** At most this much of a parser's own message: JSON.parse quotes the input, and the input is anyone's. */
const MAX_DETAIL = 160;

/** A parser's message, cut short. */
export function detail(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > MAX_DETAIL ? `${m.slice(0, MAX_DETAIL)}…` : m;
}

/** Parses the text of a snapshot file. */
export function parseSnapshotText(text: string): ParsedSnapshot {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, '')); // a byte-order mark is how some editors save UTF-8
  } catch (e) {
    return { ok: false, message: `not JSON (${detail(e)})` };
  }
  return parseSnapshotValue(doc);
}

/** Checks an already parsed value (a bare snapshot file's, or the one inside a report) against the snapshot schema. */
export function parseSnapshotValue(doc: unknown): ParsedSnapshot {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, message: 'not a snapshot: the JSON is not an object' };
  const tag = (doc as { schema?: unknown }).schema;
  if (tag !== SNAPSHOT_SCHEMA) {
    return {
      ok: false,
      message:
        typeof tag === 'string' && tag.startsWith('da-doctor/snapshot@')
          ? `snapshot version ${tag.slice(0, 64)} is not supported by this version (it reads ${SNAPSHOT_SCHEMA})`
          : `not a DirectAccess Doctor snapshot (schema ${JSON.stringify(tag ?? null).slice(0, 64)})`,
    };
  }
  const parsed = snapshotSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `invalid snapshot at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
  }
  return { ok: true, snapshot: parsed.data };
}
