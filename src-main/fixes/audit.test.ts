// The audit log: append, read newest first, undo marks by an appended record, corrupt lines skipped.
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditRecord } from '../../test-support/auditRecord';
import { AuditLog, redactParams } from './audit';

describe('AuditLog', () => {
  it('appends JSON lines and lists them newest first, with undoneBy from undo records', () => {
    const log = new AuditLog(mkdtempSync(join(tmpdir(), 'dad-audit-')));
    log.append(auditRecord('a'));
    log.append(auditRecord('b'));
    log.append(auditRecord('c', { kind: 'undo', params: { undoes: 'a' }, undoData: null }));
    expect(readFileSync(log.path, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(log.list().map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(log.find('a')?.undoneBy).toBe('c');
    expect(log.find('b')?.undoneBy).toBeUndefined();
  });
  it('skips a corrupt line with a warning and keeps reading', () => {
    const warnings: string[] = [];
    const log = new AuditLog(mkdtempSync(join(tmpdir(), 'dad-audit-')), (m) => warnings.push(m));
    log.append(auditRecord('a'));
    appendFileSync(log.path, '{"id": "half\n{"not":"a record"}\n');
    log.append(auditRecord('b'));
    expect(log.list().map((r) => r.id)).toEqual(['b', 'a']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/line 2/);
  });
  it('redacts certificate content to its thumbprint and cuts long values', () => {
    const p = redactParams({ certificate: 'MIIC'.repeat(500), file: 'x'.repeat(10_000) }, 'ABC');
    expect(p.certificate).toBe('(certificate content, thumbprint ABC)');
    expect(p.file?.length).toBeLessThan(400);
  });
});
