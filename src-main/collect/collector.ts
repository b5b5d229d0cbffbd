/**
 * The collect stage: runs every probe once and assembles a validated snapshot. One probe that throws, hangs or writes
 * garbage costs only its own section (DESIGN §1). Every probe runs in the session's runspace pool (Start-DadProbes),
 * the network ones first: a network that drops everything costs about one network timeout, not one per probe, and a
 * warm re-check costs a few calls, not one round trip per probe (issue 12). A probe past its deadline is abandoned
 * in its runspace; the session and the other probes go on.
 */
import { SECTION_NAMES, SNAPSHOT_SCHEMA, sectionsSchema, snapshotSchema, type SectionName, type Sections, type Snapshot } from '../../src-shared/snapshot';
import type { OrgConfig } from '../../src-shared/orgConfig';
import { CANCELLED_MESSAGE } from '../../src-shared/incomplete';
import type { JsonOutcome, PsHost } from '../powershell/psHost';
import { appVersion } from '../paths';
import { testHooks } from '../testHooks';
import { poolOrder, probeTimeoutMs, worstCaseSeconds } from './probePlan';

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

/** A collection stopped by its signal before any probe ran: nothing was learned. */
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
  /**
   * Stops the collection: the probes still running are abandoned (the session is thrown away) and the snapshot
   * holds what was learned so far, each unfinished section saying it was cancelled. Fired before the first probe:
   * CollectCancelled, since nothing was learned.
   */
  signal?: AbortSignal;
  /**
   * Makes way for a collection that matters more (the person's check beside the start screen's role hint): from the
   * next poll on, the probes still running are abandoned in their runspaces (Stop-DadProbes; the session stays) and the
   * snapshot holds what was learned, each unfinished section saying it was not waited for. Fired before the first
   * probe, nothing is started.
   */
  yieldTo?: AbortSignal;
}

/** What a section says that was not waited for because another collection went first (`yieldTo`). */
export const YIELDED_MESSAGE = 'not waited for: another check went first';

type AnySection = Sections[SectionName];

export { CANCELLED_MESSAGE };

