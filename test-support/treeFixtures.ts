/**
 * Minimal findings and diagnoses for unit tests of the tree and the renderer. They carry only what the tree reads:
 * the role, the status, the findings by id, and the organisation config's pins. Where each scenario ends is stated
 * by the scenario files themselves (expect), not here.
 */
import { DIAGNOSIS_SCHEMA, type Diagnosis, type Finding, type Role } from '../src-shared/finding';
import type { RootCauseId, Severity } from '../src-shared/ids';
import type { OrgConfig } from '../src-shared/orgConfig';
import type { WalkContext } from '../src-shared/tree/types';

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

/** An organisation configuration that pins the Contoso root, so the root import is one click. */
export const PINNED_ORG: OrgConfig = {
  schema: 'da-doctor/org@1',
  organisation: 'Contoso',
  pinnedRoots: [{ subject: 'CN=Contoso Root CA', thumbprint: 'A'.repeat(40) }],
  pinnedIntermediates: [],
  preauthentication: false,
  otp: false,
  manageOutExpected: false,
  manageOutHosts: [],
};

/** A walk context for a client whose diagnosis has exactly this error finding, before any answer or fix. */
export function only(id: RootCauseId, org: OrgConfig | null = null): WalkContext {
  return { diagnosis: diagnosis('client', [finding(id)]), snapshot: { org }, answers: {}, fixResults: {} };
}
