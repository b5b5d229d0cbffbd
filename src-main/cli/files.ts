/**
 * The CLI's files: a snapshot is read only when it is a regular file under a size cap (checked before a byte is read,
 * so a FIFO or /dev/zero cannot hang or exhaust the process), and outputs are written through an exclusive random
 * temporary name in the same folder, then renamed, never over the command's own input.
 */
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { decodeHandoffBytes } from '../../src-shared/handoffFile';
import { InputError } from '../scenarios';
import { printable } from './printable';

/** The largest snapshot the CLI reads; real ones are well under 1 MB. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

const why = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

function checkRegular(file: string, st: Stats, max: number): void {
  if (!st.isFile()) throw new InputError(`cannot read ${printable(file)}: not a regular file`);
  if (st.size > max) throw new InputError(`cannot read ${printable(file)}: larger than ${Math.round(max / 1024 / 1024)} MB`);
}

/**
 * Reads a user-named input file as text: stat first, then a bounded read of the opened file, then a strict decode
 * (UTF-8, or UTF-16LE with its mark): bytes that are not text are refused, never read as replacement characters.
 */
export async function readInputFile(file: string, max = MAX_INPUT_BYTES): Promise<string> {
  let st: Stats;
  try {
    st = await stat(file);
  } catch (e) {
    throw new InputError(`cannot read ${printable(file)}: ${why(e)}`);
  }
  checkRegular(file, st, max);
  // O_NONBLOCK: had the path been swapped for a FIFO since the stat, opening it would wait for a writer forever.
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new InputError(`cannot read ${printable(file)}: ${why(e)}`);
  }
  try {
    checkRegular(file, await handle.stat(), max); // the file opened, not the name
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(Math.min(1024 * 1024, max + 1 - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      chunks.push(buf.subarray(0, bytesRead));
      if (total > max) throw new InputError(`cannot read ${printable(file)}: larger than ${Math.round(max / 1024 / 1024)} MB`);
    }
    const decoded = decodeHandoffBytes(Buffer.concat(chunks));
    if (!decoded.ok) throw new InputError(`cannot read ${printable(file)}: ${decoded.message}`);
    return decoded.text;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${printable(file)}: ${why(e)}`);
  } finally {
    await handle.close();
  }
}

/** Whether two paths name the same file: by resolved name, or by device and inode when both exist (links, case). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino && x.ino !== 0;
  } catch {
    return false;
  }
}

/** Refuses an output that would overwrite the command's input. */
export async function refuseOverwrite(input: string | undefined, outputs: string[]): Promise<void> {
  if (input === undefined) return;
  for (const out of outputs) {
    if (await sameFile(input, out)) throw new InputError(`refusing to write ${printable(out)}: it is the input --snapshot file`);
  }
}

/** Writes an exclusive, randomly named file next to the target and renames it, so a failure never leaves half a file. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(tmp, 'wx'); // O_EXCL: never through a file or link someone placed there
    created = true;
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    if (created) await unlink(tmp).catch(() => undefined);
    throw new InputError(`cannot write ${printable(file)}: ${why(e)}`);
  }
}
