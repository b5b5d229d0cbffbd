/**
 * The main-process services behind every door (CLI, Electron IPC, the browser harness's HTTP bridge): one object
 * that owns the PowerShell host and runs the pipeline's stages on it.
 */
import { statSync } from 'node:fs';
import { diagnose } from '../../src-shared/diagnose';
import type { Diagnosis, Role } from '../../src-shared/finding';
import type { OrgConfig } from '../../src-shared/orgConfig';
import type { Snapshot } from '../../src-shared/snapshot';
import { parseHandoffText, type HandoffSource } from '../../src-shared/handoffFile';
import { collectSnapshot, type ProbeProgress } from '../collect/collector';
import { POOL_SIZE } from '../collect/probePlan';
import { PsHost } from '../powershell/psHost';
import { InputError, resolveScenario, type ScenarioRef } from '../scenarios';

/** A snapshot and what the rules make of it. */
export interface CollectResult {
  snapshot: Snapshot;
  diagnosis: Diagnosis;
}

export class Doctor {
  private scenario: ScenarioRef | null;
  private hint: Promise<Role | null> | null = null;
  /** Fired when the person's check starts: a role hint still collecting makes way for it (the collector's yieldTo). */
  private hintYield = new AbortController();
  /**
   * The file the simulated machine was loaded from, with its size and time. Loading the same unchanged scenario onto
   * a machine nothing has changed since (PsHost.machineChanged: no fix, undo or restart) is skipped: it would give the
   * same machine, at the cost of re-reading it and re-readying every runspace of the pool.
   */
  private loaded: { path: string; stamp: string } | null = null;
  /** The warm-up in flight: a check waits for it rather than queue behind it with its own call's timeout running. */
  private warming: Promise<unknown> | null = null;

  private constructor(
    readonly host: PsHost,
    private readonly org: OrgConfig | null,
    scenario: ScenarioRef | null,
  ) {
    this.scenario = scenario;
  }

  /** A doctor for the simulated host, with a scenario's machine loaded. */
  static simulated(scenarioNameOrPath: string): Doctor {
    const ref = resolveScenario(scenarioNameOrPath);
    const doctor = new Doctor(new PsHost('simulated', { scenarioPath: ref.path }), ref.org, ref);
    doctor.loaded = { path: ref.path, stamp: fileStamp(ref.path) };
    return doctor;
  }

  /** A doctor for this Windows machine, with the organisation configuration in effect here. */
  static windows(org: OrgConfig | null): Doctor {
    return new Doctor(new PsHost('windows'), org, null);
  }

  /** The scenario on the simulated host, or null on Windows. */
  get scenarioName(): string | null {
    return this.scenario?.name ?? null;
  }

  /** The organisation configuration in effect (on the simulated host: the scenario's). */
  get orgConfig(): OrgConfig | null {
    return this.scenario ? this.scenario.org : this.org;
  }

  /**
   * Starts PowerShell now, and readies the pool every probe runs in, so the first check waits for neither (the
   * app calls this while its window loads). A pool that cannot be readied is no error: the first check then pays.
   */
  warmUp(): Promise<unknown> {
    this.warming ??= this.host.session.start().then(() => this.host.callJson('Initialize-DadProbePool', { count: POOL_SIZE }, 20_000));
    return this.warming;
  }

  /** Waits for a warm-up in flight, whatever its end: a failed one shows up in the check that follows, with its reason. */
  private async warmed(): Promise<void> {
    await this.warming?.catch(() => undefined);
  }

  /**
   * The machine's role from the few sections that decide it (policy, IP-HTTPS configuration, ISATAP), once per
   * machine: the start screen preselects who the wizard is for. Never throws: null when it cannot tell.
   */
  roleHint(): Promise<Role | null> {
    this.hint ??= this.warmed()
      .then(() => collectSnapshot(this.host, { org: this.orgConfig, only: ['os', 'daStatus', 'ipHttps', 'isatap'], yieldTo: this.hintYield.signal }))
      .then((snapshot) => {
        const role = diagnose(snapshot).role;
        return role === 'unknown' ? null : role;
      })
      .catch(() => null);
    return this.hint;
  }

  /** Switches the simulated host to another scenario, or reloads the current one fresh. */
  async useScenario(nameOrPath: string): Promise<void> {
    if (this.host.kind !== 'simulated') throw new InputError('scenarios exist only on the simulated host');
    const ref = resolveScenario(nameOrPath);
    const stamp = fileStamp(ref.path);
    if (!this.host.machineChanged && this.loaded?.path === ref.path && this.loaded.stamp === stamp) return;
    await this.warmed();
    await this.host.loadScenario(ref.path);
    this.loaded = { path: ref.path, stamp };
    this.scenario = ref;
    this.hint = null;
    this.hintYield = new AbortController();
  }

  /** collect → snapshot → diagnose; `signal` stops it: what was learned so far is diagnosed (CollectCancelled before any probe ran). */
  async collect(onProgress?: (p: ProbeProgress) => void, signal?: AbortSignal): Promise<CollectResult> {
    // The person's check goes first: a role hint still collecting stops waiting for its probes. Its ISATAP probe looks
    // a name up, and on a network that answers nothing it held the check back by a whole network timeout (issue 12).
    this.hintYield.abort();
    await this.warmed();
    const snapshot = await collectSnapshot(this.host, { org: this.orgConfig, onProgress, ...(signal ? { signal } : {}) });
    const diagnosis = diagnose(snapshot);
    // The check knows the role at least as well as the hint did: a start screen opened later preselects from it.
    if (!signal?.aborted) this.hint = Promise.resolve(diagnosis.role === 'unknown' ? null : diagnosis.role);
    return { snapshot, diagnosis };
  }

  dispose(): Promise<void> {
    return this.host.dispose();
  }
}

/** A file's size and modification time: it changes when the file is edited. */
function fileStamp(path: string): string {
  const st = statSync(path);
  return `${st.size}:${st.mtimeMs}`;
}

/**
 * Diagnoses a file's text from another machine (a snapshot, or a report page of ours, whose snapshot is diagnosed
 * afresh with this version's rules); bad input is an InputError with one clear sentence. `source` says which it was.
 *
 * The file's `org` block is whatever the file says: anyone can write it, and its pins would make an intercepting
 * root "pinned by the organisation: safe to import". It never drives a trust decision here: the snapshot is diagnosed
 * with `trustedOrg` (this machine's configuration from policy or the install folder, or none), and the file's block
 * comes back only as `reportedOrg`, for the wizard to show as that computer's configuration.
 */
export function diagnoseSnapshotText(
  text: string,
  trustedOrg: OrgConfig | null = null,
): CollectResult & { reportedOrg: OrgConfig | null; source: HandoffSource } {
  const parsed = parseHandoffText(text);
  if (!parsed.ok) throw new InputError(parsed.message);
  const snapshot: Snapshot = { ...parsed.snapshot, org: trustedOrg };
  return { snapshot, diagnosis: diagnose(snapshot), reportedOrg: parsed.snapshot.org, source: parsed.source };
}
