/**
 * `da-doctor audit [--json]` lists what DirectAccess Doctor changed on this machine (the append-only audit log);
 * `da-doctor undo AUDIT_ID [--yes] [--json]` undoes one of those changes where the fix has an undo.
 * Exit codes of undo: 0 undone; 1 failed; 2 refused (no undo, already undone, unknown id), cancelled or bad input.
 */
import { fixSpec } from '../../src-shared/fixes/catalogue';
import type { AuditRecord } from '../../src-shared/ipc';
import { resultReasonText } from '../../src-shared/reasonWords';
import { reason, type Reason } from '../../src-shared/reasons';
import type { AuditLog } from '../fixes/audit';
import { UnknownFixError, type FixExecutor } from '../fixes/executor';
import { InputError } from '../scenarios';
import type { ParsedArgs } from './args';
import { printableLine } from './printable';
import { confirm, fixExitCode, printResult, refusedJson } from './fix';

/** One line a person can read: when, what, how it ended, and whether it was undone. */
export function auditLine(r: AuditRecord): string {
  const what = r.kind === 'undo' ? `undo of ${r.params.undoes ?? '?'} (${r.fix})` : r.fix;
  const verdict = r.outcome === 'applied' ? (r.kind === 'undo' ? 'undone' : r.verified ? 'verified' : 'not verified') : r.outcome;
  return `${r.id}  ${r.time}  ${r.user}  ${what}: ${verdict}${r.undoneBy ? ` (undone by ${r.undoneBy})` : ''}`;
}

/** Prints the log, newest first. */
export function runAuditVerb(args: ParsedArgs, log: AuditLog): number {
  if (args.positional.length) throw new InputError(`unexpected argument "${args.positional[0]?.slice(0, 80)}"`);
  const records = log.list();
  if (args.options.has('json')) process.stdout.write(`${JSON.stringify(records.map(auditJson))}\n`);
  else
    process.stdout.write(
      records.length ? `${records.map((r) => printableLine(auditLine(r))).join('\n')}\n` : 'No change has been made on this machine by DirectAccess Doctor.\n',
    );
  return 0;
}

/** A record as `audit --json` prints it: the reason in words, with its code and values next to it when it has one. */
export function auditJson(r: AuditRecord): Record<string, unknown> {
  if (typeof r.reason === 'string') return r;
  return { ...r, reason: resultReasonText(r.reason), reasonCode: r.reason.code, reasonValues: r.reason.values };
}

/** The audit id of the command line. */
export function undoRequest(args: ParsedArgs): string {
  const [id, extra] = args.positional;
  if (!id) throw new InputError('undo needs the audit id of a fix (see da-doctor audit)');
  if (extra !== undefined) throw new InputError(`unexpected argument "${extra.slice(0, 80)}"`);
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new InputError('an audit id has letters, digits and hyphens only');
  return id;
}

/** Undoes one recorded fix after confirmation; prints the result. */
export async function runUndoVerb(args: ParsedArgs, executor: FixExecutor, collect: () => Promise<void>): Promise<number> {
  const id = undoRequest(args);
  const json = args.options.has('json');
  const print = (r: { outcome: string; reason: Reason } & Record<string, unknown>) => printResult(r, json);
  const record = executor.audit.find(id);
  if (!record) {
    print({ ...refusedJson('', reason('refused.unknownAuditId', { auditId: id })), fix: null });
    return 2;
  }
  const spec = fixSpec(record.fix);
  if (!args.options.has('yes')) {
    process.stderr.write(`${printableLine(`Undo ${spec?.title ?? record.fix} (${record.time}): ${spec?.undo ?? 'no undo'}`)}\n`);
    if (!(await confirm('Undo this change?'))) {
      print({ ...refusedJson(record.fix, reason('cancelled.notConfirmed', { terminal: process.stdin.isTTY ? 'yes' : 'no' })), outcome: 'cancelled' });
      return 2;
    }
  }
  await collect();
  try {
    const result = await executor.undo(id);
    print(result);
    return result.outcome === 'applied' ? 0 : fixExitCode(result);
  } catch (e) {
    if (e instanceof UnknownFixError) throw new InputError(e.message);
    throw e;
  }
}
