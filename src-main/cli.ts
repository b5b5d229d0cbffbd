/**
 * `da-doctor`: the pipeline's stages from the command line (contract.md §3), for helpdesks that run them through
 * Intune or Configuration Manager and collect the JSON centrally. stdout carries only the result; messages go to
 * stderr; exit 0/1/2.
 */
import { join } from 'node:path';
import type { Diagnosis } from '../src-shared/finding';
import type { OrgConfig } from '../src-shared/orgConfig';
import { buildReport } from '../src-shared/report/report';
import { reportHtml } from '../src-shared/report/reportHtml';
import { parseArgs, USAGE, type ParsedArgs } from './cli/args';
import { runFixVerb } from './cli/fix';
import { runAuditVerb, runUndoVerb, undoRequest } from './cli/undo';
import { AuditLog } from './fixes/audit';
import { formatDiagnosis } from './cli/format';
import { readInputFile, refuseOverwrite, writeAtomically } from './cli/files';
import { printable, printableLine } from './cli/printable';
import { defaultDataDir } from './fixes/dataDir';
import { createFixExecutor } from './fixes/forDoctor';
import { loadOrgConfig } from './org/loadOrg';
import { Doctor, diagnoseSnapshotText, type CollectResult } from './services/doctor';
import { InputError } from './scenarios';
import { appVersion } from './paths';
import { installTestHooks, testHooks, withoutTestHooks } from './testHooks';

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  // DAD_* count only on the simulated host: the live CLI keeps its audit log where the user's real one is.
  installTestHooks({ kind: 'cli', scenario: args.options.has('scenario') });
  switch (args.verb) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${appVersion()}\n`);
      return 0;
    case 'diagnose':
      return runDiagnose(args);
    case 'collect':
      return runCollect(args);
    case 'fix':
      return runFix(args);
    case 'report':
      return runReport(args);
    case 'audit':
      return runAuditVerb(args, new AuditLog(dataDirFor(args)));
    case 'undo':
      return runUndo(args);
    default:
      throw new InputError(`"${args.verb}" is not available yet in this version`);
  }
}

function noPositional(args: ParsedArgs): void {
  if (args.positional.length) throw new InputError(`unexpected argument "${args.positional[0]}"`);
}

function doctorFor(args: ParsedArgs): Doctor {
  const scenario = args.options.get('scenario');
  if (typeof scenario === 'string') return Doctor.simulated(scenario);
  if (process.platform !== 'win32') throw new InputError('live checks need Windows; use --scenario NAME for the simulated host');
  return Doctor.windows(thisMachineOrg());
}

/** This Windows machine's organisation configuration (none off Windows), its skipped sources reported on stderr. */
function thisMachineOrg(): OrgConfig | null {
  if (process.platform !== 'win32') return null;
  const org = loadOrgConfig();
  for (const e of org.errors) process.stderr.write(`da-doctor: ${printableLine(e)}\n`);
  return org.config;
}

/** Collects with progress on stderr when a person is watching. */
async function collectWith(doctor: Doctor): Promise<CollectResult> {
  const tty = process.stderr.isTTY;
  try {
    return await doctor.collect((p) => {
      if (tty && p.phase === 'finished') process.stderr.write(`  ${p.section.padEnd(20)} ${p.status} (${p.ms} ms)\n`);
    });
  } finally {
    await doctor.dispose();
  }
}

async function runDiagnose(args: ParsedArgs): Promise<number> {
  noPositional(args);
  const snapshotFile = args.options.get('snapshot');
  if (typeof snapshotFile === 'string' && args.options.has('scenario')) throw new InputError('--snapshot and --scenario exclude each other');
  const result = typeof snapshotFile === 'string' ? diagnoseSnapshotText(await readInputFile(snapshotFile)) : await collectWith(doctorFor(args));
  process.stdout.write(args.options.has('json') ? `${JSON.stringify(result.diagnosis)}\n` : formatDiagnosis(result.diagnosis));
  return exitCodeOf(result.diagnosis);
}

async function runCollect(args: ParsedArgs): Promise<number> {
  noPositional(args);
  const out = args.options.get('out');
  if (typeof out !== 'string') throw new InputError('collect needs --out FILE');
  const result = await collectWith(doctorFor(args));
  await writeAtomically(out, `${JSON.stringify(result.snapshot, null, 2)}\n`);
  process.stderr.write(`snapshot written to ${printableLine(out)}\n`);
  return 0;
}

/**
 * report --snapshot FILE (or --scenario) --out FILE.html: the administrator's page, with the JSON beside it. The
 * --snapshot file may itself be a report page (its embedded snapshot is diagnosed again).
 */
async function runReport(args: ParsedArgs): Promise<number> {
  noPositional(args);
  const out = args.options.get('out');
  if (typeof out !== 'string' || !/\.html?$/i.test(out)) throw new InputError('report needs --out FILE.html');
  const snapshotFile = args.options.get('snapshot');
  if (typeof snapshotFile === 'string' && args.options.has('scenario')) throw new InputError('--snapshot and --scenario exclude each other');
  const jsonOut = out.replace(/\.html?$/i, '.json');
  // Both outputs are checked before anything is read or written: report --snapshot r.json --out r.html would replace its input.
  await refuseOverwrite(typeof snapshotFile === 'string' ? snapshotFile : undefined, [out, jsonOut]);
  // A snapshot file is another computer's: the page says so. The helpdesk is this organisation's (the scenario's on
  // the simulated host), never the file's own `org` block, which anyone can write.
  let result: CollectResult;
  let helpdesk: OrgConfig['helpdesk'];
  if (typeof snapshotFile === 'string') {
    result = diagnoseSnapshotText(await readInputFile(snapshotFile));
    helpdesk = thisMachineOrg()?.helpdesk;
  } else {
    const doctor = doctorFor(args);
    helpdesk = doctor.orgConfig?.helpdesk;
    result = await collectWith(doctor);
  }
  const bundle = buildReport({
    snapshot: result.snapshot,
    diagnosis: result.diagnosis,
    appVersion: appVersion(),
    redact: args.options.has('redact'),
    createdAt: new Date().toISOString(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...(helpdesk ? { helpdesk } : {}),
    ...(typeof snapshotFile === 'string' ? { imported: { machine: result.snapshot.machine } } : {}),
  });
  await writeAtomically(out, reportHtml(bundle));
  await writeAtomically(jsonOut, `${JSON.stringify(bundle, null, 2)}\n`);
  process.stderr.write(`report written to ${printableLine(out)}\n`);
  return exitCodeOf(result.diagnosis);
}

/** Fixes on a simulated machine keep their own audit log, apart from this machine's real one. */
function dataDirFor(args: ParsedArgs): string {
  const base = testHooks().dataDir ?? defaultDataDir(withoutTestHooks());
  return args.options.has('scenario') ? join(base, 'simulated') : base;
}

async function runUndo(args: ParsedArgs): Promise<number> {
  undoRequest(args); // bad usage is refused before PowerShell starts
  const doctor = doctorFor(args);
  const executor = createFixExecutor(doctor, dataDirFor(args));
  try {
    return await runUndoVerb(args, executor, async () => {
      executor.noteSnapshot((await doctor.collect()).snapshot);
    });
  } finally {
    await doctor.dispose();
  }
}

async function runFix(args: ParsedArgs): Promise<number> {
  const doctor = doctorFor(args);
  const executor = createFixExecutor(doctor, dataDirFor(args));
  try {
    return await runFixVerb(args, executor, async () => {
      executor.noteSnapshot((await doctor.collect()).snapshot);
    });
  } finally {
    await doctor.dispose();
  }
}

/** Exit code of contract §3: 1 when any finding is an error. */
export function exitCodeOf(d: Diagnosis): number {
  return d.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof InputError) {
      process.stderr.write(`da-doctor: ${printableLine(e.message)}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`da-doctor: internal error: ${printable(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
      process.exitCode = 70;
    }
  },
);
