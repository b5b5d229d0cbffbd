/**
 * The diagnose stage: snapshot in, diagnosis out. Pure: no I/O, so it runs the same in main, the CLI and the
 * renderer. Role first, then the rules that apply to it, then root-cause ordering, then the overall status.
 */
import { DIAGNOSIS_SCHEMA, type Diagnosis, type Finding, type Role } from '../finding';
import { SECTION_NAMES, type Snapshot } from '../snapshot';
import { makeContext, type ContextRecord, type RuleContext } from './context';
import { applyPrecedence } from './precedence';
import { deriveRole } from './role';
import { describeErrorCode, RULES } from '../causes/registry';
import { globalIsatapAddresses } from '../causes/isatap/isatap';
import { insideCorpnet } from '../causes/machine/insideCorpnet';
import { dtesWithoutSa } from '../causes/machine/ipsecTunnelFailed';
import { daMigrated } from '../causes/coexistence/daMigrated';

export { RULES, describeErrorCode, ERROR_CODES } from '../causes/registry';
export { parseErrorCode, toHex } from './errorCodes';
export type { RuleContext } from './context';

/** The variant of a finding that is "working now, failing later" (contract §1). */
export const LATENT = 'latent';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Rules that apply to a role; with an unknown role, only those that hold for every role. */
function appliesTo(rule: (typeof RULES)[number], role: Role): boolean {
  if (role !== 'unknown') return rule.roles.includes(role);
  return rule.roles.includes('client') && rule.roles.includes('manageOut');
}

/** True when the evidence shows the role's connection working (so "no findings" may mean healthy). */
function workingShown(ctx: RuleContext, findings: Finding[]): boolean {
  if (ctx.role === 'client') {
    if (findings.some((f) => f.id === insideCorpnet.id)) return true;
    // Moved off DirectAccess: working only when the replacement tunnel is shown connected (da-migrated `connected`).
    if (findings.some((f) => f.id === daMigrated.id)) return findings.some((f) => f.id === daMigrated.id && f.variant === 'connected');
    const ip = ctx.need('ipHttps');
    const conn = ctx.peek('daStatus')?.connection;
    if (conn && /error/i.test(conn.status)) return false;
    // IP-HTTPS up says nothing about the IPsec tunnels inside it (knowledge I.7): a tunnel endpoint without a main-mode
    // SA (when that list can be believed) is not a working connection, whatever else looks connected.
    if ((dtesWithoutSa(ctx.peek('ipsec'))?.length ?? 0) > 0) return false;
    return (ip !== undefined && ctx.code === 0) || /connectedremotely/i.test(conn?.status ?? '');
  }
  if (ctx.role === 'manageOut') {
    const isatap = ctx.need('isatap');
    return isatap !== undefined && globalIsatapAddresses(isatap).length > 0;
  }
  if (ctx.role === 'server') {
    // The server's own checks answered: its binding and certificate were read (a failed probe stays unknown), with
    // whether the certificate has its private key (unread is unknown, not fine: without it IP-HTTPS cannot work).
    const server = ctx.need('server');
    return server !== undefined && server.bindings.length > 0 && server.certificate !== null && server.certificate.hasPrivateKey !== undefined;
  }
  return false;
}

/** Diagnose one snapshot: the role, the root causes with their evidence, and the overall status. */
export function diagnose(snapshot: Snapshot): Diagnosis {
  const record: ContextRecord = { undetermined: new Set() };
  const role = deriveRole(snapshot, record);
  const ctx = makeContext(snapshot, role, record, describeErrorCode);

  const raw: Finding[] = [];
  for (const rule of RULES) {
    if (!appliesTo(rule, role)) continue;
    const out = rule.run(ctx);
    if (out) raw.push(...(Array.isArray(out) ? out : [out]));
  }
  const findings = applyPrecedence(raw)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);

  const hasError = findings.some((f) => f.severity === 'error');
  // Working now, failing later (contract §1): a latent finding is a problem to act on while the connection still
  // works, so the status is never a bare `healthy`; the exit code stays 0 (no error finding: nothing is broken now).
  const hasLatent = findings.some((f) => f.variant === LATENT);
  const working = role !== 'unknown' && workingShown(ctx, findings);
  const status: Diagnosis['status'] =
    hasError || hasLatent ? 'problems' : role === 'unknown' || record.undetermined.size > 0 || !working ? 'unknown' : 'healthy';

  const probes: Diagnosis['probes'] = {};
  for (const name of SECTION_NAMES) {
    const sec = snapshot.sections[name];
    probes[name] = sec.message !== undefined ? { status: sec.status, ms: sec.ms, message: sec.message } : { status: sec.status, ms: sec.ms };
  }
  return {
    schema: DIAGNOSIS_SCHEMA,
    status,
    role,
    machine: snapshot.machine,
    collectedAt: snapshot.collectedAt,
    findings,
    probes,
  };
}

/** True when the only problems are latent ones: DirectAccess works now and stops at the next reconnect. */
export function worksUntilReconnect(d: Pick<Diagnosis, 'status' | 'findings'>): boolean {
  return d.status === 'problems' && !d.findings.some((f) => f.severity === 'error') && d.findings.some((f) => f.variant === LATENT);
}
