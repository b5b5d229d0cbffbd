/**
 * The audit log: one JSON line per fix or undo, appended, never rewritten (DESIGN §4, contract §2). A line that does
 * not parse (a crash mid-write, a hand edit) is skipped with a warning: the log must never stop the program.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditRecordSchema, type AuditRecord } from '../../src-shared/ipc';

export const AUDIT_FILE = 'audit.jsonl';

/** Reads and appends the log in one data folder. */
export class AuditLog {
  readonly path: string;

  constructor(
    dataDir: string,
    private readonly warn: (message: string) => void = (m) => process.stderr.write(`da-doctor: ${m}\n`),
  ) {
    this.path = join(dataDir, AUDIT_FILE);
  }

  /** Appends one record (validated first, so the log only ever holds records of the schema). */
  append(record: AuditRecord): void {
    const line = JSON.stringify(auditRecordSchema.parse(record));
    mkdirSync(join(this.path, '..'), { recursive: true });
    appendFileSync(this.path, `${line}\n`, { encoding: 'utf8' });
  }

  /** Every record, oldest first; corrupt lines are skipped with a warning naming the line. */
  read(): AuditRecord[] {
    if (!existsSync(this.path)) return [];
    const out: AuditRecord[] = [];
    readFileSync(this.path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        try {
          const parsed = auditRecordSchema.safeParse(JSON.parse(line));
          if (parsed.success) out.push(parsed.data);
          else this.warn(`${this.path}: line ${i + 1} is not an audit record (${parsed.error.issues[0]?.message}); skipped`);
        } catch {
          this.warn(`${this.path}: line ${i + 1} is not JSON; skipped`);
        }
      });
    return out;
  }

  /** Newest first, each fix record with `undoneBy` filled from the undo records that name it. */
  list(): AuditRecord[] {
    const records = this.read();
    const undoneBy = new Map<string, string>();
    for (const r of records) if (r.kind === 'undo' && r.outcome === 'applied' && r.params.undoes) undoneBy.set(r.params.undoes, r.id);
    return records.map((r) => (undoneBy.has(r.id) ? { ...r, undoneBy: undoneBy.get(r.id) } : r)).reverse();
  }

  /** One record by id (with undoneBy), or undefined. */
  find(id: string): AuditRecord | undefined {
    return this.list().find((r) => r.id === id);
  }
}

/** Parameters as they are logged: certificate content reduced to its thumbprint, long values cut. */
export function redactParams(params: Record<string, unknown>, certificateThumbprint: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params).slice(0, 16)) {
    const key = k.slice(0, 32);
    if (key === 'certificate') {
      out[key] = certificateThumbprint ? `(certificate content, thumbprint ${certificateThumbprint})` : '(certificate content)';
      continue;
    }
    const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
    out[key] = s.length > 300 ? `${s.slice(0, 300)}… (${s.length} characters)` : s;
  }
  return out;
}
