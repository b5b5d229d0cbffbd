// The browser harness prints the page's address before PowerShell is ready, so the page loads while PowerShell
// starts (issue 12). PowerShell is held at a gate (a stand-in that waits for a file before it runs the real pwsh): the
// address must come while the gate is shut, and the page's first call must be answered once it opens.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from './paths';
import { powershellExecutable } from './powershell/executable';
import { buildCli } from './testing/runCli';

const root = appRoot();
let child: ChildProcess | null = null;
let dir = '';

beforeAll(buildCli);
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The URL the harness prints, or a rejection naming what it printed when none came within `ms`. */
function printedUrl(c: ChildProcess, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no address within ${ms} ms; printed: ${out}`)), ms);
    c.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)\s*$/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
}

describe('the harness at start-up', () => {
  it('prints the page address while PowerShell is still starting, and answers the page once it has started', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dad-harness-start-'));
    const gate = join(dir, 'gate-open');
    const passed = join(dir, 'passed-the-gate');
    const gated = join(dir, 'pwsh-gated.sh');
    const pwsh = powershellExecutable(process.env, process.platform, {});
    // The wait ends by itself (60 s, or the test's folder gone): a stand-in left behind must not poll for ever.
    const wait = `n=0; while [ ! -e '${gate}' ]; do [ -d '${dir}' ] && [ $n -lt 1200 ] || exit 1; n=$((n+1)); sleep 0.05; done`;
    writeFileSync(gated, `#!/bin/sh\n${wait}\n: > '${passed}'\nexec '${pwsh}' "$@"\n`, { mode: 0o755 });
    child = spawn(process.execPath, [join(root, 'out', 'main', 'harness.js'), '--port', '0', '--scenario', 'healthy'], {
      cwd: root,
      env: { ...process.env, DAD_PWSH: gated, DAD_DATA_DIR: dir },
    });
    const url = await printedUrl(child, 30_000);
    // PowerShell has not begun: the gate is still shut, so the address did not wait for it.
    expect(() => writeFileSync(passed, '', { flag: 'wx' })).not.toThrow();
    rmSync(passed);

    writeFileSync(gate, '');
    const token = /#token=([\w-]+)/.exec(url)![1]!;
    const res = await fetch(new URL('/api/collect:run', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dad-token': token },
      body: JSON.stringify({ runId: 'first' }),
    });
    const body = (await res.json()) as { ok: boolean; value?: { snapshot: { sections: { os: { status: string } } } } };
    // The check needs PowerShell: it answered, so PowerShell started once the gate opened and served the page.
    expect(body.ok).toBe(true);
    expect(body.value?.snapshot.sections.os.status).toBe('ok');
  }, 60_000);
});
