// The CLI's own promises: bad input exits 2 with one line, collect → diagnose --snapshot, the report verb. Every
// scenario's diagnosis and path end are checked in scenarios.integration.test.ts from the scenario files.
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../src-shared/diagnose';
import { buildReport } from '../src-shared/report/report';
import { reportHtml } from '../src-shared/report/reportHtml';
import type { Snapshot } from '../src-shared/snapshot';
import { buildSnapshot } from '../test-support/snapshotBuilder';
import { appRoot } from './paths';
import { saveReport } from './report/saveReport';
import { buildCli, runCli } from './testing/runCli';

const root = appRoot();

/** Runs the CLI; resolves with exit code, stdout and stderr whatever the exit code. */
const daDoctor = (args: string[]) => runCli(args, {}, 60_000);

beforeAll(buildCli);

describe('bad input exits 2 with one line on stderr and nothing on stdout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dad-cli-'));
  const file = (n: string, text: string) => {
    const p = join(dir, n);
    writeFileSync(p, text);
    return p;
  };
  const good = JSON.parse(readFileSync(join(root, 'assets', 'scenarios', 'healthy.json'), 'utf8')) as Record<string, unknown>;
  it.each([
    ['a missing snapshot file', ['diagnose', '--snapshot', join(dir, 'absent.json')], /cannot read/],
    ['a snapshot that is not JSON', ['diagnose', '--snapshot', file('bad.json', '{not json')], /not JSON/],
    ['a snapshot of another version', ['diagnose', '--snapshot', file('v9.json', '{"schema":"da-doctor/snapshot@9"}')], /not supported/],
    ['a snapshot with a wrong field', ['diagnose', '--snapshot', file('wrong.json', '{"schema":"da-doctor/snapshot@1","machine":1}')], /invalid snapshot/],
    ['a missing scenario', ['diagnose', '--scenario', 'no-such-scenario'], /scenario not found/],
    ['a scenario with another schema', ['diagnose', '--scenario', file('s.json', JSON.stringify({ ...good, schema: 'x' }))], /expected da-doctor\/scenario@1/],
    ['an unknown option', ['diagnose', '--frobnicate'], /unknown option/],
    ['an unknown command', ['explode'], /unknown command/],
    ['collect without --out', ['collect', '--scenario', 'healthy'], /needs --out/],
  ])('%s', async (_label, args, message) => {
    const { code, stdout, stderr } = await daDoctor(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});

describe('collect then diagnose --snapshot', () => {
  it('gives the same findings offline as on the machine', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dad-snap-')), 'snap.json');
    const collected = await daDoctor(['collect', '--scenario', 'winhttp-proxy', '--out', out]);
    expect(collected.code).toBe(0);
    const offline = await daDoctor(['diagnose', '--snapshot', out, '--json']);
    expect(offline.code).toBe(1);
    expect(JSON.parse(offline.stdout).findings.map((f: { id: string }) => f.id)).toContain('iphttps-proxy');
  });
});

describe('report', () => {
  it('writes the administrator page and its JSON, redacted on request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dad-report-'));
    const out = join(dir, 'report.html');
    const { code } = await daDoctor(['report', '--scenario', 'nrpt-split-dns', '--out', out, '--redact']);
    expect(code).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Add an NRPT exemption for da.contoso.com');
    expect(html).not.toContain('CLIENT01');
    const bundle = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(bundle).toMatchObject({ schema: 'da-doctor/report@1', redacted: true });
    expect(bundle.diagnosis.findings.map((f: { id: string }) => f.id)).toContain('nrpt-captures-public-name');
  });

  it('refuses an output that is not .html, writing nothing', async () => {
    const { code, stderr } = await daDoctor(['report', '--scenario', 'healthy', '--out', join(tmpdir(), 'x.txt')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--out FILE\.html/);
  });
});

