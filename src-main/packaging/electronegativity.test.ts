// scripts/electronegativity.mjs without running the scanner (npm run test:security runs it): its CSV reading fails
// closed, and a finding above INFORMATIONAL passes only with a row in docs/security.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../paths';

interface Finding {
  check: string;
  severity: string;
  file: string;
  sample: string;
}
interface Scan {
  parseCsv(text: string): string[][];
  readFindings(csv: string): Finding[];
  readExplanations(markdown: string): Map<string, string>;
  compare(findings: Finding[], explained: Map<string, string>): { serious: Finding[]; unexplained: Finding[]; stale: string[] };
}
const scan = (await import(pathToFileURL(join(appRoot(), 'scripts', 'electronegativity.mjs')).href)) as Scan;

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const CSV = [
  HEADER,
  'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP has been detected in the target application",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK',
  'PRELOAD_JS_CHECK,"MEDIUM","FIRM","window/createMainWindow.ts","31:6","preload: preloadPath,","Review the use of preload scripts",https://x',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","window\\createMainWindow.ts","44:34","if (a, ""b"") void shell.openExternal(url);","Review the use of openExternal",https://x',
  'NODE_INTEGRATION_JS_CHECK,"INFORMATIONAL","FIRM","main.ts","1:1","x","y",https://x',
  '',
].join('\r\n');

describe('scripts/electronegativity.mjs', () => {
  it('reads the CSV the tool writes: quotes, commas and Windows separators in a field', () => {
    const f = scan.readFindings(CSV);
    expect(f.map((x) => [x.check, x.file])).toEqual([
      ['CSP_GLOBAL_CHECK', 'N/A'],
      ['PRELOAD_JS_CHECK', 'src-main/window/createMainWindow.ts'],
      ['OPEN_EXTERNAL_JS_CHECK', 'src-main/window/createMainWindow.ts'],
      ['NODE_INTEGRATION_JS_CHECK', 'src-main/main.ts'],
    ]);
    expect(f[2]?.sample).toBe('if (a, "b") void shell.openExternal(url);');
  });

  it('fails closed on output it does not recognise', () => {
    expect(() => scan.readFindings('')).toThrow(/header/);
    expect(() => scan.readFindings(`${HEADER}\nX,"MEDIUM"\n`)).toThrow(/unreadable/);
    expect(() => scan.readFindings(`${HEADER}\nX,"SEVERE","FIRM","a","1:1","s","d",u\n`)).toThrow(/unreadable/);
    expect(() => scan.parseCsv('a,"b')).toThrow(/quoted/);
  });

  it('passes an explained finding, fails an unexplained one above INFORMATIONAL, reports stale rows', () => {
    const findings = scan.readFindings(CSV);
    const explained = scan.readExplanations(
      [
        '# x',
        '## Electronegativity findings',
        '| Check | File | Why |',
        '| --- | --- | --- |',
        '| `CSP_GLOBAL_CHECK` | N/A | header set by the protocol handler |',
        '| `PRELOAD_JS_CHECK` | `src-main/window/createMainWindow.ts` | the bridge |',
        '| `AUXCLICK_JS_CHECK` | `src-main/window/createMainWindow.ts` | denied |',
        '| `OPEN_EXTERNAL_JS_CHECK` | `src-main/window/createMainWindow.ts` |  |',
        '## Next',
        '| `OPEN_EXTERNAL_JS_CHECK` | `src-main/window/createMainWindow.ts` | outside the section |',
      ].join('\n'),
    );
    const r = scan.compare(findings, explained);
    expect(r.serious).toHaveLength(3);
    expect(r.unexplained.map((f) => f.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']); // an empty reason explains nothing
    expect(r.stale).toEqual(['AUXCLICK_JS_CHECK src-main/window/createMainWindow.ts']);
  });

  it('docs/security.md has the table, each row with a reason', () => {
    const explained = scan.readExplanations(readFileSync(join(appRoot(), 'docs', 'security.md'), 'utf8'));
    expect(explained.size).toBeGreaterThan(0);
    for (const [key, why] of explained) expect(why.length, key).toBeGreaterThan(20);
  });
});
