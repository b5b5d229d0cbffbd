/**
 * Test-only checks of the words people read: placeholders in commands a technician pastes, and technical detail in the
 * end user's plain view. One pattern list each, shared by the unit tests (cause modules, components) and the
 * integration test that runs every scenario.
 */

/** `<thumbprint>`, `{router}`, `…`, `...`, `TODO`: a value someone would have to fill in before pasting. */
export const PLACEHOLDER = /<[^<>\s][^<>]*>|\{[A-Za-z][A-Za-z ]*\}|…|\.\.\.|\bTODO\b/;

/** True when the command has a placeholder in it. */
export function placeholderIn(command: string): boolean {
  return PLACEHOLDER.test(command);
}

// PowerShell's verbs as they start cmdlet names (not "Wi-Fi" or "IP-HTTPS").
const CMDLET = /\b(Get|Set|Start|Stop|Restart|Enable|Disable|Remove|Add|Import|Export|Clear|Reset|New|Test|Resolve|Invoke|Select|Update|Sync)-[A-Z]\w*/;

/** What the end user must not see, by name. */
export const PLAIN_JARGON: readonly { what: string; re: RegExp }[] = [
  { what: 'hex code', re: /\b0x[0-9a-f]+/i },
  { what: 'thumbprint', re: /\b[0-9a-f]{40}\b/i },
  { what: 'registry hive', re: /\bHKLM\b|\bHKCU\b|\bHKU\b|HKEY_/ },
  { what: 'cmdlet', re: CMDLET },
  { what: 'command-line tool', re: /\b(netsh|certutil|w32tm|gpupdate|gpresult|djoin|reg query|sc qc|wevtutil)\b/i },
  { what: 'service short name', re: /\b(iphlpsvc|NcaSvc|w32time|IKEEXT|PolicyAgent|BFE|MpsSvc)\b/i },
  { what: 'backslash path', re: /\w\\\w|\\\\/ },
  { what: 'administrator instruction', re: /\bas (an )?administrator\b|\badministrator (PowerShell|prompt)\b|\belevated\b|\bGPO\b/i },
  { what: 'symbolic error name', re: /\b[A-Z]+_E_[A-Z_]+\b|\bERROR_[A-Z_]+\b/ },
];

/** The visible text of static markup: tags dropped, the few entities React writes decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Each piece of jargon in the markup's visible text, as `what: "match"`. */
export function plainJargonIn(html: string): string[] {
  const text = visibleText(html);
  return PLAIN_JARGON.flatMap(({ what, re }) => {
    const m = re.exec(text);
    return m ? [`${what}: "${m[0]}" in "${text.slice(Math.max(0, m.index - 40), m.index + 40).trim()}"`] : [];
  });
}
