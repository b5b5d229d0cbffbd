// What the CLI prints for people carries no terminal controls or bidi overrides, whatever the machine is called.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../src-shared/diagnose';
import { reason } from '../../src-shared/reasons';
import { buildSnapshot, data, rootMissing } from '../../test-support/snapshotBuilder';
import { printResult, refusedJson } from './fix';
import { formatDiagnosis } from './format';
import { printable, printableLine } from './printable';

/** Every character the helper must remove. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i), // DEL and C1
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
].map((c) => String.fromCharCode(c));
// eslint-disable-next-line no-control-regex -- the very characters under test
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A machine name that clears the screen, retitles the terminal, rings, and reverses the rest of the line. */
const HOSTILE_MACHINE = '\u001b[2J\u001b]0;pwned\u0007LAPTOP\u202E\u2066-042\u009b31m\r\nOK: DirectAccess looks healthy.';
const HOSTILE_SUBJECT = 'Contoso\u001b[8m Root\u200f CA\u0085\u007f';

function hostileSnapshot() {
  const s = buildSnapshot(rootMissing);
  s.machine = HOSTILE_MACHINE;
  data(s, 'os').computerName = HOSTILE_MACHINE;
  for (const c of data(s, 'serverCertificate').chain) {
    c.subject = c.subject.replace('Contoso Root CA', HOSTILE_SUBJECT);
    c.issuer = c.issuer.replace('Contoso Root CA', HOSTILE_SUBJECT);
  }
  return s;
}

describe('printable', () => {
  it('removes C0 (but tab and line feed), DEL, C1, LRM/RLM and bidi embeddings, overrides and isolates', () => {
    for (const c of CONTROLS) expect(printable(`a${c}b`), `U+${c.charCodeAt(0).toString(16)}`).toBe('ab');
    expect(printable('a\tb\nc')).toBe('a\tb\nc');
    expect(printableLine('a\tb\nc')).toBe('a\tb c');
  });

  it('keeps ordinary text of any script', () => {
    const text = 'Zürich 東京 Ελλάδα عربى 👩‍💻 «€» ÿ\u00a0–';
    expect(printable(text)).toBe(text);
  });
});

describe('text output', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a hostile machine name and certificate subject from a snapshot reach the terminal without controls', () => {
    const text = formatDiagnosis(diagnose(hostileSnapshot()));
    expect(text).not.toMatch(UNSAFE);
    expect(text).toContain('[2J]0;pwnedLAPTOP-04231m OK: DirectAccess looks healthy. (client)');
    expect(text).toContain('Contoso[8m Root CA');
    // One line per entry: the name's line break did not start a line of its own.
    expect(text.split('\n').some((l) => l.startsWith('OK:'))).toBe(false);
  });

  it('a fix result in words is stripped too; --json stays exact JSON', () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const id = 'start\u001b]52;c;Y3VybCBldmlsfHNo\u0007-ip-helper\u202e';
    printResult(refusedJson(id, reason('refused.unknownFix', { fix: id })), false);
    printResult(refusedJson(id, reason('refused.unknownFix', { fix: id })), true);
    expect(out[0]).not.toMatch(UNSAFE);
    expect(out[0]).toContain('start]52;c;Y3VybCBldmlsfHNo-ip-helper');
    expect(JSON.parse(out[1]!).fix).toBe(id);
  });
});
