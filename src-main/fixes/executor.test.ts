// The executor's undo with a fake runner: the re-check after an undo names a latent problem (contract §1).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src-shared/ipc';
import { resultReasonText } from '../../src-shared/reasonWords';
import { buildSnapshot, org, rootMissing, ROOT_THUMB, type Mutator } from '../../test-support/snapshotBuilder';
import { FixExecutor } from './executor';
import type { FixRunner } from './runner';

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
  const rec: AuditRecord = {
    id: 'fix-1',
    time: '2025-03-10T09:00:00.000Z',
    user: 'u',
    machine: 'LAPTOP-042',
    fix: 'import-root-ca',
    params: { thumbprint: ROOT_THUMB },
    kind: 'fix',
    outcome: 'applied',
    elevation: 'simulated',
    verified: true,
    reason: 'ok',
    before: null,
    after: null,
    undoData: { thumbprint: ROOT_THUMB, store: 'Root' },
  };
  ex.audit.append(rec);
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
