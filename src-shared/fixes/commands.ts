/**
 * The commands each fix runs, from the one declaration the PowerShell fix module dispatches from
 * (`assets/ps/fixes/FixCommands.json`). The catalogue's preview is built here from it, so the commands a person
 * confirms are the ones the script runs; `FixCommands.Tests.ps1` runs every fix on the simulated host and fails when
 * a script and its declaration disagree.
 */
import { z } from 'zod';
import declaration from '../../assets/ps/fixes/FixCommands.json';

const commandSchema = z
  .object({
    /** The command line; `{name}` is a parameter of the fix, `$Name` a value only known while the fix runs. */
    run: z.string().min(1),
    /** What each `$Name` of the line holds (the preview says it, so the line itself has no placeholder). */
    values: z.record(z.string(), z.string()).optional(),
    /** What a read-only command reads, and why. */
    reads: z.string().optional(),
    /** When the command runs (absent: always). */
    when: z.string().optional(),
  })
  .strict();

const partSchema = z.object({ fn: z.string(), params: z.record(z.string(), z.string()), commands: z.array(commandSchema).min(1) }).strict();

const declarationSchema = z.object({
  schema: z.literal('da-doctor/fix-commands@1'),
  about: z.array(z.string()),
  fixes: z.record(z.string(), z.object({ fix: partSchema, undo: partSchema.optional() }).strict()),
});

/** One declared command of a fix. */
export type DeclaredCommand = z.infer<typeof commandSchema>;

/** The declaration, validated once when the module loads (a broken file fails every test at once). */
export const FIX_COMMANDS = declarationSchema.parse(declaration).fixes;

/** The ids of every fix the PowerShell module can run. */
export const DECLARED_FIX_IDS: readonly string[] = Object.keys(FIX_COMMANDS);

/**
 * A command line with the known parameters filled in; an unknown one becomes the PowerShell variable `$name` (never an
 * empty string, never a `<name>` someone would paste), which the preview's comment says is not given yet.
 */
export function fillCommand(run: string, params: Record<string, string | undefined>): string {
  return run.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => params[name] ?? `$${name}`);
}

/** The parameters a line uses that are not given. */
function missingParams(run: string, params: Record<string, string | undefined>): string[] {
  return [...new Set([...run.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1] as string).filter((n) => params[n] === undefined))];
}

/** The `$Name` values a line uses that its declaration does not explain (a test keeps this empty). */
export function unexplainedValues(c: DeclaredCommand): string[] {
  return [...c.run.matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1] as string).filter((n) => c.values?.[n] === undefined);
}

/**
 * The preview lines of a fix (or its undo): each command, then as a comment what it reads, what its run-time values
 * hold and when it runs.
 */
export function declaredPreview(id: string, params: Record<string, string | undefined>, part: 'fix' | 'undo' = 'fix'): string[] {
  const entry = FIX_COMMANDS[id]?.[part];
  if (!entry) return [];
  return entry.commands.map((c) => {
    const values = [
      ...Object.entries(c.values ?? {}).map(([name, what]) => `$${name} is ${what}`),
      ...missingParams(c.run, params).map((name) => `$${name} is the fix's ${name}, not given yet`),
    ];
    const notes = [c.reads ? `reads ${c.reads}` : null, ...values, c.when ? `only when ${c.when}` : null].filter((n) => n !== null);
    const line = fillCommand(c.run, params);
    return notes.length ? `${line}   # ${notes.join('; ')}` : line;
  });
}
