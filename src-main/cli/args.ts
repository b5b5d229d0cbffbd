/** The command line's grammar (contract.md §3): a verb, options, repeated --param k=v. */
import { InputError } from '../scenarios';

export interface ParsedArgs {
  verb: string;
  positional: string[];
  options: Map<string, string | true>;
  params: Array<[string, string]>;
}

/** Options each verb accepts, and whether each takes a value. */
const VERBS: Record<string, Record<string, 'flag' | 'value'>> = {
  diagnose: { scenario: 'value', snapshot: 'value', json: 'flag' },
  collect: { scenario: 'value', out: 'value', json: 'flag' },
  report: { snapshot: 'value', out: 'value', scenario: 'value', redact: 'flag' },
  fix: { scenario: 'value', param: 'value', yes: 'flag', json: 'flag' },
  undo: { scenario: 'value', yes: 'flag', json: 'flag' },
  audit: { scenario: 'value', json: 'flag' },
  help: {},
  version: {},
};

export function parseArgs(argv: string[]): ParsedArgs {
  const [first, ...rest] = argv;
  const verb = first === undefined || first === '--help' || first === '-h' ? 'help' : first === '--version' ? 'version' : first;
  const spec = VERBS[verb];
  if (!spec) throw new InputError(`unknown command "${verb}" (commands: ${Object.keys(VERBS).join(', ')})`);
  const parsed: ParsedArgs = { verb, positional: [], options: new Map(), params: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) {
      parsed.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = spec[name];
    if (!kind) throw new InputError(`unknown option --${name} for "${verb}"`);
    if (kind === 'flag') {
      if (eq !== -1) throw new InputError(`--${name} takes no value`);
      parsed.options.set(name, true);
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') throw new InputError(`--${name} needs a value`);
    if (name === 'param') {
      const at = value.indexOf('=');
      if (at < 1) throw new InputError(`--param needs name=value, got "${value.slice(0, 80)}"`);
      parsed.params.push([value.slice(0, at), value.slice(at + 1)]);
    } else {
      if (parsed.options.has(name)) throw new InputError(`--${name} given twice`);
      parsed.options.set(name, value);
    }
  }
  return parsed;
}

export const USAGE = `DirectAccess Doctor — finds why DirectAccess does not connect, and fixes what can be fixed.

Usage:
  da-doctor diagnose [--scenario NAME|FILE | --snapshot FILE] [--json]
  da-doctor collect --out FILE [--scenario NAME|FILE]
  da-doctor report (--snapshot FILE | --scenario NAME|FILE) --out FILE.html [--redact]
  da-doctor fix ID [--param name=value]... [--scenario NAME|FILE] [--yes] [--json]
  da-doctor audit [--scenario NAME|FILE] [--json]          what DirectAccess Doctor changed here
  da-doctor undo AUDIT_ID [--scenario NAME|FILE] [--yes] [--json]

--snapshot FILE is a snapshot (collect --out) or a report page saved by the wizard or by report.
Without --scenario or --snapshot the checks run on this Windows machine.
Exit codes: 0 no problem found (or fix verified), 1 problems found (or fix not verified), 2 bad usage or input.`;
