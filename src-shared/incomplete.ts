/**
 * Which probes did not answer. One rule for the whole program: the diagnosis status is `unknown` (and the tree
 * escalates, node `status-unknown`) only when a probe the rules needed failed; every probe that timed out or failed
 * is still named beside whatever outcome the walk reaches, so "working" or "fixed" is never claimed without saying
 * what could not be checked.
 */
import type { Diagnosis } from './finding';
import { SECTION_NAMES, type SectionName } from './sectionNames';

/** The sections whose probe timed out or failed, in collection order; empty when every probe answered. */
export function incompleteProbes(diagnosis: Pick<Diagnosis, 'probes'>): SectionName[] {
  return SECTION_NAMES.filter((name) => {
    const status = diagnosis.probes[name]?.status;
    return status === 'timedOut' || status === 'error';
  });
}

/** What a section says when the person stopped the checks before its probe answered (the collector writes it). */
export const CANCELLED_MESSAGE = 'not finished: the checks were stopped before this probe answered';

/** The sections the person stopped before they answered (a subset of incompleteProbes). */
export function stoppedProbes(diagnosis: Pick<Diagnosis, 'probes'>): SectionName[] {
  return incompleteProbes(diagnosis).filter((name) => diagnosis.probes[name]?.message === CANCELLED_MESSAGE);
}
