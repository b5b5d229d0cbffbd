/**
 * The collect stage: runs every probe once, one at a time, and assembles a validated snapshot. One probe that
 * throws, hangs or writes garbage costs only its own section (DESIGN §1).
 */
import { SECTION_NAMES, SNAPSHOT_SCHEMA, sectionsSchema, snapshotSchema, type SectionName, type Sections, type Snapshot } from '../../src-shared/snapshot';
import type { OrgConfig } from '../../src-shared/orgConfig';
import type { PsHost } from '../powershell/psHost';
import { appVersion } from '../paths';
import { testHooks } from '../testHooks';
import { probeTimeoutMs, worstCaseSeconds } from './probePlan';

/** A probe starting or ending, for progress screens and the CLI's stderr. */
export interface ProbeProgress {
  section: SectionName;
  index: number;
  total: number;
  phase: 'started' | 'finished';
  status?: Sections[SectionName]['status'];
  ms?: number;
  /** At most this many seconds until the collection ends, from this event on (each probe's whole timeout). */
  estimateSeconds: number;
}

/** A collection stopped by its signal: no snapshot, nothing diagnosed. */
export class CollectCancelled extends Error {
  constructor() {
    super('the check was cancelled');
    this.name = 'CollectCancelled';
  }
}

export interface CollectOptions {
  org: OrgConfig | null;
  onProgress?: (p: ProbeProgress) => void;
  /** Only these sections (verification re-collects the ones a fix touches); the rest are marked notApplicable. */
  only?: readonly SectionName[];
  /** Cancels the collection: the probe in flight is abandoned (its session killed) and CollectCancelled thrown. */
  signal?: AbortSignal;
}

type AnySection = Sections[SectionName];

/** Runs one probe and turns whatever happened into its section; throws CollectCancelled when `signal` fires. */
export async function runProbe(host: PsHost, section: SectionName, signal?: AbortSignal): Promise<AnySection> {
  const timeout = probeTimeoutMs(section, testHooks().probeTimeoutScale ?? 1);
  const out = await host.callJson('Invoke-DadProbe', { name: section }, timeout, signal ? { signal } : {});
  switch (out.kind) {
    case 'cancelled':
      throw new CollectCancelled();
    case 'timedOut':
      return { status: 'timedOut', ms: out.ms, message: `no answer within ${Math.round(timeout / 1000)} s; the PowerShell session was restarted` };
    case 'died':
      return { status: 'error', ms: out.ms, message: `PowerShell stopped while probing: ${out.message}` };
    case 'malformed':
      return { status: 'error', ms: out.ms, message: out.message };
    case 'ok': {
      const parsed = sectionsSchema.shape[section].safeParse(out.value);
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      return {
        status: 'error',
        ms: out.ms,
        message: `the probe's answer does not match the snapshot format at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
      };
    }
  }
}

/** Collects a snapshot of the host's machine. */
export async function collectSnapshot(host: PsHost, options: CollectOptions): Promise<Snapshot> {
  const { signal } = options;
  await host.session.start();
  const sections: Partial<Record<SectionName, AnySection>> = {};
  const total = SECTION_NAMES.length;
  const planned = SECTION_NAMES.filter((s) => !options.only || options.only.includes(s));
  const scale = testHooks().probeTimeoutScale ?? 1;
  for (const [index, section] of SECTION_NAMES.entries()) {
    if (!planned.includes(section)) {
      sections[section] = { status: 'notApplicable', ms: 0, message: 'not re-collected' };
      continue;
    }
    if (signal?.aborted) throw new CollectCancelled();
    const left = planned.slice(planned.indexOf(section));
    options.onProgress?.({ section, index, total, phase: 'started', estimateSeconds: worstCaseSeconds(left, scale) });
    const result = await runProbe(host, section, signal);
    sections[section] = result;
    options.onProgress?.({
      section,
      index,
      total,
      phase: 'finished',
      status: result.status,
      ms: result.ms,
      estimateSeconds: worstCaseSeconds(left.slice(1), scale),
    });
  }
  if (signal?.aborted) throw new CollectCancelled();
  const os = sections.os?.status === 'ok' ? (sections.os.data as { computerName?: string } | null) : null;
  return snapshotSchema.parse({
    schema: SNAPSHOT_SCHEMA,
    machine: os?.computerName ?? 'unknown',
    collectedAt: new Date().toISOString(),
    collector: {
      version: appVersion(),
      host: host.kind,
      ...(host.scenario ? { scenario: host.scenario.replace(/^.*[\\/]/, '').replace(/\.json$/, '') } : {}),
    },
    org: options.org,
    sections,
  });
}
