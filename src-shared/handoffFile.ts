/**
 * One file opens everywhere: what a helpdesk is handed is either a bare snapshot (JSON) or a report page the wizard
 * or `da-doctor report` saved, which carries its bundle (report/embed.ts). Both come from someone else's computer, so
 * everything here is hostile input: whatever is wrong ends as one sentence, never as a half-read file.
 */
import { z } from 'zod';
import { BUNDLE_OPEN_TAG, LEGACY_OPEN_TAG } from './report/embed';
import { REPORT_SCHEMA } from './report/report';
import type { Snapshot } from './snapshot';
import { detail, parseSnapshotText, parseSnapshotValue } from './snapshotParse';

/** The most text read, as today's largest input (the CLI's 50 MB): a page past it is refused before it is searched. */
export const MAX_HANDOFF_CHARS = 50 * 1024 * 1024;

/** Report versions this version reads. */
const READABLE_REPORTS: readonly string[] = [REPORT_SCHEMA];

/** Where the snapshot came from, for the caller to show: a bare snapshot, or a report with what it said of itself. */
export type HandoffSource =
  | { kind: 'snapshot' }
  | {
      kind: 'report';
      /** Whether the report hid the computer's, domain's and users' names (they read `[computer]` etc.). */
      redacted: boolean;
      /** When the report was made (ISO), as it says. */
      createdAt: string;
      /** The computer the report is about, as it names it. */
      machine: string;
      appVersion: string;
    };

export type ParsedHandoff = { ok: true; snapshot: Snapshot; source: HandoffSource } | { ok: false; message: string };

const fail = (message: string): ParsedHandoff => ({ ok: false, message });

/** The envelope of a report bundle: what is read of it besides the snapshot (which parseSnapshotValue checks). */
const reportEnvelope = z.object({
  schema: z.string(),
  createdAt: z.string().max(64),
  appVersion: z.string().max(64),
  redacted: z.boolean(),
  snapshot: z.unknown(),
});

/** Reads a handed-over file's text: a snapshot's JSON or a report page of ours. */
export function parseHandoffText(input: string): ParsedHandoff {
  if (input.length > MAX_HANDOFF_CHARS) return fail(`the file is too large (more than ${MAX_HANDOFF_CHARS / 1024 / 1024} million characters)`);
  const text = input.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('{') || !(start.startsWith('<') || text.includes(BUNDLE_OPEN_TAG))) {
    const parsed = parseSnapshotText(text);
    return parsed.ok ? { ...parsed, source: { kind: 'snapshot' } } : parsed;
  }
  const json = embeddedJson(text);
  if (!json.ok) return json;
  return parseReportBundle(json.text);
}

/** The one embedded bundle's JSON text, or why there is none to read. */
function embeddedJson(html: string): { ok: true; text: string } | { ok: false; message: string } {
  const blocks = occurrences(html, BUNDLE_OPEN_TAG);
  const legacy = occurrences(html, LEGACY_OPEN_TAG);
  const count = blocks.length + legacy.length;
  if (count === 0) return { ok: false, message: 'this page is not a report saved by DirectAccess Doctor: it carries no report data' };
  // Our pages carry exactly one: a second block is a page someone edited, and which one counts would be a guess.
  if (count > 1) return { ok: false, message: `this page carries ${count} blocks of report data, a report saved by DirectAccess Doctor has one` };
  if (blocks.length) {
    const from = blocks[0]! + BUNDLE_OPEN_TAG.length;
    const end = html.indexOf('</script', from);
    if (end === -1) return { ok: false, message: 'the report data is cut off: the page ends before its data block does' };
    return { ok: true, text: html.slice(from, end) };
  }
  const from = legacy[0]! + LEGACY_OPEN_TAG.length;
  const end = html.indexOf('</pre>', from);
  if (end === -1) return { ok: false, message: 'the report data is cut off: the page ends before its data block does' };
  return unescapeHtmlText(html.slice(from, end));
}

/** Where `needle` starts in `hay`, every time. */
function occurrences(hay: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) found.push(i);
  return found;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The text of the old `<pre>` form: React wrote it with `&lt; &gt; &amp; &quot; &#x27;`, so those and numeric
 * references are read, in one pass (never twice: `&amp;lt;` is `&lt;`). A raw `<` or an unknown `&name;` means the
 * page was not written by us.
 */
function unescapeHtmlText(raw: string): { ok: true; text: string } | { ok: false; message: string } {
  if (raw.includes('<')) return { ok: false, message: 'the report data is broken: it contains markup' };
  try {
    const text = raw.replace(
      /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-z]{2,4}));|&/g,
      (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
        if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
        if (dec !== undefined) return String.fromCodePoint(parseInt(dec, 10));
        if (name !== undefined && Object.hasOwn(NAMED, name)) return NAMED[name]!;
        throw new Error(`unknown character reference ${m.slice(0, 12)}`);
      },
    );
    return { ok: true, text };
  } catch (e) {
    return { ok: false, message: `the report data is broken: ${detail(e)}` };
  }
}

/** Validates a report bundle's JSON and takes its snapshot out. */
function parseReportBundle(text: string): ParsedHandoff {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail(`the report data is not valid JSON (${detail(e)})`);
  }
  const tag = doc !== null && typeof doc === 'object' ? (doc as { schema?: unknown }).schema : undefined;
  if (typeof tag !== 'string' || !READABLE_REPORTS.includes(tag)) {
    return fail(
      typeof tag === 'string' && tag.startsWith('da-doctor/report@')
        ? `report version ${tag.slice(0, 64)} is not supported by this version (it reads ${READABLE_REPORTS.join(', ')})`
        : `the report data is not a DirectAccess Doctor report (schema ${JSON.stringify(tag ?? null).slice(0, 64)})`,
    );
  }
  const envelope = reportEnvelope.safeParse(doc);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return fail(`invalid report at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const inner = parseSnapshotValue(envelope.data.snapshot);
  if (!inner.ok) return fail(`the report's snapshot is unusable: ${inner.message}`);
  const { createdAt, appVersion, redacted } = envelope.data;
  return { ok: true, snapshot: inner.snapshot, source: { kind: 'report', redacted, createdAt, appVersion, machine: inner.snapshot.machine } };
}

/**
 * A file's bytes as text, strictly: UTF-8 (with or without a byte-order mark) or UTF-16LE with its mark (what
 * Windows PowerShell 5.1 writes by default). Bytes that are not valid text are refused rather than read with
 * replacement characters, which would make a damaged file look like a different snapshot.
 */
export function decodeHandoffBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: false, message: 'the file is UTF-16 big-endian text: save it as UTF-8 and try again' };
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, message: 'the file is not UTF-8 text (damaged, or saved in another encoding): save it as UTF-8 and try again' };
  }
}
