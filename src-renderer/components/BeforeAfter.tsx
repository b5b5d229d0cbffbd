/** Before and after a fix: what the checks showed, side by side (the evidence a ticket can carry). */
import { DataTable } from './DataTable';

/** One compared value. */
export interface BeforeAfterRow {
  label: string;
  before: string;
  after: string;
}

/** Props of the before/after table. */
export interface BeforeAfterProps {
  rows: BeforeAfterRow[];
}

/** A table comparing values before and after a fix. */
export function BeforeAfter({ rows }: BeforeAfterProps) {
  if (rows.length === 0) return null;
  return (
    <DataTable
      caption="Before and after the change"
      columns={['What', 'Before', 'After']}
      rowHeader
      rows={rows.map((r) => ({ key: r.label, cells: [r.label, <code key="b">{r.before}</code>, <code key="a">{r.after}</code>] }))}
    />
  );
}
