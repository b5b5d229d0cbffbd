/** The one duration and the one hex formatter, for every layer (rules, verify checks, CLI, renderer). */

const UNITS: ReadonlyArray<[name: string, ms: number, below: number]> = [
  ['second', 1000, 120],
  ['minute', 60_000, 120],
  ['hour', 3_600_000, 48],
  ['day', 86_400_000, 730],
];
const YEAR_MS = 365 * 86_400_000;

const plural = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;

/**
 * A length of time for people, in one unit that reads naturally and rounded: "45 seconds", "6 minutes", "3 years".
 * The sign is dropped (the caller says "ahead" or "behind"); up to 119 of a unit before the next one takes over
 * (47 hours, 729 days).
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'an unknown time';
  const abs = Math.abs(ms);
  for (const [name, size, below] of UNITS) {
    const n = Math.round(abs / size);
    if (n < below) return plural(n, name);
  }
  return plural(Math.round(abs / YEAR_MS), 'year');
}

/**
 * A 32-bit code as Windows tools print it: `0x800b0109`. Negative values are the same code read as a signed
 * HRESULT (-2146762487 is 0x800b0109). Anything that is not a 32-bit integer stays decimal rather than be wrapped
 * into a wrong code.
 */
export function toHex(code: number, opts: { upper?: boolean } = {}): string {
  if (!Number.isInteger(code) || code < -0x8000_0000 || code > 0xffff_ffff) return String(code);
  const digits = (code >>> 0).toString(16);
  return `0x${opts.upper ? digits.toUpperCase() : digits}`;
}

/** "a", "a and b", "a, b and c": a list inside a sentence; with `; ` for items that hold commas, "a; b; and c". */
export function joinAnd(items: readonly string[], separator: ', ' | '; ' = ', '): string {
  const last = separator === ', ' ? ' and ' : '; and ';
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(separator)}${last}${items[items.length - 1]}`;
}
