/**
 * The fix executor behind every door (IPC, harness, CLI): validates a fix request against the catalogue and the
 * trust rules, saves the snapshot, runs the script through the runner (simulated session or elevated process),
 * verifies by re-collecting, and writes the audit log. Refusals are results, not exceptions.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { diagnose, LATENT } from '../../src-shared/diagnose';
import { fixSpec, type FixSpec } from '../../src-shared/fixes/catalogue';
import { routerSchema } from '../../src-shared/fixes/params';
import type { Diagnosis } from '../../src-shared/finding';
import type { FixId } from '../../src-shared/ids';
import type { AuditRecord, CertificateInfo, FixPreview, FixRunResult } from '../../src-shared/ipc';
import type { OrgConfig } from '../../src-shared/orgConfig';
import { reason, type Reason } from '../../src-shared/reasons';
import type { SectionName, Snapshot } from '../../src-shared/snapshot';
import { AuditLog, redactParams } from './audit';
import { certificateInfo, NotACertificate, parseCertificateText } from './certificate';
import type { Confirm } from './confirm';
import type { FixRunner, RunnerOutcome } from './runner';
import { decideTrust, presentedChain } from './trust';
import { FileUndoStore, undoValues, type UndoStore } from './undoStore';
import { pollVerification } from './verify';

/** A request that names no fix of the catalogue: the doors answer it as bad input. */
export class UnknownFixError extends Error {}

export interface ExecutorDeps {
  runner: FixRunner;
  dataDir: string;
  org: () => OrgConfig | null;
  /** Collects a snapshot (all sections, or only these). */
  collect: (only?: readonly SectionName[]) => Promise<Snapshot>;
  /** On the simulated host a fix changes the machine at once: one poll, no waiting. */
  simulated: boolean;
  pollIntervalMs?: number;
  warn?: (message: string) => void;
  /** Where undo data is kept and read back for undo (default: a folder in dataDir; Windows: the admin-only store). */
  undoStore?: UndoStore;
}

type Params = Record<string, string | undefined>;

/** A request checked and resolved: what the script gets, what the preview shows, or why it is refused. */
type Prepared =
  | { ok: true; spec: FixSpec; params: Params; scriptParams: Record<string, string>; certificate: CertificateInfo | null; certThumbprint: string | null }
  | { ok: false; spec: FixSpec; reason: Reason; certificate: CertificateInfo | null; certThumbprint: string | null };

const CERT_FIXES: Partial<Record<FixId, 'root' | 'intermediate'>> = { 'import-root-ca': 'root', 'import-intermediate-ca': 'intermediate' };
const ROUTER_FIXES: FixId[] = ['enable-isatap', 'set-isatap-router'];

/** Runs fixes on one machine; remembers the latest snapshot of it (the chain, the router) for the trust rules. */
export class FixExecutor {
  private latest: Snapshot | null = null;
  readonly audit: AuditLog;
  readonly undoStore: UndoStore;

  constructor(private readonly deps: ExecutorDeps) {
    this.audit = new AuditLog(deps.dataDir, deps.warn);
    this.undoStore = deps.undoStore ?? new FileUndoStore(join(deps.dataDir, 'undo'));
  }

  /** The latest full snapshot of this machine (from a check, or after a fix). */
  noteSnapshot(s: Snapshot | null): void {
    this.latest = s;
  }

  get latestSnapshot(): Snapshot | null {
    return this.latest;
  }

  /** What a fix will do with these parameters, or why it would be refused; runs nothing. */
  preview(fixId: string, raw: Record<string, string>): FixPreview {
    const prep = this.prepare(fixId, raw);
    const shown: Params = prep.ok ? { ...prep.params, ...(prep.certThumbprint ? { thumbprint: prep.certThumbprint } : {}) } : {};
    return {
      fixId: prep.spec.id,
      title: prep.spec.title,
      plain: prep.spec.plain,
      whyAdmin: prep.spec.whyAdmin,
      elevated: prep.spec.elevated,
      rebootRequired: prep.spec.rebootRequired,
      commands: prep.spec.preview(shown),
      undo: prep.spec.undo,
      refusal: prep.ok ? null : prep.reason,
      certificate: prep.certificate,
    };
  }

  /** Parses a picked certificate file's content and compares it with the chain the server presented. */
  inspectCertificate(contentB64: string): CertificateInfo {
    let text: string;
    try {
      text = Buffer.from(contentB64.replace(/\s+/g, ''), 'base64').toString('latin1');
    } catch {
      throw new NotACertificate('the content is not base64');
    }
    const cert = text.includes('-----BEGIN') ? parseCertificateText(text) : parseCertificateText(contentB64);
    const root = presentedChain(this.latest)?.at(-1)?.thumbprint.toUpperCase();
    return certificateInfo(cert, root === undefined ? null : cert.thumbprint === root);
  }

