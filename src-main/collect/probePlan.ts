/** How long each probe may take (the order is the snapshot schema's, src-shared/snapshot.ts SECTION_NAMES). */
import type { SectionName } from '../../src-shared/snapshot';

/** Network probes may wait on a TCP or TLS timeout of their own; local reads should answer at once. */
const NETWORK_TIMEOUT_MS = 12_000;
const LOCAL_TIMEOUT_MS = 5_000;
const NETWORK: ReadonlySet<SectionName> = new Set(['reachability', 'serverCertificate']);

/** The time budget of one probe call, before the session is thrown away and the section marked timedOut. */
export function probeTimeoutMs(section: SectionName, scale = 1): number {
  return Math.round((NETWORK.has(section) ? NETWORK_TIMEOUT_MS : LOCAL_TIMEOUT_MS) * scale);
}
