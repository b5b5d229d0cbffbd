/**
 * The collect stage: runs every probe once, one at a time, and assembles a validated snapshot. One probe that
 * throws, hangs or writes garbage costs only its own section (DESIGN §1).
 */
import { SECTION_NAMES, SNAPSHOT_SCHEMA, sectionsSchema, snapshotSchema, type SectionName, type Sections, type Snapshot } from '../../src-shared/snapshot';
import type { OrgConfig } from '../../src-shared/orgConfig';
import type { PsHost } from '../powershell/psHost';
import { appVersion } from '../paths';
import { testHooks } from '../testHooks';
import { probeTimeoutMs } from './probePlan';

/** A probe starting or ending, for progress screens and the CLI's stderr. */
export interface ProbeProgress {
  section: SectionName;
  index: number;
  total: number;
  phase: 'started' | 'finished';
  status?: Sections[SectionName]['status'];
  ms?: number;
}

export interface CollectOptions {
  org: OrgConfig | null;
  onProgress?: (p: ProbeProgress) => void;
  /** Only these sections (verification re-collects the ones a fix touches); the rest are marked notApplicable. */
  only?: readonly SectionName[];
}

type AnySection = Sections[SectionName];

/** Runs one probe and turns whatever happened into its section. */
export async function runProbe(host: PsHost, section: SectionName): Promise<AnySection> {
  const timeout = probeTimeoutMs(section, testHooks().probeTimeoutScale ?? 1);
  const out = await host.callJson('Invoke-DadProbe', { name: section }, timeout);
  switch (out.kind) {
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
  await host.session.start();
  const sections: Partial<Record<SectionName, AnySection>> = {};
  const total = SECTION_NAMES.length;
  for (const [index, section] of SECTION_NAMES.entries()) {
    if (options.only && !options.only.includes(section)) {
      sections[section] = { status: 'notApplicable', ms: 0, message: 'not re-collected' };
      continue;
    }
    options.onProgress?.({ section, index, total, phase: 'started' });
    const result = await runProbe(host, section);
    sections[section] = result;
    options.onProgress?.({ section, index, total, phase: 'finished', status: result.status, ms: result.ms });
  }
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
