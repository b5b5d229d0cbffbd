// report:save writes where main decides, under a name it makes safe, never over a file, and only a page it can reopen.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src-shared/diagnose';
import { parseHandoffText } from '../../src-shared/handoffFile';
import { buildReport } from '../../src-shared/report/report';
import { reportHtml } from '../../src-shared/report/reportHtml';
import { buildSnapshot } from '../../test-support/snapshotBuilder';
import { InputError } from '../scenarios';
import { Router } from '../services/handlers';
import { MAX_REPORT_HTML_CHARS, reportFileName, saveReport } from './saveReport';

const NOW = new Date(2026, 11, 1, 12, 0, 0); // local noon: the date is the same in every zone's reading
const snapshot = buildSnapshot();
const html = reportHtml(buildReport({ snapshot, diagnosis: diagnose(snapshot), appVersion: '1.0.0' }));
const folder = () => mkdtempSync(join(tmpdir(), 'dad-save-'));
const NAME = /^directaccess-report-[A-Za-z0-9][A-Za-z0-9_-]{0,63}-\d{4}-\d{2}-\d{2}( \(\d+\))?\.html$/;

describe('reportFileName', () => {
  it.each([
    ['CLIENT01', 'directaccess-report-CLIENT01-2026-12-01.html'],
    ['..\\..\\x', 'directaccess-report-x-2026-12-01.html'],
    ['../../etc/passwd', 'directaccess-report-etc_passwd-2026-12-01.html'],
    ['CON', 'directaccess-report-CON-2026-12-01.html'], // not a reserved name once it has the prefix and the date
    ['Ünïcødé-PC\u202Egpj.exe', 'directaccess-report-Unic_de-PC_gpj_exe-2026-12-01.html'],
    ['', 'directaccess-report-computer-2026-12-01.html'],
    ['…', 'directaccess-report-computer-2026-12-01.html'],
    ['x'.repeat(300), `directaccess-report-${'x'.repeat(64)}-2026-12-01.html`],
  ])('makes %j safe', (machine, expected) => {
    const name = reportFileName(machine, NOW);
    expect(name).toBe(expected);
    expect(name).toMatch(NAME);
  });
});

describe('saveReport', () => {
  it('writes the page in the folder given, and it opens again', async () => {
    const dir = folder();
    const { path } = await saveReport(dir, html, 'CLIENT01', NOW);
    expect(dirname(path)).toBe(dir);
    expect(basename(path)).toBe('directaccess-report-CLIENT01-2026-12-01.html');
    expect(readFileSync(path, 'utf8')).toBe(html);
    expect(parseHandoffText(readFileSync(path, 'utf8'))).toMatchObject({ ok: true, source: { kind: 'report' } });
    expect(readdirSync(dir)).toEqual([basename(path)]); // no temporary file left behind
  });

  it('never replaces a file: the next name is " (2)", then " (3)"', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'directaccess-report-PC-2026-12-01.html'), 'mine');
    const second = await saveReport(dir, html, 'PC', NOW);
    const third = await saveReport(dir, html, 'PC', NOW);
    expect(basename(second.path)).toBe('directaccess-report-PC-2026-12-01 (2).html');
    expect(basename(third.path)).toBe('directaccess-report-PC-2026-12-01 (3).html');
    expect(readFileSync(join(dir, 'directaccess-report-PC-2026-12-01.html'), 'utf8')).toBe('mine');
  });

  it('a hostile machine name stays inside the folder', async () => {
    const dir = folder();
    for (const machine of ['..\\..\\x', '../../../tmp/evil', '/etc/cron.d/x', 'C:\\Windows\\x', 'a\u0000b']) {
      const { path } = await saveReport(dir, html, machine, NOW);
      expect(dirname(path)).toBe(dir);
      expect(basename(path)).toMatch(NAME);
    }
  });

  it.each([
    ['a page that is not a report', '<!doctype html><p>hi</p>', /could not open it again \(this page is not a report/],
    ['a bare snapshot', JSON.stringify(snapshot), /not a report page/],
    ['a report whose data block is broken', html.replace('"schema":"da-doctor/report@1"', '"schema":'), /could not open it again/],
    ['a page over the size cap', `${html}${' '.repeat(MAX_REPORT_HTML_CHARS)}`, /too large/],
  ])('refuses %s, writing nothing', async (_label, page, message) => {
    const dir = folder();
    await expect(saveReport(dir, page, 'PC', NOW)).rejects.toThrow(InputError);
    await expect(saveReport(dir, page, 'PC', NOW)).rejects.toThrow(message);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('report:save through the router', () => {
  const emit = () => undefined;
  it('saves in the router’s folder and answers with the path', async () => {
    const dir = folder();
    const r = await new Router({ host: { kind: 'simulated' }, orgConfig: null } as never, { dataDir: folder(), reportsDir: dir }).dispatch(
      'report:save',
      { html, machine: 'PC' },
      emit,
    );
    expect(r).toMatchObject({ ok: true, value: { path: expect.stringContaining(dir) } });
  });

  it('refuses a page over 5 MB and a stray path field before anything is written', async () => {
    const dir = folder();
    const router = new Router({ host: { kind: 'simulated' }, orgConfig: null } as never, { dataDir: folder(), reportsDir: dir });
    const big = await router.dispatch('report:save', { html: 'x'.repeat(5 * 1024 * 1024 + 1), machine: 'PC' }, emit);
    expect(big).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    const bad = await router.dispatch('report:save', { html: '<p>no data</p>', machine: 'PC' }, emit);
    expect(bad).toMatchObject({ ok: false, error: { code: 'badInput' } });
    // A path from the page is not part of the request: it is dropped, the file goes where main says.
    const stray = await router.dispatch('report:save', { html, machine: 'PC', path: '/tmp/evil.html', dir: '/tmp' }, emit);
    expect(stray).toMatchObject({ ok: true, value: { path: join(dir, basename((stray as { value: { path: string } }).value.path)) } });
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
