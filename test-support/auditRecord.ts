/** An applied, verified fix as the audit log records it, for tests: `extra` changes what the test is about. */
import type { AuditRecord } from '../src-shared/ipc';

export const auditRecord = (id: string, extra: Partial<AuditRecord> = {}): AuditRecord => ({
  id,
  time: '2026-01-01T00:00:00Z',
  user: 'u',
  machine: 'm',
  fix: 'start-ip-helper',
  params: {},
  kind: 'fix',
  outcome: 'applied',
  elevation: 'simulated',
  verified: true,
  reason: 'ok',
  before: null,
  after: null,
  undoData: { startType: 'Manual' },
  ...extra,
});
