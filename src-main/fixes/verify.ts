/** Verification after a fix: re-collect the sections the fix touches, merged into the snapshot from before. */
import type { Snapshot, SectionName } from '../../src-shared/snapshot';
import type { FixSpec, VerifyOutcome } from '../../src-shared/fixes/catalogue';

/** The previous snapshot with the re-collected sections put in (the others stay as they were seen before). */
export function mergeSections(before: Snapshot, after: Snapshot, only: readonly SectionName[]): Snapshot {
  const sections = { ...before.sections } as Record<SectionName, unknown>;
  for (const name of only) sections[name] = after.sections[name];
  return { ...before, collectedAt: after.collectedAt, sections: sections as Snapshot['sections'] };
}

/** What verification found, with the snapshot it was checked on. */
export interface PollResult {
  outcome: VerifyOutcome;
  snapshot: Snapshot;
  polls: number;
}

/**
 * Polls every `intervalMs` until the check passes or `pollSeconds` are up (IP-HTTPS needs time to reconnect after
 * an IP Helper restart). At least one poll always runs.
 */
export async function pollVerification(
  spec: FixSpec,
  params: Record<string, string | undefined>,
  before: Snapshot,
  collect: (only: readonly SectionName[]) => Promise<Snapshot>,
  opts: { pollSeconds: number; intervalMs: number; sleep?: (ms: number) => Promise<void> },
): Promise<PollResult> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = Date.now() + opts.pollSeconds * 1000;
  let polls = 0;
  for (;;) {
    polls++;
    const merged = mergeSections(before, await collect(spec.verify.sections), spec.verify.sections);
    const outcome = spec.verify.check(merged, params);
    if (outcome.verified || Date.now() + opts.intervalMs > deadline) return { outcome, snapshot: merged, polls };
    await sleep(opts.intervalMs);
  }
}
