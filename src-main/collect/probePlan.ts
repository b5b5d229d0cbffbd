/** How long each probe may take, which probes wait on the network, and the order they go to the session's pool. */
import type { SectionName } from '../../src-shared/snapshot';

/**
 * A network probe makes a few calls one after another, each bounded by its own 5 s in the module
 * ($script:DadNetworkTimeoutMs): the server certificate's is the longest (the handshake, then a CRL download for each
 * of its two CAs: 15 s when every CRL server hangs). This is the backstop for the whole probe, after which it is
 * abandoned. On a network that answers nothing a probe ends after its first call, 5 s. Local reads answer at once.
 */
const NETWORK_TIMEOUT_MS = 20_000;
const LOCAL_TIMEOUT_MS = 5_000;
/** The probes that wait on the network: they go to the pool first, so a free runspace never waits behind a local read. */
// ipsec looks up an intranet name first, so on-demand tunnels exist before it reads the SAs (knowledge I.3).
// serverInfrastructure looks up the name `isatap` (and the server's ISATAP router name).
export const NETWORK_SECTIONS: readonly SectionName[] = ['reachability', 'serverCertificate', 'isatap', 'location', 'ipsec', 'serverInfrastructure'];
const NETWORK: ReadonlySet<SectionName> = new Set(NETWORK_SECTIONS);

/**
 * Runspaces in the session's pool ($script:DadPoolSize in DaDoctor.psm1): one for each network probe, so a network
 * that answers nothing holds only those, and three lanes for the local reads (CIM and registry on Windows, which
 * wait on other processes more than on the CPU). Every probe runs in the pool: a warm re-check is one call to start
 * them and a few to collect them, not one round trip per probe (issue 12).
 */
export const POOL_SIZE = 8;

export function isNetworkSection(section: SectionName): boolean {
  return NETWORK.has(section);
}

/** The order probes go to the pool: the network ones first (they wait longest), then the rest as the snapshot lists them. */
export function poolOrder(sections: readonly SectionName[]): SectionName[] {
  return [...sections.filter((s) => NETWORK.has(s)), ...sections.filter((s) => !NETWORK.has(s))];
}

/** The time budget of one probe, from the moment it is handed to the pool, before it is abandoned and marked timedOut. */
export function probeTimeoutMs(section: SectionName, scale = 1): number {
  return Math.round((NETWORK.has(section) ? NETWORK_TIMEOUT_MS : LOCAL_TIMEOUT_MS) * scale);
}

/**
 * The longest a collection of these sections can take, in whole seconds, when every probe uses its whole budget: in
 * the pool every deadline runs from the start, so the longest budget; one after another (a module without the pool),
 * the sum. An honest upper bound for a progress screen, not a forecast: a healthy machine answers in a second or two.
 */
export function worstCaseSeconds(sections: readonly SectionName[], scale = 1, inPool = true): number {
  const budgets = sections.map((s) => probeTimeoutMs(s, scale));
  const ms = inPool ? Math.max(0, ...budgets) : budgets.reduce((a, b) => a + b, 0);
  return Math.ceil(ms / 1000);
}
