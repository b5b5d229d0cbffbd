/** The raw evidence behind a finding: which probe saw what, and what a healthy machine shows. */
import type { Evidence } from '../../src-shared/finding';
import { formatValue } from '../lib/format';
import { DataTable } from './DataTable';

/** Props of the evidence table. */
export interface EvidenceTableProps {
  evidence: Evidence[];
  caption: string;
}

/** A table of evidence rows for the technical view. */
export function EvidenceTable({ evidence, caption }: EvidenceTableProps) {
  return (
    <DataTable
      caption={caption}
      columns={['Probe and field', 'Seen', 'Expected', 'Note']}
      rows={evidence.map((e, i) => ({
        key: String(i),
        cells: [
          <code key="f">
            {e.probe}.{e.field}
          </code>,
          <code key="o">{formatValue(e.field, e.observed)}</code>,
          <code key="x">{formatValue(e.field, e.expected)}</code>,
          e.note ?? '',
        ],
      }))}
    />
  );
}