describe('input files are checked before they are read, outputs never replace the input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dad-files-'));
  mkdirSync(join(dir, 'sub'));
  const fifo = join(dir, 'pipe.json');
  execFileSync('mkfifo', [fifo]);
  const big = join(dir, 'big.json');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 60 * 1024 * 1024); // sparse: 60 MB by its size, nothing on disk
  closeSync(fd);
  const refused = (what: string) => new RegExp(`cannot read .*${what}`);

  it.each([
    ['a FIFO', fifo, refused('not a regular file')],
    ['/dev/zero', '/dev/zero', refused('not a regular file')],
    ['a 60 MB file', big, refused('larger than 50 MB')],
  ])('%s is refused quickly with exit 2, by diagnose and by report', async (_label, file, message) => {
    for (const args of [
      ['diagnose', '--snapshot', file],
      ['report', '--snapshot', file, '--out', join(dir, 'r.html')],
    ]) {
      const started = Date.now();
      const { code, stdout, stderr } = await runCli(args, {}, 20_000); // a blocked read would be killed: code -1
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  });

  it.each([
    ['--out is the input itself', 'same.html', (input: string) => input],
    ['--out is the input, written another way', 'other.html', (input: string) => join(dir, 'sub', '..', '.', basename(input))],
    ['--out is a hard link to the input', 'linked.html', (input: string) => (linkSync(input, join(dir, 'link.html')), join(dir, 'link.html'))],
    ['the JSON beside --out would be the input', 'beside.json', (input: string) => input.replace(/\.json$/, '.html')],
  ])('report refuses to overwrite its own --snapshot: %s, and leaves it untouched', async (_label, name, outFor) => {
    const input = join(dir, name);
    writeFileSync(input, JSON.stringify(buildSnapshot()));
    const before = readFileSync(input, 'utf8');
    const { code, stdout, stderr } = await daDoctor(['report', '--snapshot', input, '--out', outFor(input)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/it is the input --snapshot file/);
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('report --snapshot writes the page and its JSON beside it, through no leftover temporary file', async () => {
    const input = join(dir, 'good.json');
    writeFileSync(input, JSON.stringify(buildSnapshot()));
    const { code } = await daDoctor(['report', '--snapshot', input, '--out', join(dir, 'good-report.html')]);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'good-report.html'), 'utf8')).toContain('DirectAccess Doctor report');
    expect(JSON.parse(readFileSync(join(dir, 'good-report.json'), 'utf8')).schema).toBe('da-doctor/report@1');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('diagnose of a snapshot with a hostile machine name', () => {
  const machine = '\u001b]0;pwned\u0007CLIENT\u202e01\u009b2J\nOK: healthy';
  const file = join(mkdtempSync(join(tmpdir(), 'dad-hostile-')), 'snap.json');
  const snapshot = buildSnapshot();
  snapshot.machine = machine;
  writeFileSync(file, JSON.stringify(snapshot));

  it('prints it without terminal controls in text mode, and exactly in JSON mode', async () => {
    const text = await daDoctor(['diagnose', '--snapshot', file]);
    expect(text.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the very characters that must not reach a terminal
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
    expect(text.stdout.split('\n')[0]).toBe(']0;pwnedCLIENT012J OK: healthy (client): DirectAccess looks healthy.');
    const json = await daDoctor(['diagnose', '--snapshot', file, '--json']);
    expect(JSON.parse(json.stdout).machine).toBe(machine);
  });
});

describe('a report page saved by the wizard opens like the snapshot it carries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dad-handoff-'));
  const snap = join(dir, 'snap.json');
  let page = '';
  let pageText = '';

  beforeAll(async () => {
    expect((await daDoctor(['collect', '--scenario', 'winhttp-proxy', '--out', snap])).code).toBe(0);
    // The wizard's own path: the page builds the bundle and its HTML, main's report:save writes it.
    const snapshot = JSON.parse(readFileSync(snap, 'utf8')) as Snapshot;
    snapshot.machine = 'PC</script><script>alert(1)</script>';
    writeFileSync(snap, JSON.stringify(snapshot));
    const html = reportHtml(
      buildReport({
        snapshot,
        diagnosis: diagnose(snapshot),
        appVersion: '1.0.0',
        createdAt: new Date().toISOString(),
        outcome: { result: 'escalate', title: 'Needs your IT department' },
      }),
    );
    page = (await saveReport(dir, html, snapshot.machine)).path;
    pageText = readFileSync(page, 'utf8');
  });

  it('diagnose --snapshot report.html gives what the snapshot gives, in text and in JSON, with the same exit code', async () => {
    for (const json of [[], ['--json']]) {
      const fromSnapshot = await daDoctor(['diagnose', '--snapshot', snap, ...json]);
      const fromPage = await daDoctor(['diagnose', '--snapshot', page, ...json]);
      expect(fromPage.code).toBe(1);
      expect(fromPage).toEqual(fromSnapshot);
    }
    const diagnosis = JSON.parse((await daDoctor(['diagnose', '--snapshot', page, '--json'])).stdout);
    expect(diagnosis.findings.map((f: { id: string }) => f.id)).toContain('iphttps-proxy');
    expect(diagnosis.machine).toBe('PC</script><script>alert(1)</script>');
  });

  it('report --snapshot report.html writes a new report that says it is about another computer', async () => {
    const out = join(dir, 'again.html');
    const { code, stderr } = await daDoctor(['report', '--snapshot', page, '--out', out]);
    expect(code, stderr).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('class="banner imported"');
    expect(html).toContain('iphttps-proxy');
  });

  it('report --scenario names the organisation’s helpdesk', async () => {
    const out = join(dir, 'helpdesk.html');
    expect((await daDoctor(['report', '--scenario', 'untrusted-root', '--out', out])).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('<h2>Who to contact</h2><p><strong>Contoso IT Service Desk</strong>');
  });

  const hostile = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  it.each([
    [
      'a page with two data blocks',
      () => hostile('two.html', pageText.replace('</body>', `${/<script type="application\/json"[^]*?<\/script>/.exec(pageText)![0]}</body>`)),
      /2 blocks of report data/,
    ],
    [
      'a page whose data is broken JSON',
      () => hostile('broken.html', pageText.replace('"schema":"da-doctor/report@1"', '"schema":"da-doctor/report@1",,')),
      /report data is not valid JSON/,
    ],
    ['a page cut off in its data', () => hostile('cut.html', pageText.slice(0, pageText.indexOf('"sections"'))), /cut off/],
    ['a page of someone else', () => hostile('other.html', '<!doctype html><html><body>hello</body></html>'), /not a report saved by DirectAccess Doctor/],
    [
      'a file that is not UTF-8',
      () => hostile('latin1.html', Buffer.concat([Buffer.from(pageText.slice(0, 500)), Buffer.from([0xe9, 0xff]), Buffer.from(pageText.slice(500))])),
      /not UTF-8 text/,
    ],
  ])('%s: exit 2, one line on stderr, nothing on stdout, nothing written', async (_label, make, message) => {
    const file = make();
    for (const args of [
      ['diagnose', '--snapshot', file],
      ['diagnose', '--snapshot', file, '--json'],
      ['report', '--snapshot', file, '--out', join(dir, `${basename(file)}.out.html`)],
    ]) {
      const { code, stdout, stderr } = await daDoctor(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/internal error|\bat .*:\d+:\d+/);
    }
    expect(readdirSync(dir).filter((f) => f.includes('.out.'))).toEqual([]);
  });
});
