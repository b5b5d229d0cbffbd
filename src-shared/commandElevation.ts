/**
 * Whether a command a technician pastes needs an administrator prompt, read from the command itself so every list of
 * commands (findings, fix previews, the CLI) says it the same way: anything that changes a service, a store, the
 * registry or network settings does; reading (Get-*, `show`, `query`, `-verify`) does not.
 */

// PowerShell verbs that change the machine (New-Object only makes an object). Get-/Test-/Resolve-/Select- read.
const CHANGING_VERB =
  /^(Set|Start|Stop|Restart|Enable|Disable|Remove|Add|Import|Clear|Reset|New|Update|Register|Unregister|Sync|Install|Uninstall)-(?!Object\b)/i;
// Native tools: the sub-commands that write.
const NATIVE: readonly RegExp[] = [
  /^netsh\b.*\s(set|reset|add|delete|import|install|uninstall)\b/i,
  /^netsh\s+trace\s+start\b/i,
  /^certutil\b.*\s-(addstore|delstore|setreg|pulse)\b/i,
  /^certutil\b.*\s-urlcache\b.*\bdelete\b/i,
  /^w32tm\b.*\/(resync|config|register|unregister)\b/i,
  /^reg\s+(add|delete|import|restore)\b/i,
  /^sc(\.exe)?\s+(config|start|stop|delete|create)\b/i,
  /^net\s+(start|stop)\b/i,
];

/** True when the command needs "Run as administrator" (each `;`/`|` segment is checked). */
export function runAsAdmin(command: string): boolean {
  const segments = command.split(/[;|]/).map((s) => s.trim().replace(/^\$\w+\s*=\s*/, ''));
  return segments.some((s) => CHANGING_VERB.test(s) || NATIVE.some((r) => r.test(s)));
}
