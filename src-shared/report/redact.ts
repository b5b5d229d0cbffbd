/**
 * Redaction before a report leaves the machine: the computer's name and FQDN, its domain, the people in the audit log
 * and the logged-on user of the proxy probe (account and SID) are replaced by placeholders wherever they occur, as a
 * whole value or inside a string. Server names stay: the administrator needs them.
 *
 * It walks the value rather than rewriting its JSON text: a machine named `null`, `true` or `"` must never change the
 * structure of the report (a regex over the text turned `"domain":null` into invalid JSON). Object keys are the
 * schema's field names and are kept; only string values change.
 */

/** What to hide. */
export interface SensitiveNames {
  machine?: string;
  /** The OS's own name for itself, when it differs from the snapshot's machine name. */
  computerName?: string | null;
  fqdn?: string | null;
  domain?: string | null;
  users?: Array<string | null | undefined>;
  sids?: Array<string | null | undefined>;
}

/** One value to hide and its placeholder. */
export type Token = [value: string, placeholder: string];

/** Shorter than this, a name is replaced only where it is a whole value: inside text it would hit ordinary words. */
const MIN_INSIDE = 3;

/** The names to hide, longest first so an FQDN is replaced before the host name inside it. */
export function sensitiveTokens(input: SensitiveNames): Token[] {
  const pairs: Token[] = [];
  const add = (value: string | null | undefined, placeholder: string) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    if (!pairs.some(([v]) => v.toLowerCase() === value.toLowerCase())) pairs.push([value, placeholder]);
  };
  add(input.fqdn, '[computer-fqdn]');
  add(input.domain, '[domain]');
  add(input.machine, '[computer]');
  add(input.computerName, '[computer]');
  for (const sid of input.sids ?? []) add(sid, '[user-sid]');
  for (const u of input.users ?? []) {
    add(u, '[user]');
    // DOMAIN\name and name@domain: the bare name appears on its own elsewhere (paths, messages).
    const bare = u?.includes('\\') ? u.slice(u.lastIndexOf('\\') + 1) : u?.includes('@') ? u.slice(0, u.indexOf('@')) : null;
    add(bare, '[user]');
  }
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Returns a copy of a JSON-like value with every token replaced (case-insensitive): a string equal to a token becomes
 * its placeholder; a token of at least three characters inside a string is replaced where it is not part of a longer
 * word (letters or digits on either side). Numbers, booleans and null are never touched.
 */
export function redactValue<T>(value: T, tokens: Token[]): T {
  if (!tokens.length) return value;
  const whole = new Map(tokens.map(([t, p]) => [t.toLowerCase(), p]));
  const inside = tokens
    .filter(([t]) => t.length >= MIN_INSIDE)
    .map(([t, p]) => [new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])`, 'giu'), p] as const);
  const str = (s: string): string => {
    const exact = whole.get(s.toLowerCase());
    if (exact !== undefined) return exact;
    let out = s;
    // A function replacer: a placeholder is never read as a replacement pattern ($&, $1…).
    for (const [re, p] of inside) out = out.replace(re, () => p);
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return str(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      // fromEntries defines own data properties, so a key named __proto__ stays a key and never becomes a prototype.
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