  /**
   * Runs one fix: refuse, or ask `confirm` (the main process's own question; the CLI asks before calling) → save →
   * run → verify → audit. A person who says no gets a cancelled result and nothing runs.
   */
  async run(fixId: string, raw: Record<string, string>, confirm?: Confirm): Promise<FixRunResult> {
    if (!fixSpec(fixId)) throw new UnknownFixError(unknownFixReason(fixId));
    if (!this.latest) this.latest = await this.deps.collect();
    const prep = this.prepare(fixId, raw);
    const spec = prep.spec;
    const before = this.latest;
    if (!prep.ok) {
      return this.record(spec, raw, prep.certThumbprint, 'fix', {
        outcome: 'refused',
        elevation: 'notNeeded',
        verified: false,
        reason: prep.reason,
        before: null,
        after: null,
        diagnosis: null,
        undoData: null,
      });
    }
    const checkParams: Params = { ...prep.params, ...(prep.certThumbprint ? { thumbprint: prep.certThumbprint } : {}) };
    if (confirm && !(await confirm({ kind: 'fix', fix: spec.id, title: spec.title, changes: spec.preview(checkParams), elevated: spec.elevated }))) {
      return this.record(spec, raw, prep.certThumbprint, 'fix', notConfirmed());
    }
    this.saveSnapshot(before, spec.id);
    const beforeDetail = spec.verify.check(before, checkParams).detail;
    // The audit id is also the key of the undo data, which the elevated step keeps where only administrators write.
    const auditKey = newAuditId();
    const ran = await this.deps.runner.run('fix', { fix: spec.id, params: prep.scriptParams, undoKey: auditKey });
    const undoData = ran.result?.undoData ?? null;
    if (undoData) {
      try {
        this.undoStore.save(auditKey, { fix: spec.id, undoData });
      } catch (e) {
        this.warn(`could not keep the undo data: ${(e as Error).message}`);
      }
    }
    const failed = failedOutcome(ran);
    if (failed) {
      return this.record(spec, raw, prep.certThumbprint, 'fix', { ...failed, before: beforeDetail, after: null, diagnosis: null, undoData }, auditKey);
    }
    const poll = await pollVerification(spec, checkParams, before, (only) => this.deps.collect(only), {
      pollSeconds: this.deps.simulated ? 0 : spec.verify.pollSeconds,
      intervalMs: this.deps.pollIntervalMs ?? 2000,
    });
    this.latest = poll.snapshot;
    const diagnosis = diagnose(poll.snapshot);
    const changed = ran.result?.changed.join('; ') ?? '';
    return this.record(
      spec,
      raw,
      prep.certThumbprint,
      'fix',
      {
        outcome: 'applied',
        elevation: ran.elevation,
        verified: poll.outcome.verified,
        reason: poll.outcome.verified
          ? reason('fix.verified', { detail: poll.outcome.detail, reboot: spec.rebootRequired ? 'yes' : 'no' })
          : notVerifiedReason(spec, poll.outcome.detail, diagnosis, changed),
        before: beforeDetail,
        after: poll.outcome.detail,
        diagnosis,
        undoData,
      },
      auditKey,
    );
  }