/** Turns a probe's envelope (already JSON) into its section, or an error section saying why it does not fit. */
function toSection(section: SectionName, value: unknown, ms: number): AnySection {
  const parsed = sectionsSchema.shape[section].safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return {
    status: 'error',
    ms,
    message: `the probe's answer does not match the snapshot format at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
  };
}

/** Runs one probe and turns whatever happened into its section; null when `signal` fired first. */
export async function runProbe(host: PsHost, section: SectionName, signal?: AbortSignal): Promise<AnySection | null> {
  const timeout = probeTimeoutMs(section, testHooks().probeTimeoutScale ?? 1);
  const out = await host.callJson('Invoke-DadProbe', { name: section }, timeout, signal ? { signal } : {});
  switch (out.kind) {
    case 'cancelled':
      return null;
    case 'timedOut':
      return { status: 'timedOut', ms: out.ms, message: `no answer within ${Math.round(timeout / 1000)} s; the PowerShell session was restarted` };
    case 'died':
      return { status: 'error', ms: out.ms, message: `PowerShell stopped while probing: ${out.message}` };
    case 'malformed':
      return { status: 'error', ms: out.ms, message: out.message };
    case 'ok':
      return toSection(section, out.value, out.ms);
  }
}

/** A probe handed to the session's pool, and when its time is up. */
interface Running {
  section: SectionName;
  /** When it was handed to the pool. */
  startedAt: number;
  /** Its time budget (probePlan.ts), counted from when it begins in a runspace. */
  budget: number;
  /** Until the pool says it began: the hand-over plus the budget plus the longest wait for a free runspace. */
  deadline: number;
  began: boolean;
}

/**
 * The longest a probe may wait in the pool's queue for a runspace: the lanes are held at most by probes with the
 * longest budget, which are abandoned when it runs out. A backstop, so a pool whose runspaces are all stuck still ends.
 */
const QUEUE_WAIT_MS = 20_000;
/** The longest one poll waits for the running probes to end: the progress screen moves at least this often. */
const POLL_MS = 200;
/** The PowerShell call that polls must itself answer; the poll's wait plus this. */
const CALL_MARGIN_MS = 5_000;

/**
 * Starts the probes in the pool. False when the session cannot (an older module, a dead session): the caller then
 * runs them one after another. A pool that started only some is told to stop those, so none runs twice.
 */
async function startInPool(host: PsHost, sections: SectionName[], signal?: AbortSignal): Promise<boolean> {
  const out = await host.callJson('Start-DadProbes', { names: sections }, CALL_MARGIN_MS, signal ? { signal } : {});
  if (out.kind !== 'ok') return false;
  const started = (out.value as { started?: unknown }).started;
  if (Array.isArray(started) && sections.every((s) => started.includes(s))) return true;
  const some = Array.isArray(started) ? sections.filter((s) => started.includes(s)) : [];
  if (some.length > 0) await host.callJson('Stop-DadProbes', { names: some }, CALL_MARGIN_MS);
  return false;
}

/**
 * The collection running on each host, which the next one waits for. One at a time per session: the pool hands back
 * every probe that finished, whoever started it, and refuses to start a probe that is already running, so two
 * collections side by side (the start screen's role hint while the person runs the checks) would take each other's
 * answers and fall back to probing one by one.
 */
const inFlight = new WeakMap<PsHost, Promise<unknown>>();

/** Collects a snapshot of the host's machine, after any collection already running on it. */
export function collectSnapshot(host: PsHost, options: CollectOptions): Promise<Snapshot> {
  const before = inFlight.get(host) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(() => collectNow(host, options));
  inFlight.set(host, mine);
  return mine;
}

async function collectNow(host: PsHost, options: CollectOptions): Promise<Snapshot> {
  const { signal } = options;
  if (signal?.aborted) throw new CollectCancelled();
  await host.session.start();
  const sections: Partial<Record<SectionName, AnySection>> = {};
  const total = SECTION_NAMES.length;
  const scale = testHooks().probeTimeoutScale ?? 1;
  const planned = poolOrder(SECTION_NAMES.filter((s) => !options.only || options.only.includes(s)));
  for (const s of SECTION_NAMES) if (!planned.includes(s)) sections[s] = { status: 'notApplicable', ms: 0, message: 'not re-collected' };

  const index = (s: SectionName) => SECTION_NAMES.indexOf(s);
  const running = new Map<SectionName, Running>();
  /** Probes run one after another: all of them when the session has no pool. */
  const oneByOne: SectionName[] = [];
  // Worst case from now: the pool's deadlines, and whatever runs one by one after them.
  const estimate = (now: number) =>
    Math.max(worstCaseSeconds(oneByOne, scale, false), ...[...running.values()].map((r) => Math.ceil(Math.max(0, left(r, now)) / 1000)), 0);
  // A probe still queued is counted with its budget from now: lanes free up as the probes ahead of it end.
  const left = (r: Running, now: number) => (r.began ? r.deadline - now : Math.min(r.deadline - now, r.budget));
  const finish = (section: SectionName, result: AnySection) => {
    sections[section] = result;
    running.delete(section);
    options.onProgress?.({
      section,
      index: index(section),
      total,
      phase: 'finished',
      status: result.status,
      ms: result.ms,
      estimateSeconds: estimate(Date.now()),
    });
  };

  const yielded = () => options.yieldTo?.aborted === true;
  if (yielded()) return partial(YIELDED_MESSAGE);
  if (planned.length > 0 && (await startInPool(host, planned, signal))) {
    const now = Date.now();
    for (const section of planned) {
      const budget = probeTimeoutMs(section, scale);
      running.set(section, { section, startedAt: now, budget, deadline: now + budget + QUEUE_WAIT_MS * scale, began: false });
    }
    for (const section of planned) options.onProgress?.({ section, index: index(section), total, phase: 'started', estimateSeconds: estimate(now) });
  } else {
    oneByOne.push(...planned);
  }

  try {
    // A session without the pool (an older module, a pool that would not start): one probe at a time.
    while (oneByOne.length > 0) {
      const section = oneByOne[0]!;
      if (signal?.aborted) return partial();
      if (yielded()) return partial(YIELDED_MESSAGE);
      options.onProgress?.({ section, index: index(section), total, phase: 'started', estimateSeconds: estimate(Date.now()) });
      const result = await runProbe(host, section, signal);
      if (result === null) return partial();
      oneByOne.shift();
      finish(section, result);
    }
    // The pool: collect the probes as they end (a poll waits up to POLL_MS for all of them); one past its deadline is
    // abandoned, not waited for.
    while (running.size > 0) {
      if (signal?.aborted) return partial();
      if (yielded()) {
        // Abandoned, not cancelled: each is asked to stop without being waited for (BeginStop), and the session stays.
        await host.callJson('Stop-DadProbes', { names: [...running.keys()] }, CALL_MARGIN_MS);
        return partial(YIELDED_MESSAGE);
      }
      const now = Date.now();
      const late = [...running.values()].filter((x) => x.deadline <= now);
      if (late.length > 0) {
        await host.callJson('Stop-DadProbes', { names: late.map((r) => r.section) }, CALL_MARGIN_MS);
        for (const r of late) {
          finish(r.section, {
            status: 'timedOut',
            ms: now - r.startedAt,
            message: r.began
              ? `no answer within ${Math.round(r.budget / 1000)} s`
              : `not started within ${Math.round((r.deadline - r.startedAt) / 1000)} s: every runspace of the pool was busy`,
          });
        }
      }
      if (running.size === 0) break;
      const nextDeadline = Math.min(...[...running.values()].map((r) => r.deadline));
      const waitMs = Math.max(0, Math.min(POLL_MS, nextDeadline - Date.now()));
      const out = await host.callJson('Receive-DadProbes', { waitMs }, waitMs + CALL_MARGIN_MS, signal ? { signal } : {});
      if (out.kind === 'cancelled') return partial();
      if (out.kind !== 'ok') {
        lostPool(out);
        continue;
      }
      const value = out.value as { done?: Record<string, unknown>; running?: Record<string, unknown> };
      // A probe that began in its runspace gets its whole budget from then on.
      for (const [name, ms] of Object.entries(value.running ?? {})) {
        const r = running.get(name as SectionName);
        if (!r || r.began || typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) continue;
        r.began = true;
        r.deadline = Date.now() - Math.min(ms, r.budget) + r.budget;
      }
      const done = value.done ?? {};
      for (const [name, envelope] of Object.entries(done)) {
        const r = running.get(name as SectionName);
        if (r) finish(r.section, toSection(r.section, envelope, Date.now() - r.startedAt));
      }
    }
  } finally {
    if (signal?.aborted) await host.session.reset();
  }
  return assemble();

  /** The session died while polling: what ran in its pool is lost; each says so. */
  function lostPool(out: Exclude<JsonOutcome, { kind: 'ok' }>) {
    const why =
      out.kind === 'died' ? `PowerShell stopped: ${out.message}` : out.kind === 'malformed' ? out.message : 'the PowerShell session stopped answering';
    for (const r of [...running.values()]) finish(r.section, { status: 'error', ms: Date.now() - r.startedAt, message: `${why}; the session was restarted` });
  }

  /** What was learned before the person cancelled (or the collection made way): each section without an answer says so. */
  function partial(message = CANCELLED_MESSAGE): Snapshot {
    const now = Date.now();
    for (const s of planned) {
      if (sections[s]) continue;
      const r = running.get(s);
      sections[s] = { status: 'timedOut', ms: r ? now - r.startedAt : 0, message };
    }
    running.clear();
    return assemble();
  }

  function assemble(): Snapshot {
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
}
