/** Reading a snapshot made elsewhere: one clear sentence for whatever is wrong with it, never a half-read file. */
import { SNAPSHOT_SCHEMA, snapshotSchema, type Snapshot } from './snapshot';

export type ParsedSnapshot = { ok: true; snapshot: Snapshot } | { ok: false; message: string };

/** Parses the text of a snapshot file. */
export function parseSnapshotText(text: string): ParsedSnapshot {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not JSON (${(e as Error).message})` };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, message: 'not a snapshot: the JSON is not an object' };
  const tag = (doc as { schema?: unknown }).schema;
  if (tag !== SNAPSHOT_SCHEMA) {
    return {
      ok: false,
      message:
        typeof tag === 'string' && tag.startsWith('da-doctor/snapshot@')
          ? `snapshot version ${tag} is not supported by this version (it reads ${SNAPSHOT_SCHEMA})`
          : `not a DirectAccess Doctor snapshot (schema ${JSON.stringify(tag ?? null)})`,
    };
  }
  const parsed = snapshotSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `invalid snapshot at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
  }
  return { ok: true, snapshot: parsed.data };
}