  /** Undoes a fix recorded in the audit log (appends an undo record; the log is never edited). */
  async undo(auditId: string, confirm?: Confirm): Promise<FixRunResult> {
    const rec = this.audit.find(auditId);
    if (!rec) throw new UnknownFixError(`no fix with audit id ${auditId.slice(0, 64)} in the audit log`);
    const spec = fixSpec(rec.fix) as FixSpec;
    const refuse = (why: Reason) =>
      this.record(spec, { undoes: rec.id }, null, 'undo', {
        outcome: 'refused',
        elevation: 'notNeeded',
        verified: false,
        reason: why,
        before: null,
        after: null,
        diagnosis: null,
        undoData: null,
      });
    if (rec.kind !== 'fix') return refuse(reason('refused.undoOfUndo', {}));
    if (!spec.undo) return refuse(reason('refused.noUndo', { fix: spec.id }));
    if (rec.undoneBy) return refuse(reason('refused.alreadyUndone', { auditId: rec.undoneBy }));
    // What undo sets comes from the protected store, never from the user-side log; the log is only compared.
    const stored = rec.outcome === 'applied' ? this.undoStore.load(rec.id) : null;
    if (!stored || stored.fix !== rec.fix) return refuse(reason('refused.nothingToUndo', {}));
    if (JSON.stringify(stored.undoData) !== JSON.stringify(rec.undoData ?? null)) {
      this.warn(`the audit log's undo data for ${rec.id} differs from the protected copy; undo uses the protected copy`);
    }
    // Values that would reach netsh are checked before anything runs, even from the protected store (and again in the script).
    const shape = spec.undoData?.safeParse(stored.undoData);
    if (shape && !shape.success) return refuse(reason('refused.badUndoData', { why: shape.error.issues.map((i) => i.message).join('; ') }));
    const changes = undoValues(stored);
    if (confirm && !(await confirm({ kind: 'undo', fix: spec.id, title: spec.title, changes, elevated: spec.elevated }))) {
      return this.record(spec, { undoes: rec.id }, null, 'undo', notConfirmed());
    }
    const ran = await this.deps.runner.run('undo', { fix: rec.fix, undoData: stored.undoData, undoKey: rec.id });
    const failed = failedOutcome(ran);
    if (failed) return this.record(spec, { undoes: rec.id }, null, 'undo', { ...failed, before: rec.after, after: null, diagnosis: null, undoData: null });
    let diagnosis: Diagnosis | null = null;
    // After an undo, the fix's own check describes the state put back (e.g. "WinHTTP proxy still proxy…:8080").
    let after: string | null = null;
    if (this.latest) {
      const merged = (await pollVerification(spec, {}, this.latest, (only) => this.deps.collect(only), { pollSeconds: 0, intervalMs: 0 })).snapshot;
      this.latest = merged;
      diagnosis = diagnose(merged);
      after = spec.verify.check(merged, rec.params).detail;
    }
    return this.record(spec, { undoes: rec.id }, null, 'undo', {
      outcome: 'applied',
      elevation: ran.elevation,
      verified: true,
      reason: undoneReason(ran.result?.changed.join('; ') || spec.undo || '', diagnosis),
      before: rec.after,
      after,
      diagnosis,
      undoData: null,
    });
  }

  /** Checks the id, the parameters (zod), the trust rules and the defaults, without running anything. */
  private prepare(fixId: string, raw: Record<string, string>): Prepared {
    const spec = fixSpec(fixId);
    if (!spec) throw new UnknownFixError(unknownFixReason(fixId));
    const none = { certificate: null, certThumbprint: null };
    const parsed = spec.params.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        spec,
        reason: reason('refused.badParameter', { parameter: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' }),
        ...none,
      };
    }
    const params = parsed.data;
    const org = this.deps.org();
    const certKind = CERT_FIXES[spec.id];
    if (certKind) {
      const d = decideTrust(certKind, params, this.latest, org);
      const certificate = d.cert ? certificateInfo(d.cert, d.matchesChainRoot) : null;
      if (!d.ok) return { ok: false, spec, reason: d.reason, certificate, certThumbprint: d.cert?.thumbprint ?? null };
      return {
        ok: true,
        spec,
        params,
        scriptParams: { certificate: d.cert.derB64, thumbprint: d.cert.thumbprint },
        certificate,
        certThumbprint: d.cert.thumbprint,
      };
    }
    if (ROUTER_FIXES.includes(spec.id)) {
      const router = params.router ?? this.defaultRouter(spec.id, org);
      if (!router) return { ok: false, spec, reason: reason('refused.noRouter', {}), ...none };
      const valid = routerSchema.safeParse(router);
      if (!valid.success) return { ok: false, spec, reason: reason('refused.badRouter', { message: valid.error.issues[0]?.message ?? '' }), ...none };
      return { ok: true, spec, params: { ...params, router }, scriptParams: { router }, ...none };
    }
    if (spec.serverOnly) {
      // The guard rails of the server fixes, from the latest checks (the script checks OTP again before it changes
      // anything, knowledge D.5).
      const server = this.latest?.sections.server;
      if (this.latest && diagnose(this.latest).role !== 'server') return { ok: false, spec, reason: reason('refused.notServer', {}), ...none };
      if (spec.id === 'enable-iphttps-preauth') {
        const otp = server?.status === 'ok' ? (server.data?.otpStatus ?? null) : null;
        if (otp !== null && /^enabled$/i.test(otp)) return { ok: false, spec, reason: reason('refused.otpInUse', {}), ...none };
        if (otp === null || !/^disabled$/i.test(otp)) return { ok: false, spec, reason: reason('refused.otpUnknown', {}), ...none };
      }
    }
    if (spec.id === 'set-ipv6-prefer-ipv4') {
      // Which bits stop the tunnels depends on the role (ISATAP on a manage-out host, IP-HTTPS on a client).
      const derived = this.latest ? diagnose(this.latest).role : 'client';
      const role = params.role ?? (derived === 'manageOut' ? 'manageOut' : 'client');
      return { ok: true, spec, params: { ...params, role }, scriptParams: { role }, ...none };
    }
    return { ok: true, spec, params, scriptParams: {}, ...none };
  }

