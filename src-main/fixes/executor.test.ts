// The executor's undo with a fake runner: the re-check after an undo names a latent problem (contract §1).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resultReasonText } from '../../src-shared/reasonWords';
import { auditRecord } from '../../test-support/auditRecord';
import { buildSnapshot, org, rootMissing, ROOT_THUMB, type Mutator } from '../../test-support/snapshotBuilder';
import { FixExecutor } from './executor';
import type { Confirmation } from './confirm';
import type { FixRunner } from './runner';
import { FileUndoStore, undoValues } from './undoStore';

const pin: Mutator = org({ organisation: 'Contoso', pinnedRoots: [{ subject: 'CN=Contoso Root CA', thumbprint: ROOT_THUMB }] });

/** An executor whose runner undoes at once and whose machine looks like `after` when collected. */
function executor(after: Mutator[]) {
  const dir = mkdtempSync(join(tmpdir(), 'dad-exec-'));
  const runner: FixRunner = {
    run: async () => ({
      elevation: 'simulated',
      result: { ok: true, fix: 'import-root-ca', changed: [`removed ${ROOT_THUMB} from LocalMachine\\Root`], undoData: null },
    }),
  };
  const ex = new FixExecutor({ runner, dataDir: dir, org: () => null, collect: async () => buildSnapshot(pin, ...after), simulated: true });
  ex.noteSnapshot(buildSnapshot(pin));
  const rec = auditRecord('fix-1', {
    time: '2025-03-10T09:00:00.000Z',
    machine: 'LAPTOP-042',
    fix: 'import-root-ca',
    params: { thumbprint: ROOT_THUMB },
    undoData: { thumbprint: ROOT_THUMB, store: 'Root' },
  });
  ex.audit.append(rec);
  ex.undoStore.save('fix-1', { fix: 'import-root-ca', undoData: { thumbprint: ROOT_THUMB, store: 'Root', alreadyPresent: false } });
  return ex;
}

describe('undo: the re-check', () => {
  it('says the connection will drop at the next reconnect when the undo leaves a latent problem', async () => {
    const r = await executor([rootMissing]).undo('fix-1');
    expect(r.outcome).toBe('applied');
    expect(r.reason.code).toBe('fix.undoneLatent');
    expect(resultReasonText(r.reason)).toMatch(
      /^Undone: removed .*DirectAccess still works now, but the connection will drop at the next reconnect or restart: DirectAccess will stop trusting the server/,
    );
    expect(r.diagnosis?.status).toBe('problems');
  });
  it('says only "Undone" when the re-check is clean', async () => {
    const r = await executor([]).undo('fix-1');
    expect(r.reason.code).toBe('fix.undone');
  });
});

