/**
 * A PowerShell single-quoted string literal. Only single-quoted literals are inert ($ and backticks do nothing);
 * PowerShell also treats the typographic quotes U+2018–U+201B as single quotes, so each is doubled too.
 * Used only for our own paths; data always travels as base64 JSON.
 */
export function psLiteral(value: string): string {
  if (/[\r\n\0]/.test(value)) throw new Error('a PowerShell literal cannot hold a newline or NUL');
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

/** Base64 of the UTF-8 JSON of `input`: the one way data reaches a script's param() block. */
export function toB64Json(input: unknown): string {
  return Buffer.from(JSON.stringify(input), 'utf8').toString('base64');
}
