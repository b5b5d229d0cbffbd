/**
 * The administrator's HTML page, rendered with React's static renderer: every value from the machine, the snapshot
 * or the audit log is a text node or an attribute, escaped by construction; no string of markup is ever assembled
 * from data. Self-contained: no scripts, no external resources, a CSP that allows only the inline style sheet.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Finding } from '../finding';
import { resultReasonText } from '../reasonWords';
import { worksUntilReconnect } from '../diagnose';
import type { ReportBundle } from './report';

/** The page's Content-Security-Policy: nothing may load or run; only the page's own style element applies. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** The page's style sheet: a constant, the only markup not built from elements. */
const STYLE = `
body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#242424;line-height:1.45;padding:0 1rem}
h1{font-weight:600}small{color:#616161;font-weight:400}code,pre{font-family:Consolas,monospace;font-size:.9em}
pre{background:#f5f5f5;padding:.5rem;overflow:auto}table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border:1px solid #d1d1d1;padding:.25rem .5rem;text-align:left;vertical-align:top}
.finding{border-left:4px solid #616161;padding-left:1rem;margin:1.5rem 0}.finding.error{border-color:#c50f1f}
.finding.warning{border-color:#bc4b09}.finding.info{border-color:#0f6cbd}.admin{background:#fdf6f3;padding:.5rem}
.tech{color:#424242}
`;

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function Table({ head, children }: { head: string[]; children: ReactNode }) {
  return (
    <table>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

function FindingSection({ f }: { f: Finding }) {
  return (
    <section className={`finding ${f.severity}`}>
      <h3>
        {f.title}{' '}
        <small>
          {f.id}
          {f.variant ? ` (${f.variant})` : ''} · {f.severity}
        </small>
      </h3>
      <p>{f.plain}</p>
      <p className="tech">{f.technical}</p>
      {f.adminAction ? (
        <p className="admin">
          <strong>Administrator action:</strong> {f.adminAction}
        </p>
      ) : null}
      {f.fixes.length ? (
        <p>
          <strong>Client fixes:</strong> {f.fixes.join(', ')}
        </p>
      ) : null}
      <Table head={['Evidence', 'Observed', 'Expected', 'Note']}>
        {f.evidence.map((e, i) => (
          <tr key={i}>
            <td>{`${e.probe}.${e.field}`}</td>
            <td>
              <code>{show(e.observed)}</code>
            </td>
            <td>{e.expected === undefined ? null : <code>{show(e.expected)}</code>}</td>
            <td>{text(e.note)}</td>
          </tr>
        ))}
      </Table>
      {f.commands.length ? (
        <>
          <p>
            <strong>Check it yourself:</strong>
          </p>
          <pre>{f.commands.join('\n')}</pre>
        </>
      ) : null}
    </section>
  );
}

/** The whole page as elements. */
export function ReportPage({ bundle }: { bundle: ReportBundle }) {
  const d = bundle.diagnosis;
  const verdict = worksUntilReconnect(d)
    ? 'DirectAccess works now, but will stop at the next reconnect or restart'
    : { healthy: 'DirectAccess works', problems: 'Problems found', unknown: 'Could not tell: some checks did not answer' }[d.status];
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={REPORT_CSP} />
        <title>{`DirectAccess Doctor report — ${d.machine}`}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <h1>DirectAccess Doctor report</h1>
        <p>
          <strong>{verdict}</strong> on <strong>{d.machine}</strong> (role: {d.role}), checked {d.collectedAt}. Report made {bundle.createdAt} by DirectAccess
          Doctor {bundle.appVersion}
          {bundle.redacted ? '; names of this computer, its domain and its users are redacted' : ''}.
        </p>
        <h2>Findings</h2>
        {d.findings.length ? d.findings.map((f, i) => <FindingSection key={i} f={f} />) : <p>No problem found.</p>}
        {bundle.path.length ? (
          <>
            <h2>Guided path</h2>
            <ol>
              {bundle.path.map((s, i) => (
                <li key={i}>
                  {s.title}
                  {s.answer ? (
                    <>
                      {' — '}
                      <em>{s.answer}</em>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          </>
        ) : null}
        {bundle.fixes.length ? (
          <>
            <h2>Fixes</h2>
            <Table head={['Fix', 'Outcome', 'Elevation', 'Verified', 'Before', 'After', 'Reason']}>
              {bundle.fixes.map((f, i) => (
                <tr key={i}>
                  <td>{f.fix}</td>
                  <td>{f.outcome}</td>
                  <td>{f.elevation}</td>
                  <td>{f.verified ? 'yes' : 'no'}</td>
                  <td>{text(f.before)}</td>
                  <td>{text(f.after)}</td>
                  <td>{resultReasonText(f.reason)}</td>
                </tr>
              ))}
            </Table>
          </>
        ) : null}
        {bundle.audit.length ? (
          <>
            <h2>Audit trail</h2>
            <Table head={['Time', 'User', 'Action', 'Outcome', 'Elevation', 'Verification']}>
              {bundle.audit.map((a, i) => (
                <tr key={i}>
                  <td>{a.time}</td>
                  <td>{a.user}</td>
                  <td>{`${a.kind} ${a.fix}`}</td>
                  <td>{a.outcome}</td>
                  <td>{a.elevation}</td>
                  <td>{a.verified ? 'verified' : 'not verified'}</td>
                </tr>
              ))}
            </Table>
          </>
        ) : null}
        <h2>Checks</h2>
        <Table head={['Probe', 'Status', 'Time', 'Message']}>
          {Object.entries(d.probes).map(([name, p]) => (
            <tr key={name}>
              <td>{name}</td>
              <td>{p.status}</td>
              <td>{`${text(p.ms)} ms`}</td>
              <td>{text(p.message)}</td>
            </tr>
          ))}
        </Table>
        <details>
          <summary>Raw data (JSON)</summary>
          <pre id="report-json">{JSON.stringify(bundle)}</pre>
        </details>
      </body>
    </html>
  );
}

/** The self-contained HTML page. */
export function reportHtml(bundle: ReportBundle): string {
  return `<!doctype html>\n${renderToStaticMarkup(<ReportPage bundle={bundle} />)}\n`;
}
