/**
 * Redaction before a report leaves the machine: the computer's name, its domain and the people in the audit log are
 * replaced by placeholders everywhere they occur. Server names stay: the administrator needs them.
 */

/** The names to hide, longest first so an FQDN is replaced before the host name inside it. */
export function sensitiveTokens(input: { machine?: string; fqdn?: string | null; domain?: string | null; users?: string[] }): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const add = (value: string | null | undefined, placeholder: string) => {
    if (value && value.length >= 3 && !pairs.some(([v]) => v.toLowerCase() === value.toLowerCase())) pairs.push([value, placeholder]);
  };
  add(input.fqdn, '[computer-fqdn]');
  add(input.domain, '[domain]');
  add(input.machine, '[computer]');
  for (const u of input.users ?? []) add(u, '[user]');
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

/** Replaces every token (case-insensitive) in a JSON-able value by round-tripping its text. */
export function redactValue<T>(value: T, tokens: Array<[string, string]>): T {
  if (!tokens.length) return value;
  let text = JSON.stringify(value);
  for (const [token, placeholder] of tokens) {
    const escaped = JSON.stringify(token)
      .slice(1, -1)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(escaped, 'gi'), placeholder);
  }
  return JSON.parse(text) as T;
}