describe('undo data comes from the protected store, not from the audit log the user can edit', () => {
  /** A fix run through the executor (its undo data kept in the store), then the user-side log rewritten. */
  async function fixThenTamper(tamper: (undoData: Record<string, unknown>) => Record<string, unknown>) {
    const dir = mkdtempSync(join(tmpdir(), 'dad-undo-'));
    const store = new FileUndoStore(mkdtempSync(join(tmpdir(), 'dad-undo-admin-')));
    const runner = {
      run: vi.fn<FixRunner['run']>(async (kind) => ({
        elevation: 'simulated',
        result: { ok: true, fix: 'set-ipv6-prefer-ipv4', changed: ['DisabledComponents 0xff -> 0x20'], undoData: kind === 'fix' ? { previous: 0xff } : null },
      })),
    };
    const warn = vi.fn();
    const ex = new FixExecutor({ runner, dataDir: dir, org: () => null, collect: async () => buildSnapshot(), simulated: true, undoStore: store, warn });
    ex.noteSnapshot(buildSnapshot());
    const fixed = await ex.run('set-ipv6-prefer-ipv4', { role: 'client' });
    expect(runner.run).toHaveBeenLastCalledWith('fix', expect.objectContaining({ undoKey: fixed.auditId }));
    const lines = readFileSync(ex.audit.path, 'utf8').trim().split('\n');
    writeFileSync(ex.audit.path, `${lines.map((l) => JSON.stringify({ ...JSON.parse(l), undoData: tamper(JSON.parse(l).undoData ?? {}) })).join('\n')}\n`);
    return { ex, runner, warn, id: fixed.auditId as string };
  }

  it('a tampered user-side record does not change what undo runs', async () => {
    const { ex, runner, warn, id } = await fixThenTamper(() => ({ previous: 0 }));
    const confirm = vi.fn(async (_c: Confirmation) => true);
    const r = await ex.undo(id, confirm);
    expect(r.outcome).toBe('applied');
    expect(runner.run).toHaveBeenLastCalledWith('undo', { fix: 'set-ipv6-prefer-ipv4', undoData: { previous: 0xff }, undoKey: id });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/differs from the protected copy/));
  });

  it('the undo confirmation lists the values undo will set', async () => {
    const { ex, runner, id } = await fixThenTamper((d) => d);
    const confirm = vi.fn(async (_c: Confirmation) => false);
    const r = await ex.undo(id, confirm);
    expect(confirm.mock.calls[0]?.[0]).toMatchObject({ kind: 'undo', changes: ['DisabledComponents back to 0xff'], elevated: true });
    expect(r.outcome).toBe('cancelled');
    expect(runner.run).toHaveBeenCalledTimes(1); // only the fix
  });

  it('without a protected copy there is nothing to undo, whatever the log says', async () => {
    const ex = executor([]);
    (ex.undoStore as FileUndoStore).save('fix-1', { fix: 'set-ipv6-prefer-ipv4', undoData: { previous: 0 } }); // another fix's data
    expect((await ex.undo('fix-1')).reason.code).toBe('refused.nothingToUndo');
  });

  it('names WinHTTP proxy and bypass from the saved bytes', () => {
    const proxy = Buffer.from('proxy.contoso.com:8080', 'latin1');
    const bypass = Buffer.from('<local>', 'latin1');
    const head = Buffer.alloc(16);
    head.writeUInt32LE(0x18, 0);
    head.writeUInt32LE(3, 8);
    head.writeUInt32LE(proxy.length, 12);
    const blen = Buffer.alloc(4);
    blen.writeUInt32LE(bypass.length, 0);
    const hex = Buffer.concat([head, proxy, blen, bypass]).toString('hex');
    expect(undoValues({ fix: 'reset-winhttp-proxy', undoData: { winHttpSettings: hex } })).toEqual([
      'WinHTTP proxy back to proxy.contoso.com:8080 (bypass <local>)',
    ]);
    expect(undoValues({ fix: 'reset-winhttp-proxy', undoData: { winHttpSettings: null } })).toEqual(['WinHTTP proxy back to direct (no saved setting)']);
  });
});

describe('the snapshot from before', () => {
  it('is saved in the data folder before the fix script runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dad-before-'));
    const seen: string[][] = [];
    const runner: FixRunner = {
      run: async () => {
        seen.push(existsSync(join(dir, 'snapshots')) ? readdirSync(join(dir, 'snapshots')) : []);
        return { elevation: 'simulated', result: { ok: true, fix: 'reset-winhttp-proxy', changed: [], undoData: null } };
      },
    };
    const ex = new FixExecutor({ runner, dataDir: dir, org: () => null, collect: async () => buildSnapshot(), simulated: true });
    const before = buildSnapshot();
    ex.noteSnapshot(before);
    await ex.run('reset-winhttp-proxy', {});
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual([expect.stringMatching(/-before-reset-winhttp-proxy\.json$/)]);
    expect(JSON.parse(readFileSync(join(dir, 'snapshots', seen[0]?.[0] ?? ''), 'utf8'))).toEqual(before);
  });
});
