/**
 * Does a proxy bypass list (WinHTTP `bypassList`, WinINET `ProxyOverride`) exempt the DirectAccess server's name?
 * Knowledge J.5: entries are separated by `;` (also `,` and white space); matching is case-insensitive; `*` matches
 * any run of characters (`*.contoso.com`, `*contoso.com`, `da.*`); `<local>` matches only names without a dot, so it
 * never exempts an FQDN; `host:port` applies only to that port (`*` = any); an address entry exempts the name only
 * when it matches an address the name resolves to. A scheme prefix (`https://`) is dropped: IP-HTTPS is https.
 */

/** The entry that exempts the host, or null when no entry does (or there is no list). */
export function bypassEntryFor(list: string | null | undefined, host: string, opts: { port?: number; addresses?: readonly string[] } = {}): string | null {
  if (!list) return null;
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  if (!name) return null;
  const port = opts.port ?? 443;
  const addresses = (opts.addresses ?? []).map((a) => a.toLowerCase());
  for (const raw of list.split(/[;,\s]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const lower = entry.toLowerCase();
    if (lower === '<local>') {
      if (!name.includes('.')) return entry;
      continue;
    }
    if (lower.startsWith('<')) continue; // <-loopback> and the like say nothing about this name
    const { pattern, entryPort } = splitPort(lower.replace(/^[a-z][a-z0-9+.-]*:\/\//, ''));
    if (!pattern) continue;
    if (entryPort !== null && entryPort !== '*' && Number(entryPort) !== port) continue;
    if (globMatches(pattern, name) || addresses.some((a) => globMatches(pattern, a))) return entry;
  }
  return null;
}

/** True when the list exempts the host (see bypassEntryFor). */
export function bypasses(list: string | null | undefined, host: string, opts: { port?: number; addresses?: readonly string[] } = {}): boolean {
  return bypassEntryFor(list, host, opts) !== null;
}

/** `host:port`, `[v6]:port`, a bare IPv6 literal (no port) or a bare name. */
function splitPort(entry: string): { pattern: string; entryPort: string | null } {
  const bracket = /^\[([^\]]*)\](?::(\d+|\*))?$/.exec(entry);
  if (bracket) return { pattern: bracket[1] ?? '', entryPort: bracket[2] ?? null };
  const colons = entry.split(':').length - 1;
  if (colons === 1) {
    const [pattern = '', entryPort = ''] = entry.split(':');
    return { pattern, entryPort: /^(\d+|\*)$/.test(entryPort) ? entryPort : null };
  }
  return { pattern: entry.replace(/\/+$/, ''), entryPort: null };
}

/** Whole-string match where `*` stands for any run of characters (including none). */
function globMatches(pattern: string, text: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(text);
}
