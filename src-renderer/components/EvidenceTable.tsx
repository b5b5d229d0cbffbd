/** The raw evidence behind a finding: which probe saw what, and what a healthy machine shows. */
import type { Evidence } from '../../src-shared/finding';
import { formatValue } from '../lib/format';

/** Props of the evidence table. */
export interface EvidenceTableProps {
  evidence: Evidence[];
  caption: string;
}

/** A table of evidence rows for the technical view. */
export function EvidenceTable({ evidence, caption }: EvidenceTableProps) {
  return (
    <table className="evidence">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Probe and field</th>
          <th scope="col">Seen</th>
          <th scope="col">Expected</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {evidence.map((e, i) => (
          <tr key={i}>
            <td>
              <code>
                {e.probe}.{e.field}
              </code>
            </td>
            <td>
              <code>{formatValue(e.field, e.observed)}</code>
            </td>
            <td>
              <code>{formatValue(e.field, e.expected)}</code>
            </td>
            <td>{e.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
