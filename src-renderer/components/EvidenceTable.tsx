/**
 * The raw evidence behind a finding, each row headed by where Windows shows it (`Get-NetIPHttpsState · LastErrorCode`,
 * src-shared/evidenceSource.ts); the internal snapshot path stays in the row header's title for people who know it.
 */
import { Fragment, type ReactNode } from 'react';
import { evidenceSource } from '../../src-shared/evidenceSource';
import type { Evidence } from '../../src-shared/finding';
import { formatValue } from '../lib/format';
import { DataTable } from './DataTable';

/** Props of the evidence table. */
export interface EvidenceTableProps {
  evidence: Evidence[];
  caption: string;
}

/**
 * Long values (URLs, registry paths, JSON, distinguished names) with a line-break opportunity after their separators,
 * so they wrap between parts and never inside a word.
 */
export function breakable(text: string): ReactNode[] {
  return text.split(/(?<=[\\/.,;:=&?·])(?=[^\\/.,;:=&?·\s])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

function Source({ e }: { e: Evidence }) {
  const s = evidenceSource(e);
  const id = `${e.probe}.${e.field}`;
  if (!s) return <code className="evidence-source">{breakable(id)}</code>;
  return (
    <span title={id}>
      <code className="evidence-source">{breakable(s.command)}</code>
      {s.property && (
        <>
          {' · '}
          <code className="evidence-property">{s.property}</code>
        </>
      )}
    </span>
  );
}

/** A table of evidence rows for the technical view. */
export function EvidenceTable({ evidence, caption }: EvidenceTableProps) {
  return (
    <DataTable
      caption={caption}
      columns={['Where Windows shows it', 'Seen', 'Expected', 'Note']}
      rowHeader
      rows={evidence.map((e, i) => ({
        key: String(i),
        cells: [
          <Source key="f" e={e} />,
          <code key="o" className="evidence-value">
            {breakable(formatValue(e.field, e.observed))}
          </code>,
          <code key="x" className="evidence-value">
            {breakable(formatValue(e.field, e.expected))}
          </code>,
          e.note ?? '',
        ],
      }))}
    />
  );
}
