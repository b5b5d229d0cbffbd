/**
 * How a DNS lookup ended, in words (knowledge A.6/A.7): "no such name", "no address record" and "no answer in time"
 * point to different fixes (a missing record, a record of the wrong type, a network whose DNS does not answer), so
 * the texts say which one happened instead of "did not resolve". Older snapshots and Windows 7 do not say.
 */
import type { DnsLookup } from '../snapshot';

/** Technical words: what Windows answered, with its error id. */
export function lookupTechnical(lookup: DnsLookup | undefined): string {
  switch (lookup?.outcome) {
    case 'nameError':
      return 'no such name (NXDOMAIN, DNS_ERROR_RCODE_NAME_ERROR)';
    case 'noRecords':
      return `the name exists but has no A/AAAA record${lookup.errorId ? ` (${lookup.errorId})` : ''}`;
    case 'timedOut':
      return `no DNS server answered in time${lookup.errorId ? ` (${lookup.errorId})` : ''}`;
    case 'failed':
      return lookup.errorId ? `the lookup failed (${lookup.errorId})` : 'no addresses (the resolver did not say why)';
    case 'answered':
      return 'answered';
    default:
      return 'no addresses';
  }
}

/** Plain words for the person at the laptop, completing "the name …"; null when the snapshot does not say. */
export function lookupPlain(lookup: DnsLookup | undefined): string | null {
  switch (lookup?.outcome) {
    case 'nameError':
      return 'does not exist for the name servers this network uses';
    case 'noRecords':
      return 'exists, but has no address the computer can use';
    case 'timedOut':
      return 'could not be looked up: the name servers of this network did not answer';
    default:
      return null;
  }
}
