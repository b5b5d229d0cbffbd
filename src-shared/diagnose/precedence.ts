/**
 * Root-cause ordering (DESIGN §1): when a deeper cause and its symptom both fire, only the deeper cause stays and
 * the symptom's evidence moves into it. The table says which cause explains which.
 */
import type { Evidence, Finding } from '../finding';
import type { RootCauseId } from '../ids';

/** Findings that come from the IP-HTTPS LastErrorCode or the server certificate. */
const IPHTTPS: readonly RootCauseId[] = [
  'iphttps-untrusted-root',
  'iphttps-partial-chain',
  'iphttps-cert-expired',
  'iphttps-revocation-offline',
  'iphttps-name-mismatch',
  'iphttps-proxy',
  'nrpt-captures-public-name',
  'iphttps-server-unreachable',
  'iphttps-invalid-url',
  'iphttps-tls-handshake-failed',
  'preauth-client-cert-missing',
  'preauth-client-cert-invalid',
  'iphttps-interface-error',
  'iphttps-unknown-error',
];
/** ISATAP findings that a missing tunnel interface would produce. */
const ISATAP_INTERFACE: readonly RootCauseId[] = ['isatap-default-state-no-interface', 'isatap-no-global-address'];

const ALL_ERRORS = '*' as const;

/** deeper cause → the findings it explains. `*`: every other error finding. */
export const EXPLAINS: Partial<Record<RootCauseId, readonly RootCauseId[] | typeof ALL_ERRORS>> = {
  'edition-unsupported': ALL_ERRORS,
  'da-not-configured': ['ip-helper-stopped', 'ipv6-transition-disabled', 'clock-skew', ...IPHTTPS],
  'ip-helper-stopped': [...IPHTTPS, ...ISATAP_INTERFACE],
  'ipv6-transition-disabled': [...IPHTTPS, ...ISATAP_INTERFACE],
  'clock-skew': ['iphttps-revocation-offline', 'preauth-client-cert-invalid', 'iphttps-unknown-error'],
  'iphttps-invalid-url': ['iphttps-name-mismatch', 'iphttps-server-unreachable', 'iphttps-unknown-error'],
  'iphttps-untrusted-root': ['iphttps-partial-chain'],
  'iphttps-proxy': ['iphttps-server-unreachable'],
  'nrpt-captures-public-name': ['iphttps-server-unreachable'],
  'preauth-client-cert-missing': ['iphttps-tls-handshake-failed'],
  'preauth-client-cert-invalid': ['iphttps-tls-handshake-failed'],
  'isatap-not-configured': ['isatap-router-unresolved', ...ISATAP_INTERFACE],
  'isatap-router-unresolved': ISATAP_INTERFACE,
  'isatap-default-state-no-interface': ['isatap-no-global-address'],
};

/** True when finding `deeper` explains finding `symptom`. */
export function explains(deeper: Finding, symptom: Finding): boolean {
  if (deeper.id === symptom.id || deeper.severity !== 'error') return false;
  const list = EXPLAINS[deeper.id];
  if (list === ALL_ERRORS) return symptom.severity === 'error';
  return list?.includes(symptom.id) ?? false;
}

function key(e: Evidence): string {
  return `${e.probe}|${e.field}|${JSON.stringify(e.observed)}`;
}

/** Keep only the deepest causes; fold each symptom's evidence into the cause that explains it. */
export function applyPrecedence(findings: Finding[]): Finding[] {
  const explainerOf = (f: Finding): Finding | undefined => findings.find((d) => explains(d, f));
  const rootOf = (f: Finding): Finding => {
    const seen = new Set<Finding>([f]);
    let cur = f;
    for (let next = explainerOf(cur); next && !seen.has(next); next = explainerOf(cur)) {
      seen.add(next);
      cur = next;
    }
    return cur;
  };
  const kept = new Map<Finding, Finding>();
  for (const f of findings) {
    const root = rootOf(f);
    if (root === f) kept.set(f, kept.get(f) ?? { ...f, evidence: [...f.evidence] });
  }
  for (const f of findings) {
    const root = rootOf(f);
    if (root === f) continue;
    const target = kept.get(root) ?? { ...root, evidence: [...root.evidence] };
    kept.set(root, target);
    const have = new Set(target.evidence.map(key));
    for (const e of f.evidence) {
      if (have.has(key(e))) continue;
      have.add(key(e));
      target.evidence.push({ ...e, note: `symptom (${f.id})${e.note ? `: ${e.note}` : ''}` });
    }
  }
  return findings.filter((f) => kept.has(f)).map((f) => kept.get(f)!);
}
