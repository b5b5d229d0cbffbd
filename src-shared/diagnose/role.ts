/** The machine's role, derived before any rule runs because it decides which rules apply (DESIGN §1). */
import type { Role } from '../finding';
import type { Snapshot } from '../snapshot';
import type { ContextRecord } from './context';

/** True when the ISATAP configuration names a router or enables ISATAP explicitly. */
export function isatapConfigured(snapshot: Snapshot): boolean | undefined {
  const sec = snapshot.sections.isatap;
  if (sec.status !== 'ok' || !sec.data) return sec.status === 'notApplicable' ? false : undefined;
  const cfg = sec.data.configuration;
  return !!cfg && (!!cfg.router?.trim() || /^enabled$/i.test(cfg.state));
}

/**
 * client: a DirectAccess client policy is applied. manageOut: no client policy, but ISATAP is configured or the
 * organisation expects manage-out hosts. unknown: the sections that tell them apart failed.
 */
export function deriveRole(snapshot: Snapshot, record: ContextRecord): Role {
  const s = snapshot.sections;
  const da = s.daStatus.status === 'ok' ? s.daStatus.data : undefined;
  const ip = s.ipHttps.status === 'ok' ? s.ipHttps.data : undefined;
  const urlFromConfig = !!ip?.configuration?.serverUrl;
  if (urlFromConfig || (da && (da.policyApplied || da.ncaConfigured || !!da.ipHttpsClientUrl))) return 'client';
  if (!da) {
    record.undetermined.add('daStatus');
    return 'unknown';
  }
  const isatap = isatapConfigured(snapshot);
  if (isatap === true || snapshot.org?.manageOutExpected) return 'manageOut';
  if (isatap === undefined) {
    record.undetermined.add('isatap');
    return 'unknown';
  }
  return 'client'; // no policy and no ISATAP: a DirectAccess client without its policy (da-not-configured)
}
