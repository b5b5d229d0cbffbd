// One file opens everywhere: a bare snapshot or a report page of ours; everything else is one clear sentence.
import { describe, expect, it } from 'vitest';
import { buildSnapshot, data } from '../test-support/snapshotBuilder';
import { diagnose } from './diagnose';
import { decodeHandoffBytes, MAX_HANDOFF_CHARS, parseHandoffText } from './handoffFile';
import { BUNDLE_OPEN_TAG } from './report/embed';
import { buildReport, type ReportBundle } from './report/report';
import { reportHtml } from './report/reportHtml';
import type { Snapshot } from './snapshot';

const ATTACK = '</script><script>alert(1)</script>';

function reportOf(snapshot: Snapshot, extra: Partial<Parameters<typeof buildReport>[0]> = {}): { html: string; bundle: ReportBundle } {
  const bundle = buildReport({ snapshot, diagnosis: diagnose(snapshot), appVersion: '1.2.3', createdAt: '2026-12-01T16:00:00.000Z', ...extra });
  return { html: reportHtml(bundle), bundle };
}

/** A snapshot whose names carry markup and the characters the data block must escape. */
function hostileSnapshot(): Snapshot {
  const s = buildSnapshot();
  s.machine = `PC${ATTACK}`;
  data(s, 'proxy').winHttp.proxyServer = `${ATTACK}&amp;<!--\u2028\u2029"'<pre id="report-json">`;
  return s;
}

/** How React wrote the old `<pre>` form's text. */
const reactEscape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!);

function expectRefused(text: string, message: RegExp): void {
  const r = parseHandoffText(text);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.message).toMatch(message);
  expect(r.message).not.toMatch(/\n|\bat .*:\d+:\d+/); // one sentence, never a stack
  expect(r.message.length).toBeLessThan(400);
}

describe('parseHandoffText', () => {
  it('reads a bare snapshot as before', () => {
    const s = buildSnapshot();
    const r = parseHandoffText(JSON.stringify(s));
    expect(r).toMatchObject({ ok: true, source: { kind: 'snapshot' } });
    if (r.ok) expect(r.snapshot).toEqual(s);
  });

  it('reads a report page: the snapshot, and what the report said of itself', () => {
    const s = buildSnapshot();
    const r = parseHandoffText(reportOf(s).html);
    expect(r).toMatchObject({ ok: true, source: { kind: 'report', redacted: false, createdAt: '2026-12-01T16:00:00.000Z', machine: s.machine } });
    if (r.ok) expect(r.snapshot).toEqual(s);
  });

  it('reads a redacted report as redacted', () => {
    const r = parseHandoffText(reportOf(buildSnapshot(), { redact: true }).html);
    expect(r).toMatchObject({ ok: true, source: { kind: 'report', redacted: true, machine: '[computer]' } });
  });

  it('round-trips an attacker string exactly, and it cannot close the data block or open a script', () => {
    const s = hostileSnapshot();
    const { html } = reportOf(s);
    expect(html).not.toContain(ATTACK);
    expect(html.match(/<script/gi)).toEqual(['<script']); // the data block, nothing else
    expect(html.match(/<\/script/gi)).toEqual(['</script']);
    expect(html.split(BUNDLE_OPEN_TAG)).toHaveLength(2);
    const r = parseHandoffText(html);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshot.machine).toBe(`PC${ATTACK}`);
    expect(data(r.snapshot, 'proxy').winHttp.proxyServer).toBe(data(s, 'proxy').winHttp.proxyServer);
    expect(r.snapshot).toEqual(s);
  });

  it('still reads the older <pre id="report-json"> form, entities and all', () => {
    const s = hostileSnapshot();
    const { bundle } = reportOf(s);
    const html = `<!doctype html>\n<html><body><details><pre id="report-json">${reactEscape(JSON.stringify(bundle))}</pre></details></body></html>`;
    const r = parseHandoffText(html);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.snapshot).toEqual(s);
  });

  it('accepts a byte-order mark and leading blank lines', () => {
    expect(parseHandoffText(`\uFEFF\n  ${reportOf(buildSnapshot()).html}`).ok).toBe(true);
    expect(parseHandoffText(`\uFEFF${JSON.stringify(buildSnapshot())}`).ok).toBe(true);
  });

  const { html, bundle } = reportOf(buildSnapshot());
  const block = `${BUNDLE_OPEN_TAG}${JSON.stringify(bundle)}</script>`;
  it.each([
    ['a page with two data blocks', html.replace('</body>', `${block}</body>`), /2 blocks of report data/],
    ['a page with a data block and an old one', html.replace('</body>', '<pre id="report-json">{}</pre></body>'), /2 blocks of report data/],
    ['a page with no data block', '<!doctype html><html><body><p>hello</p></body></html>', /carries no report data/],
    ['a data block whose JSON is broken', html.replace(/("schema":"da-doctor\/report@1")/, '$1,,'), /report data is not valid JSON/],
    ['a page cut off inside its data block', html.slice(0, html.indexOf(BUNDLE_OPEN_TAG) + 200), /cut off/],
    ['a report of a version from the future', html.replace('da-doctor/report@1', 'da-doctor/report@9'), /report version da-doctor\/report@9 is not supported/],
    ['a data block that is not a report', html.replace('da-doctor/report@1', 'something/else'), /not a DirectAccess Doctor report/],
    [
      'a report whose snapshot is wrong',
      html.replace('"schema":"da-doctor/snapshot@1","machine":"', '"schema":"da-doctor/snapshot@1","machine":1,"x":"'),
      /report's snapshot is unusable: invalid snapshot at machine/,
    ],
    ['a report without its envelope fields', html.replace('"redacted":false', '"redacted":"no"'), /invalid report at redacted/],
    ['an old-form page with an unknown entity', '<pre id="report-json">{&nbsp;}</pre>', /report data is broken: unknown character reference/],
    ['an old-form page with a bad character reference', '<pre id="report-json">&#x110000;</pre>', /report data is broken/],
    ['an old-form page with markup in its data', '<pre id="report-json">{<b>}</pre>', /contains markup/],
    ['text that is neither', 'hello', /not JSON/],
  ])('refuses %s in one sentence', (_label, text, message) => expectRefused(text, message));

  it('refuses a huge text before searching it', () => {
    expectRefused(' '.repeat(MAX_HANDOFF_CHARS + 1), /too large/);
  });
});

describe('decodeHandoffBytes', () => {
  const enc = new TextEncoder();
  it('reads UTF-8, with or without its byte-order mark', () => {
    expect(decodeHandoffBytes(enc.encode('{"a":"é"}'))).toEqual({ ok: true, text: '{"a":"é"}' });
    expect(decodeHandoffBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('{}')]))).toEqual({ ok: true, text: '{}' });
  });
  it('reads UTF-16LE with its mark (Windows PowerShell 5.1 writes it)', () => {
    const body = Buffer.from('{"a":"é"}', 'utf16le');
    expect(decodeHandoffBytes(new Uint8Array([0xff, 0xfe, ...body]))).toEqual({ ok: true, text: '{"a":"é"}' });
  });
  it.each([
    ['Latin-1 bytes', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d])],
    ['a cut multi-byte character', new Uint8Array([0x7b, 0xc3])],
    ['UTF-16 big-endian', new Uint8Array([0xfe, 0xff, 0, 0x7b])],
  ])('refuses %s in one sentence', (_label, bytes) => {
    const r = decodeHandoffBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/UTF-8/);
  });
});
