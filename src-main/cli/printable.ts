/**
 * Text the CLI prints for people comes partly from the machine examined (its name, certificate subjects, probe
 * messages, audit records) and from snapshots that may come from anywhere. A terminal obeys escape sequences and
 * bidi controls in it (clear the screen, rewrite the title, reorder "ERROR" into "OK"), so text mode strips them.
 * JSON mode prints JSON.stringify's exact output instead.
 */

// C0 controls except \t and \n, DEL, C1 controls, LRM/RLM, bidi embeddings/overrides (U+202A–E) and isolates (U+2066–9).
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text without terminal controls and bidi overrides; tabs and line breaks stay. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}

/** One line of text: as printable, and line breaks become spaces so a value cannot forge a line of its own. */
export function printableLine(text: string): string {
  return printable(text).replace(/\n/g, ' ');
}
