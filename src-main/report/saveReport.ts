/**
 * Saving the report page the wizard built (channel `report:save`). The page sends only the HTML and the machine's
 * name; main chooses the folder (Downloads in Electron, a folder the harness or a test gives) and the file name, so a
 * page can never name a path. A page that DirectAccess Doctor could not open again is refused, so the helpdesk is
 * never handed a report it cannot read back; an existing file is never replaced (`… (2).html`).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHandoffText } from '../../src-shared/handoffFile';
import { InputError } from '../scenarios';

/** The largest page main writes: real ones are well under 1 MB. */
export const MAX_REPORT_HTML_CHARS = 5 * 1024 * 1024;
/** How many `(n)` names are tried before giving up (a folder with a hundred reports of one day is a mistake). */
const MAX_COPIES = 100;

/** The machine's name as a file name part: ASCII letters, digits and dashes, at most 64, never empty. */
export function fileNamePart(machine: string): string {
  const ascii = machine
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // é → e, not e_
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/^[_-]+/, '')
    .slice(0, 64)
    .replace(/[_-]+$/, '');
  return ascii || 'computer';
}

/** `directaccess-report-<machine>-<YYYY-MM-DD>.html`, the date the person's own (local), `copy` ≥ 2 as ` (n)`. */
export function reportFileName(machine: string, now: Date, copy = 1): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `directaccess-report-${fileNamePart(machine)}-${day}${copy > 1 ? ` (${copy})` : ''}.html`;
}

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/**
 * Places the finished temporary file under `target` without ever replacing a file there: a hard link is atomic and
 * fails when the name exists; where links are not supported (FAT, some network shares) an exclusive copy is.
 */
async function placeExclusively(tmp: string, target: string): Promise<boolean> {
  try {
    await link(tmp, target);
    return true;
  } catch (e) {
    if (code(e) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS', 'EINVAL'].includes(code(e) ?? '')) throw e;
  }
  try {
    await copyFile(tmp, target, constants.COPYFILE_EXCL);
    return true;
  } catch (e) {
    if (code(e) === 'EEXIST') return false;
    throw e;
  }
}

/** Checks the page, writes it atomically under a fresh name in `dir`, and returns where it went. */
export async function saveReport(dir: string, html: string, machine: string, now = new Date()): Promise<{ path: string }> {
  if (html.length > MAX_REPORT_HTML_CHARS) throw new InputError(`the report is too large to save (more than ${MAX_REPORT_HTML_CHARS / 1024 / 1024} MB)`);
  const readBack = parseHandoffText(html);
  if (!readBack.ok) throw new InputError(`the report was not saved: DirectAccess Doctor could not open it again (${readBack.message})`);
  if (readBack.source.kind !== 'report') throw new InputError('the report was not saved: it is not a report page');
  await mkdir(dir, { recursive: true }).catch((e: unknown) => {
    throw new InputError(`the report was not saved: the folder cannot be created (${code(e) ?? String(e)})`);
  });
  const tmp = join(dir, `.directaccess-report.${randomBytes(8).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(tmp, 'wx'); // O_EXCL: never through a file or link someone placed there
    created = true;
    try {
      await handle.writeFile(html, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    for (let copy = 1; copy <= MAX_COPIES; copy++) {
      const target = join(dir, reportFileName(machine, now, copy));
      if (await placeExclusively(tmp, target)) return { path: target };
    }
    throw new InputError(`the report was not saved: ${MAX_COPIES} reports of this computer from today are already in the folder`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`the report was not saved: ${code(e) ?? (e instanceof Error ? e.message : String(e))}`);
  } finally {
    if (created) await unlink(tmp).catch(() => undefined);
  }
}
