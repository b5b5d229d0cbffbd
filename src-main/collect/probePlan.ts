/** How long each probe may take, and which probes wait on the network (the order is src-shared/snapshot.ts SECTION_NAMES). */
import type { SectionName } from '../../src-shared/snapshot';

/**
 * A network probe makes a few calls one after another, each bounded by its own 5 s in the module
 * ($script:DadNetworkTimeoutMs): the server certificate's is the longest (the handshake, then a CRL download for each
 * of its two CAs: 15 s when every CRL server hangs). This is the backstop for the whole probe, after which it is
 * abandoned. On a network that answers nothing a probe ends after its first call, 5 s. Local reads answer at once.
 */
const NETWORK_TIMEOUT_MS = 20_000;
const LOCAL_TIMEOUT_MS = 5_000;
/** The probes that wait on the network: they run at the same time, in the session's pool (collector.ts). */
// ipsec looks up an intranet name first, so on-demand tunnels exist before it reads the SAs (knowledge I.3).
// serverInfrastructure looks up the name `isatap` (and the server's ISATAP router name).
export const NETWORK_SECTIONS: readonly SectionName[] = ['reachability', 'serverCertificate', 'isatap', 'location', 'ipsec', 'serverInfrastructure'];
const NETWORK: ReadonlySet<SectionName> = new Set(NETWORK_SECTIONS);

export function isNetworkSection(section: SectionName): boolean {
  return NETWORK.has(section);
}

/** The time budget of one probe call, before it is abandoned and the section marked timedOut. */
export function probeTimeoutMs(section: SectionName, scale = 1): number {
  return Math.round((NETWORK.has(section) ? NETWORK_TIMEOUT_MS : LOCAL_TIMEOUT_MS) * scale);
}

/**
 * The longest a collection of these sections can take, in whole seconds: every probe using its whole budget, the
 * local ones one after another beside the network ones, which wait at the same time. An honest upper bound for a
 * progress screen, not a forecast: a healthy machine answers in a few seconds.
 */
export function worstCaseSeconds(sections: readonly SectionName[], scale = 1): number {
  const local = sections.filter((s) => !NETWORK.has(s)).reduce((ms, s) => ms + probeTimeoutMs(s, scale), 0);
  const network = Math.max(0, ...sections.filter((s) => NETWORK.has(s)).map((s) => probeTimeoutMs(s, scale)));
  return Math.ceil(Math.max(local, network) / 1000);
}
