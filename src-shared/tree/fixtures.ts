/**
 * Plain diagnoses per acceptance scenario (scenarios.md), for tests of the tree and the renderer. They carry only
 * what the tree reads: the role, the status, the findings by id, and the organisation config's pins.
 */
import { DIAGNOSIS_SCHEMA, type Diagnosis, type Finding, type Role } from '../finding';
import type { RootCauseId, Severity } from '../ids';
import type { OrgConfig } from '../orgConfig';
import type { WalkContext } from './types';

/** A minimal finding with this id (evidence and texts are placeholders). */
export function finding(id: RootCauseId, severity: Severity = 'error', variant?: string): Finding {
  return {
    id,
    severity,
    ...(variant ? { variant } : {}),
    title: id,
    plain: `plain ${id}`,
    technical: `technical ${id}`,
    evidence: [{ probe: 'ipHttps', field: 'state.lastErrorCode', observed: 0 }],
    fixes: [],
    escalate: false,
    adminAction: `admin action for ${id}`,
    commands: [],
  };
}

/** A diagnosis with these findings; status follows the findings' severities as the diagnose stage does. */
export function diagnosis(role: Role, findings: Finding[], status?: Diagnosis['status']): Diagnosis {
  return {
    schema: DIAGNOSIS_SCHEMA,
    status: status ?? (findings.some((f) => f.severity === 'error') ? 'problems' : 'healthy'),
    role,
    machine: 'PC-TEST',
    collectedAt: '2025-01-01T00:00:00.000Z',
    findings,
    probes: {},
  };
}

const pinnedOrg: OrgConfig = {
  schema: 'da-doctor/org@1',
  organisation: 'Contoso',
  pinnedRoots: [{ subject: 'CN=Contoso Root CA', thumbprint: 'A'.repeat(40) }],
  pinnedIntermediates: [],
  preauthentication: false,
  otp: false,
  manageOutExpected: false,
};
const isatapOrg: OrgConfig = { ...pinnedOrg, pinnedRoots: [], isatapRouter: 'isatap-da.corp.contoso.com' };

/** Where a scenario's walk must end (scenarios.md, "tree ends at"). */
export type Expected = { fix: string } | { outcome: string; cause?: RootCauseId } | { question: string };

/** One scenario: its context for the tree and where the walk without answers ends. */
export interface ScenarioCase {
  name: string;
  ctx: WalkContext;
  expect: Expected;
}

const ctx = (d: Diagnosis, org: OrgConfig | null = null): WalkContext => ({ diagnosis: d, snapshot: { org }, answers: {}, fixResults: {} });
const client = (...f: Finding[]) => diagnosis('client', f);

/** Every scenario of scenarios.md with its expected end (the walk without answers or fix results). */
export const SCENARIO_CASES: ScenarioCase[] = [
  { name: 'healthy', ctx: ctx(client()), expect: { outcome: 'working' } },
  { name: 'untrusted-root', ctx: ctx(client(finding('iphttps-untrusted-root')), pinnedOrg), expect: { fix: 'import-root-ca' } },
  { name: 'untrusted-root-no-pin', ctx: ctx(client(finding('iphttps-untrusted-root'))), expect: { question: 'rootFile' } },
  { name: 'self-signed-renewed', ctx: ctx(client(finding('iphttps-untrusted-root', 'error', 'self-signed-renewed'))), expect: { outcome: 'escalate', cause: 'iphttps-untrusted-root' } },
  { name: 'win7-untrusted-root', ctx: ctx(client(finding('iphttps-untrusted-root')), pinnedOrg), expect: { fix: 'import-root-ca' } },
  { name: 'expired-server-cert', ctx: ctx(client(finding('iphttps-cert-expired'))), expect: { outcome: 'escalate', cause: 'iphttps-cert-expired' } },
  { name: 'clock-skew', ctx: ctx(client(finding('clock-skew'))), expect: { fix: 'resync-time' } },
  { name: 'revocation-offline', ctx: ctx(client(finding('iphttps-revocation-offline'))), expect: { fix: 'clear-crl-cache' } },
  { name: 'winhttp-proxy', ctx: ctx(client(finding('iphttps-proxy'))), expect: { fix: 'reset-winhttp-proxy' } },
  { name: 'nrpt-split-dns', ctx: ctx(client(finding('nrpt-captures-public-name'))), expect: { outcome: 'escalate', cause: 'nrpt-captures-public-name' } },
  { name: 'captive-portal', ctx: ctx(client(finding('iphttps-server-unreachable'))), expect: { question: 'captivePortal' } },
  { name: 'preauth-no-machine-cert', ctx: ctx(client(finding('preauth-client-cert-missing'))), expect: { outcome: 'escalate', cause: 'preauth-client-cert-missing' } },
  { name: 'ip-helper-stopped', ctx: ctx(client(finding('ip-helper-stopped'))), expect: { fix: 'start-ip-helper' } },
  { name: 'ipv6-disabled', ctx: ctx(client(finding('ipv6-transition-disabled'))), expect: { fix: 'set-ipv6-prefer-ipv4' } },
  { name: 'inside-corpnet', ctx: ctx(client(finding('inside-corpnet', 'info'))), expect: { outcome: 'working-inside' } },
  { name: 'name-mismatch', ctx: ctx(client(finding('iphttps-name-mismatch'))), expect: { outcome: 'escalate', cause: 'iphttps-name-mismatch' } },
  { name: 'invalid-url', ctx: ctx(client(finding('iphttps-invalid-url'))), expect: { outcome: 'escalate', cause: 'iphttps-invalid-url' } },
  { name: 'unknown-error', ctx: ctx(client(finding('iphttps-unknown-error'))), expect: { outcome: 'escalate', cause: 'iphttps-unknown-error' } },
  { name: 'edition-pro', ctx: ctx(client(finding('edition-unsupported'))), expect: { outcome: 'escalate', cause: 'edition-unsupported' } },
  { name: 'not-configured', ctx: ctx(diagnosis('client', [finding('da-not-configured')])), expect: { outcome: 'escalate', cause: 'da-not-configured' } },
  { name: 'isatap-default-state', ctx: ctx(diagnosis('manageOut', [finding('isatap-default-state-no-interface')])), expect: { fix: 'enable-isatap' } },
  { name: 'isatap-blocked-name', ctx: ctx(diagnosis('manageOut', [finding('isatap-router-unresolved')]), isatapOrg), expect: { fix: 'set-isatap-router' } },
  { name: 'probe-throws', ctx: ctx(client()), expect: { outcome: 'working' } },
  { name: 'probe-hangs', ctx: ctx(client(finding('iphttps-untrusted-root')), pinnedOrg), expect: { fix: 'import-root-ca' } },
];
