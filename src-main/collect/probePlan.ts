/** How long each probe may take (the order is the snapshot schema's, src-shared/snapshot.ts SECTION_NAMES). */
import type { SectionName } from '../../src-shared/snapshot';

/** Network probes may wait on a TCP or TLS timeout of their own; local reads should answer at once. */
const NETWORK_TIMEOUT_MS = 12_000;
const LOCAL_TIMEOUT_MS = 5_000;
const NETWORK: ReadonlySet<SectionName> = new Set(['reachability', 'serverCertificate', 'location']);

/** The time budget of one probe call, before the session is thrown away and the section marked timedOut. */
export function probeTimeoutMs(section: SectionName, scale = 1): number {
  return Math.round((NETWORK.has(section) ? NETWORK_TIMEOUT_MS : LOCAL_TIMEOUT_MS) * scale);
}

/**
 * The longest a collection of these sections can take, in whole seconds: every probe using its whole budget (the
 * session's restart after a timeout is part of the next call and not counted). An honest upper bound for a progress
 * screen, not a forecast: a healthy machine answers in a few seconds.
 */
export function worstCaseSeconds(sections: readonly SectionName[], scale = 1): number {
  return Math.ceil(sections.reduce((ms, s) => ms + probeTimeoutMs(s, scale), 0) / 1000);
}