  /** The organisation's ISATAP router; for enable-isatap also the router already set when it resolves. */
  private defaultRouter(id: FixId, org: OrgConfig | null): string | undefined {
    if (org?.isatapRouter) return org.isatapRouter;
    const isatap = this.latest?.sections.isatap;
    if (id === 'enable-isatap' && isatap?.status === 'ok' && isatap.data?.router?.addresses.length) return isatap.data.router.name;
    return undefined;
  }

  /** Keeps the snapshot from before the fix in the data folder, so what the machine looked like is never lost. */
  private saveSnapshot(s: Snapshot, id: FixId): void {
    const dir = join(this.deps.dataDir, 'snapshots');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-before-${id}.json`), `${JSON.stringify(s, null, 2)}\n`);
  }

  private warn(message: string): void {
    (this.deps.warn ?? ((m: string) => process.stderr.write(`da-doctor: ${m}\n`)))(message);
  }

  /** Builds the result, appends its audit record, and returns it with the record's id. */
  private record(
    spec: FixSpec,
    raw: Record<string, unknown>,
    certThumbprint: string | null,
    kind: 'fix' | 'undo',
    r: Omit<FixRunResult, 'fix' | 'rebootRequired' | 'auditId'> & { undoData: Record<string, unknown> | null },
    id: string = newAuditId(),
  ): FixRunResult {
    const rec: AuditRecord = {
      id,
      time: new Date().toISOString(),
      user: currentUser(),
      machine: this.latest?.machine ?? hostname(),
      fix: spec.id,
      params: redactParams(raw, certThumbprint),
      kind,
      outcome: r.outcome,
      elevation: r.elevation,
      verified: r.verified,
      reason: r.reason,
      before: r.before,
      after: r.after,
      undoData: r.undoData,
    };
    let auditId: string | null = id;
    try {
      this.audit.append(rec);
    } catch (e) {
      auditId = null;
      this.warn(`could not write the audit log: ${(e as Error).message}`);
    }
    const { undoData: _undoData, ...rest } = r;
    return { fix: spec.id, rebootRequired: spec.rebootRequired && r.outcome === 'applied', auditId, ...rest };
  }
}

/** The person said no to the main process's confirmation: nothing ran. */
function notConfirmed(): Omit<FixRunResult, 'fix' | 'rebootRequired' | 'auditId'> & { undoData: null } {
  return {
    outcome: 'cancelled',
    elevation: 'notNeeded',
    verified: false,
    reason: reason('cancelled.notConfirmed', { terminal: 'yes' }),
    before: null,
    after: null,
    diagnosis: null,
    undoData: null,
  };
}

/** An audit record's id, also the key of its undo data in the protected store. */
function newAuditId(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

function unknownFixReason(id: string): string {
  return `unknown fix "${id.slice(0, 64).replace(/[^\x20-\x7e]/g, '?')}": not in the fix catalogue`;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? 'unknown';
  }
}

/** The result when elevation or the script did not apply the fix; null when it did. */
function failedOutcome(ran: RunnerOutcome): Pick<FixRunResult, 'outcome' | 'elevation' | 'verified' | 'reason'> | null {
  if (ran.elevation === 'declined') return { outcome: 'cancelled', elevation: 'declined', verified: false, reason: reason('cancelled.uacDeclined', {}) };
  if (ran.elevation === 'timedOut')
    return { outcome: 'failed', elevation: 'timedOut', verified: false, reason: reason('failed.timedOut', { message: ran.message ?? '' }) };
  if (!ran.result) return { outcome: 'failed', elevation: ran.elevation, verified: false, reason: reason('failed.noResult', { message: ran.message ?? '' }) };
  if (!ran.result.ok) {
    const values = { error: ran.result.error ?? '', changed: ran.result.changed.join('; ') };
    return { outcome: 'failed', elevation: ran.elevation, verified: false, reason: reason('failed.script', values) };
  }
  return null;
}

/**
 * An undo's reason: the re-check may show a latent finding (an undone root import while connected): the connection
 * still works but drops at the next reconnect, and the person must hear so (contract §1 "Working now, failing later").
 */
export function undoneReason(changed: string, d: Diagnosis | null): Reason {
  const latent = d?.findings.filter((f) => f.variant === LATENT) ?? [];
  if (latent.length === 0) return reason('fix.undone', { changed });
  return reason('fix.undoneLatent', { changed, latent: latent.map((f) => f.title).join('; ') });
}

/** Names what is still wrong: the check's detail and, from the re-diagnosis, what the administrator must do. */
function notVerifiedReason(spec: FixSpec, detail: string, d: Diagnosis, changed: string): Reason {
  const still = d.findings.filter((f) => f.severity === 'error' && spec.resolves.includes(f.id));
  const stillWrong = still.map((f) => `${f.title}${f.adminAction ? ` — ${f.adminAction}` : ''}`).join(' ');
  return reason('fix.notVerified', { changed, detail, stillWrong });
}
