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
    /** The command line; `{name}` is a parameter of the fix, `<...>` a value only known while the fix runs. */
    run: z.string().min(1),
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

/** A command line with the known parameters filled in; an unknown one stays a visible `<name>`. */
export function fillCommand(run: string, params: Record<string, string | undefined>): string {
  return run.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => params[name] ?? `<${name}>`);
}

/** The preview lines of a fix (or its undo): each command, then what it reads and when it runs, as a comment. */
export function declaredPreview(id: string, params: Record<string, string | undefined>, part: 'fix' | 'undo' = 'fix'): string[] {
  const entry = FIX_COMMANDS[id]?.[part];
  if (!entry) return [];
  return entry.commands.map((c) => {
    const notes = [c.reads ? `reads ${c.reads}` : null, c.when ? `only when ${c.when}` : null].filter((n) => n !== null);
    const line = fillCommand(c.run, params);
    return notes.length ? `${line}   # ${notes.join('; ')}` : line;
  });
}
