// `da-doctor audit` and `da-doctor undo` end to end: the built CLI, real pwsh, the simulated host, a fresh data folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from '../testing/runCli';

const env = { DAD_DATA_DIR: mkdtempSync(join(tmpdir(), 'dad-undo-')) };
const daDoctor = (args: string[]) => runCli(args, env, 60_000);

beforeAll(buildCli);

describe('audit and undo', () => {
  it('lists a fix, undoes it once from the log, and refuses a second undo', async () => {
    expect((await daDoctor(['audit', '--scenario', 'healthy'])).stdout).toMatch(/No change has been made/);
    const fixed = await daDoctor(['fix', 'start-ip-helper', '--scenario', 'ip-helper-stopped', '--yes', '--json']);
    expect(fixed.code).toBe(0);
    const auditId = JSON.parse(fixed.stdout).auditId as string;

    const listed = JSON.parse((await daDoctor(['audit', '--scenario', 'ip-helper-stopped', '--json'])).stdout);
    expect(listed[0]).toMatchObject({ id: auditId, fix: 'start-ip-helper', kind: 'fix', outcome: 'applied', verified: true });

    const undone = await daDoctor(['undo', auditId, '--scenario', 'ip-helper-stopped', '--yes', '--json']);
    expect(undone.code).toBe(0);
    expect(JSON.parse(undone.stdout)).toMatchObject({ outcome: 'applied', reason: expect.stringMatching(/^Undone: .*Manual/) });

    const again = await daDoctor(['undo', auditId, '--scenario', 'ip-helper-stopped', '--yes', '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/already undone/) });

    const after = JSON.parse((await daDoctor(['audit', '--scenario', 'ip-helper-stopped', '--json'])).stdout) as { id: string; undoneBy?: string }[];
    expect(after.find((r) => r.id === auditId)?.undoneBy).toBeTruthy();
  });

  it('refuses an unknown id (exit 2) and a malformed one before PowerShell starts', async () => {
    const unknown = await daDoctor(['undo', 'no-such-id', '--scenario', 'healthy', '--yes', '--json']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ fix: null, outcome: 'refused' });
    const hostile = await daDoctor(['undo', "x'; $(New-Item canary)", '--scenario', 'healthy', '--yes']);
    expect(hostile).toMatchObject({ code: 2, stdout: '' });
    expect(hostile.stderr).toMatch(/letters, digits and hyphens/);
  });

  it('without --yes and without a terminal, nothing is undone', async () => {
    const fixed = JSON.parse((await daDoctor(['fix', 'start-ip-helper', '--scenario', 'ip-helper-stopped', '--yes', '--json'])).stdout);
    const r = await daDoctor(['undo', fixed.auditId, '--scenario', 'ip-helper-stopped', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'cancelled' });
    const listed = JSON.parse((await daDoctor(['audit', '--scenario', 'ip-helper-stopped', '--json'])).stdout) as { id: string; undoneBy?: string }[];
    expect(listed.find((x) => x.id === fixed.auditId)?.undoneBy).toBeUndefined();
  });
});
