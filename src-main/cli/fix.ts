/**
 * `da-doctor fix ID [--param k=v]… [--scenario FILE] [--yes] [--json]`: collects a snapshot (the fix needs the
 * server's chain and the organisation configuration), asks for confirmation, runs the fix with verification.
 * Exit codes: 0 applied and verified; 1 applied but not verified, or failed; 2 refused, cancelled or bad input.
 * Cancelled is 2 because nothing was changed, as with a refusal; a non-TTY without --yes is cancelled, never run.
 */
import { createInterface } from 'node:readline/promises';
import { fixSpec } from '../../src-shared/fixes/catalogue';
import type { FixRunResult } from '../../src-shared/ipc';
import { resultReasonText } from '../../src-shared/reasonWords';
import { reason, type Reason } from '../../src-shared/reasons';
import { UnknownFixError, type FixExecutor } from '../fixes/executor';
import { InputError } from '../scenarios';
import type { ParsedArgs } from './args';
import { printableLine } from './printable';

/** The fix id and parameters of the command line; bad usage is an InputError (exit 2). */
export function fixRequest(args: ParsedArgs): { id: string; params: Record<string, string> } {
  const [id, extra] = args.positional;
  if (!id) throw new InputError('fix needs the id of a fix, e.g. da-doctor fix start-ip-helper');
  if (extra !== undefined) throw new InputError(`unexpected argument "${extra.slice(0, 80)}"`);
  const params: Record<string, string> = {};
  for (const [k, v] of args.params) {
    if (!/^[a-z][A-Za-z0-9]{0,31}$/.test(k)) throw new InputError(`--param name "${k.slice(0, 40)}" is not a parameter name`);
    if (Object.hasOwn(params, k)) throw new InputError(`--param ${k} given twice`);
    params[k] = v;
  }
  return { id, params };
}

/** Exit code of a fix result (contract §3 for fixes). */
export function fixExitCode(r: Pick<FixRunResult, 'outcome' | 'verified'>): number {
  if (r.outcome === 'applied') return r.verified ? 0 : 1;
  if (r.outcome === 'failed') return 1;
  return 2;
}

/** A result for what never reached the executor (unknown id, refused or cancelled before anything ran). */
export function refusedJson(id: string, why: Reason): Record<string, unknown> & { outcome: string; reason: Reason } {
  return {
    fix: id.slice(0, 64),
    outcome: 'refused',
    elevation: 'notNeeded',
    verified: false,
    reason: why,
    before: null,
    after: null,
    rebootRequired: false,
    diagnosis: null,
    auditId: null,
  };
}

/**
 * A result as the CLI prints it: `reason` in words (the JSON output's stable field), and next to it the reason code
 * and its values for scripts that would rather not match on words.
 */
export function cliResult<T extends { reason: Reason }>(
  r: T,
): Omit<T, 'reason'> & { reason: string; reasonCode: Reason['code']; reasonValues: Record<string, string> } {
  return { ...r, reason: resultReasonText(r.reason), reasonCode: r.reason.code, reasonValues: r.reason.values };
}

/** Prints a result: one JSON object, or "outcome: words" without terminal controls. */
export function printResult(r: { outcome: string; reason: Reason } & Record<string, unknown>, json: boolean): void {
  const out = cliResult(r);
  process.stdout.write(json ? `${JSON.stringify(out)}\n` : `${printableLine(`${out.outcome}: ${out.reason}`)}\n`);
}

/** Asks on the terminal; false when there is no terminal to ask on. */
export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes)$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/** Runs the verb: prints the result (JSON or words) and returns the exit code. */
export async function runFixVerb(args: ParsedArgs, executor: FixExecutor, collect: () => Promise<void>): Promise<number> {
  const { id, params } = fixRequest(args);
  const json = args.options.has('json');
  const print = (r: { outcome: string; reason: Reason } & Record<string, unknown>) => printResult(r, json);
  const spec = fixSpec(id);
  if (!spec) {
    print(refusedJson(id, reason('refused.unknownFix', { fix: id.slice(0, 64) })));
    return 2;
  }
  await collect();
  let preview;
  try {
    preview = executor.preview(id, params);
  } catch (e) {
    if (e instanceof UnknownFixError) throw new InputError(e.message);
    throw e;
  }
  if (!args.options.has('yes')) {
    const lines = [preview.title, preview.plain, 'Commands:', ...preview.commands.map((c) => `  ${c}`)];
    if (preview.certificate) lines.push(`Certificate: ${preview.certificate.subject}, thumbprint ${preview.certificate.thumbprint}`);
    process.stderr.write(`${lines.map(printableLine).join('\n')}\n`);
    const ok = preview.refusal === null && (await confirm('Run this fix?'));
    if (!ok && preview.refusal === null) {
      print({ ...refusedJson(id, reason('cancelled.notConfirmed', { terminal: process.stdin.isTTY ? 'yes' : 'no' })), outcome: 'cancelled' });
      return 2;
    }
  }
  const result = await executor.run(id, params);
  print(result);
  return fixExitCode(result);
}
