/** The one table of the technical view: a caption, column headings and rows, with the app's evidence styling. */
import type { ReactNode } from 'react';

/** One row: its key, and its cells in column order; with `rowHeader`, the first cell heads the row. */
export interface DataRow {
  key: string;
  cells: ReactNode[];
}

/** Props of the table. */
export interface DataTableProps {
  caption: string;
  columns: string[];
  rows: DataRow[];
  /** The first cell of each row is its header (`<th scope="row">`). */
  rowHeader?: boolean;
}

/** A captioned table with column (and optionally row) headers, for screen readers and the eye alike. */
export function DataTable({ caption, columns, rows, rowHeader = false }: DataTableProps) {
  return (
    <table className="evidence">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((cell, i) =>
              i === 0 && rowHeader ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
