/**
 * The acceptance table of ../shared/scenarios.md as data: for each scenario, the root causes with severity
 * `error` the diagnosis must give (exactly), where the guided path ends, and the fix that must verify.
 * The integration test, the Playwright walks and the fix tests all read this one table.
 */
import type { FixId, RootCauseId } from '../src-shared/ids';

export interface ScenarioExpectation {
  errors: RootCauseId[];
  /** Other findings that must be present (warning/info), e.g. inside-corpnet. */
  alsoPresent?: RootCauseId[];
  /** Where the decision tree ends: an outcome kind, or a fix to apply. */
  ends: 'working' | 'working-inside' | 'escalate' | { fix: FixId };
  /** The fix that must verify on the simulated host, with its parameters. */
  verifiedFix?: { id: FixId; params?: Record<string, string> };
  /** Sections that must not be ok (a probe that throws or hangs). */
  sections?: Record<string, 'error' | 'timedOut'>;
}

export const SCENARIO_EXPECTATIONS: Record<string, ScenarioExpectation> = {
  healthy: { errors: [], ends: 'working' },
  'untrusted-root': { errors: ['iphttps-untrusted-root'], ends: { fix: 'import-root-ca' }, verifiedFix: { id: 'import-root-ca' } },
  'untrusted-root-no-pin': { errors: ['iphttps-untrusted-root'], ends: { fix: 'import-root-ca' } },
  'self-signed-renewed': { errors: ['iphttps-untrusted-root'], ends: 'escalate' },
  'win7-untrusted-root': { errors: ['iphttps-untrusted-root'], ends: { fix: 'import-root-ca' }, verifiedFix: { id: 'import-root-ca' } },
  'expired-server-cert': { errors: ['iphttps-cert-expired'], ends: 'escalate' },
  'clock-skew': { errors: ['clock-skew'], ends: { fix: 'resync-time' }, verifiedFix: { id: 'resync-time' } },
  'revocation-offline': { errors: ['iphttps-revocation-offline'], ends: { fix: 'clear-crl-cache' } },
  'winhttp-proxy': { errors: ['iphttps-proxy'], ends: { fix: 'reset-winhttp-proxy' }, verifiedFix: { id: 'reset-winhttp-proxy' } },
  'nrpt-split-dns': { errors: ['nrpt-captures-public-name'], ends: 'escalate' },
  'captive-portal': { errors: ['iphttps-server-unreachable'], ends: 'escalate' },
  'preauth-no-machine-cert': { errors: ['preauth-client-cert-missing'], ends: 'escalate' },
  'ip-helper-stopped': { errors: ['ip-helper-stopped'], ends: { fix: 'start-ip-helper' }, verifiedFix: { id: 'start-ip-helper' } },
  'ipv6-disabled': { errors: ['ipv6-transition-disabled'], ends: { fix: 'set-ipv6-prefer-ipv4' }, verifiedFix: { id: 'set-ipv6-prefer-ipv4' } },
  'inside-corpnet': { errors: [], alsoPresent: ['inside-corpnet'], ends: 'working-inside' },
  'name-mismatch': { errors: ['iphttps-name-mismatch'], ends: 'escalate' },
  'invalid-url': { errors: ['iphttps-invalid-url'], ends: 'escalate' },
  'unknown-error': { errors: ['iphttps-unknown-error'], ends: 'escalate' },
  'edition-pro': { errors: ['edition-unsupported'], ends: 'escalate' },
  'not-configured': { errors: ['da-not-configured'], ends: 'escalate' },
  'isatap-default-state': {
    errors: ['isatap-default-state-no-interface'],
    ends: { fix: 'enable-isatap' },
    verifiedFix: { id: 'enable-isatap' },
  },
  'isatap-blocked-name': {
    errors: ['isatap-router-unresolved'],
    ends: { fix: 'set-isatap-router' },
    verifiedFix: { id: 'set-isatap-router' },
  },
  'probe-throws': { errors: [], ends: 'working', sections: { teredo: 'error' } },
  'probe-hangs': { errors: ['iphttps-untrusted-root'], ends: { fix: 'import-root-ca' }, sections: { nrpt: 'timedOut' } },
};
