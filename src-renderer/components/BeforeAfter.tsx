/** Before and after a fix: what the checks showed, side by side (the evidence a ticket can carry). */

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
    <table className="evidence">
      <caption>Before and after the change</caption>
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>
              <code>{r.before}</code>
            </td>
            <td>
              <code>{r.after}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
