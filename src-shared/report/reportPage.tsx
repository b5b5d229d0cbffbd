/**
 * The administrator's HTML page, rendered with React's static renderer: every value from the machine, the snapshot
 * or the audit log is a text node or an attribute, escaped by construction; no string of markup is ever assembled
 * from data. The one exception is the bundle's data block, whose text embed.ts escapes for exactly that place.
 * Self-contained: no scripts run, no external resources load; a CSP that allows only the inline style sheet.
 */
import type { ReactNode } from 'react';
import type { Finding } from '../finding';
import { resultReasonText } from '../reasonWords';
import { sectionLabel } from '../sectionLabels';
import { BUNDLE_ELEMENT_ID, embedJson } from './embed';
import type { ReportBundle } from './report';
import { fixOutcomeText, incompleteText, localTime, verdictOf } from './reportWords';

/**
 * The page's Content-Security-Policy: nothing may load or run (script-src falls back to 'none': the JSON data block is
 * data, and would not run even as a script); only the page's own style element applies.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * The page's style sheet: a constant, the only markup not built from elements. Fits a narrow window (tables scroll
 * inside their own box) and prints on A4 (nothing scrolls on paper: long values wrap instead).
 */
const STYLE = `
body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#242424;line-height:1.45;padding:0 1rem}
h1{font-weight:600;margin:.25rem 0 1rem}small{color:#616161;font-weight:400}.kicker{color:#616161;margin:0}
code,pre{font-family:Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
pre{background:#f5f5f5;padding:.5rem;white-space:pre-wrap}.wide{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border:1px solid #d1d1d1;padding:.25rem .5rem;text-align:left;vertical-align:top}
.banner{border:1px solid #616161;border-left-width:4px;padding:.5rem 1rem;margin:1rem 0}
.banner.incomplete{border-color:#bc4b09;background:#fff9f5}.banner.imported{border-color:#0f6cbd;background:#f5f9fd}
.finding{border-left:4px solid #616161;padding-left:1rem;margin:1.5rem 0}.finding.error{border-color:#c50f1f}
.finding.warning{border-color:#bc4b09}.finding.info{border-color:#0f6cbd}.admin{background:#fdf6f3;padding:.5rem}
.tech{color:#424242}
@media (max-width:40rem){body{margin:1rem auto;padding:0 .5rem}td,th{padding:.2rem .3rem}}
@page{size:A4;margin:15mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}.wide{overflow:visible}tr,.banner{break-inside:avoid}h2,h3{break-after:avoid}}
`;

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function Table({ head, children }: { head: string[]; children: ReactNode }) {
  return (
    <div className="wide">
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
    </div>
  );
}

/** A time as local time with its zone, the exact ISO value kept in the element for machines. */
function LocalTime({ iso, timeZone }: { iso: string; timeZone: string | undefined }) {
  return <time dateTime={iso}>{localTime(iso, timeZone)}</time>;
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
            <td>
              <code>{`${e.probe}.${e.field}`}</code>
            </td>
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

/** "Who to contact": the organisation's helpdesk, as text (no link is built from data). */
function Contact({ helpdesk }: { helpdesk: NonNullable<ReportBundle['helpdesk']> }) {
  return (
    <section>
      <h2>Who to contact</h2>
      <p>
        <strong>{helpdesk.name}</strong>
        {helpdesk.phone ? (
          <>
            {' · phone '}
            <code>{helpdesk.phone}</code>
          </>
        ) : null}
        {helpdesk.email ? (
          <>
            {' · email '}
            <code>{helpdesk.email}</code>
          </>
        ) : null}
      </p>
    </section>
  );
}

/** The page's title (a text node wherever it is written). */
export function reportTitle(bundle: ReportBundle): string {
  return `DirectAccess Doctor report — ${bundle.diagnosis.machine}`;
}

/** The page's style sheet, for a renderer that builds the head itself. */
export const REPORT_STYLE = STYLE;

/** The whole page as elements (for the static renderer). */
export function ReportPage({ bundle }: { bundle: ReportBundle }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={REPORT_CSP} />
        <title>{reportTitle(bundle)}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <ReportBody bundle={bundle} />
      </body>
    </html>
  );
}

/** What the page's body holds: everything but the head. */
export function ReportBody({ bundle }: { bundle: ReportBundle }) {
  const d = bundle.diagnosis;
  const tz = bundle.timeZone;
  const incomplete = incompleteText(d);
  return (
    <>
      <p className="kicker">DirectAccess Doctor report</p>
      <h1>{bundle.outcome ? bundle.outcome.title : verdictOf(d)}</h1>
      <p>
        {bundle.outcome ? (
          <>
            Status of the checks: <strong>{verdictOf(d)}</strong>.{' '}
          </>
        ) : null}
        Computer <strong>{d.machine}</strong> (role: {d.role}), checked <LocalTime iso={d.collectedAt} timeZone={tz} />. Report made{' '}
        <LocalTime iso={bundle.createdAt} timeZone={tz} /> by DirectAccess Doctor {bundle.appVersion}
        {bundle.redacted ? '; names of this computer, its domain and its users are redacted' : ''}.
      </p>
      {bundle.imported ? (
        <p className="banner imported">
          This report is about another computer, <strong>{bundle.imported.machine}</strong>: its results were opened from a file, not checked on the computer
          that made this report.
        </p>
      ) : null}
      {incomplete ? <p className="banner incomplete">{incomplete}</p> : null}
      {bundle.helpdesk ? <Contact helpdesk={bundle.helpdesk} /> : null}
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
          <Table head={['Fix', 'What happened', 'Before', 'After', 'Reason']}>
            {bundle.fixes.map((f, i) => (
              <tr key={i}>
                <td>
                  <code>{f.fix}</code>
                </td>
                <td>
                  {fixOutcomeText(f)}{' '}
                  <small>
                    ({f.outcome}, elevation {f.elevation}, {f.verified ? 'verified' : 'not verified'})
                  </small>
                </td>
                <td>
                  <code>{text(f.before)}</code>
                </td>
                <td>
                  <code>{text(f.after)}</code>
                </td>
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
                <td>
                  <LocalTime iso={a.time} timeZone={tz} />
                </td>
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
      <Table head={['Check', 'Status', 'Time', 'Message']}>
        {Object.entries(d.probes).map(([name, p]) => (
          <tr key={name}>
            <td>
              {sectionLabel(name)} <small>{name}</small>
            </td>
            <td>{p.status}</td>
            <td>{`${text(p.ms)} ms`}</td>
            <td>{text(p.message)}</td>
          </tr>
        ))}
      </Table>
      <p>
        <small>DirectAccess Doctor can open this page again (Open results from another computer, or da-doctor diagnose --snapshot): it carries its data.</small>
      </p>
      <script type="application/json" id={BUNDLE_ELEMENT_ID} dangerouslySetInnerHTML={{ __html: embedJson(bundle) }} />
    </>
  );
}
