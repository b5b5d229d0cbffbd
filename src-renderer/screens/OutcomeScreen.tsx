/**
 * The end of the path: what came of it (after the fixes), who to contact when the person is sent to IT, the report
 * to send to the helpdesk (saved by main, which says where), a ticket summary for every ending, and Finish.
 * Administrator instructions and raw evidence are the technical view's; the plain view says what to do next.
 */
import { Button, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Textarea } from '@fluentui/react-components';
import { Panel } from '../components/Panel';
import { useId, useState } from 'react';
import { AppliedFixes } from '../components/AppliedFixes';
import { DataTable } from '../components/DataTable';
import { EvidenceTable } from '../components/EvidenceTable';
import { HelpdeskContact, type Helpdesk } from '../components/HelpdeskContact';
import { WizardFooter } from '../components/WizardFooter';
import type { FixRun } from '../store/fixSlice';
import { OUTCOME_LABELS } from '../lib/labels';
import type { SaveReportResult } from '../lib/report';
import type { Diagnosis, Finding } from '../../src-shared/finding';
import type { OutcomeNode } from '../../src-shared/tree';

/** Props of the outcome screen. */
export interface OutcomeScreenProps {
  node: OutcomeNode;
  diagnosis: Diagnosis;
  /** The findings as the walk words them (another computer's named as such). */
  findings: Finding[];
  ticket: string;
  technical: boolean;
  /** The fixes run in this session (with undo). */
  runs: FixRun[];
  /** The other computer's name when these are its results, opened from a file. */
  imported: string | null;
  helpdesk: Helpdesk | null;
  /** The person declined a fix on the way (at the prompt or "Not now"). */
  declined: boolean;
  onUndo: (runId: number) => void;
  onCheckAgain: () => void;
  onFinish: () => void;
  /** Saves the report with the snapshot in it; `redact` hides this computer's and its users' names. */
  onSaveReport: (redact: boolean) => Promise<SaveReportResult>;
}

type Saved = { state: 'idle' } | { state: 'saving' } | SaveReportResult;

/** The outcome screen. */
export function OutcomeScreen(p: OutcomeScreenProps) {
  const { node, findings, ticket, technical, runs, imported, helpdesk } = p;
  const ids = useId();
  const [copied, setCopied] = useState('');
  const [redact, setRedact] = useState(false);
  const [saved, setSaved] = useState<Saved>({ state: 'idle' });
  const lead = node.cause ? findings.find((f) => f.id === node.cause) : undefined;
  const others = findings.filter((f) => f !== lead && f.severity === 'error');
  const forAdmin: Finding[] = node.result === 'escalate' ? [...(lead ? [lead] : []), ...others] : lead ? [lead] : [];
  const good = node.result === 'working' || node.result === 'working-inside' || node.result === 'fixed';
  // Sent to IT: an escalation, an incomplete diagnosis, a declined fix, or another computer's results.
  const toIt = !good || p.declined || imported !== null;
  const copy = () => {
    navigator.clipboard?.writeText(ticket).then(
      () => setCopied('Copied. Paste it into your helpdesk ticket or e-mail.'),
      () => setCopied('Could not copy: select the text and copy it yourself.'),
    );
  };
  const save = async () => {
    setSaved({ state: 'saving' });
    setSaved(await p.onSaveReport(redact));
  };
  const whose = imported ? `${imported}’s` : 'this computer’s';

  return (
    <div className={`outcome outcome-${node.result}`}>
      <p className="badge">{OUTCOME_LABELS[node.result]}</p>
      <p>{node.plain}</p>
      {toIt && <HelpdeskContact helpdesk={helpdesk} {...(imported ? { machine: imported } : {})} />}
      {forAdmin.length > 0 &&
        (technical ? (
          <section aria-labelledby={`${ids}-admin`} className="technical">
            <h2 id={`${ids}-admin`}>{node.result === 'escalate' ? 'What your administrator must change' : 'Advice for your administrator'}</h2>
            <ul className="admin-actions">
              {forAdmin.map((f) => (
                <li key={f.id}>
                  <strong>{f.title}.</strong> {f.adminAction ?? f.plain} <code className="node-id">[{f.id}]</code>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          node.result === 'escalate' && <p>The report below tells your IT department exactly what to change.</p>
        ))}
      {!imported && <AppliedFixes runs={runs} technical={technical} onUndo={p.onUndo} />}

      <Panel className="send" level={2} headingId={`${ids}-send`} heading={imported ? 'Save the report' : 'Send to my helpdesk'}>
        <p>
          One file with everything that was checked, found and changed, and {whose} results inside it: it opens in any browser, and DirectAccess Doctor opens it
          too.
        </p>
        <Checkbox checked={redact} onChange={(_, d) => setRedact(d.checked === true)} label={`Hide ${whose} name, its domain and user names`} />
        <div className="actions">
          <Button onClick={() => void save()} disabledFocusable={'state' in saved && saved.state === 'saving'}>
            Save the report
          </Button>
        </div>
        <div aria-live="polite">
          {'ok' in saved && saved.ok && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Saved.</MessageBarTitle> The report is in <code className="saved-path">{saved.path}</code>. Attach this file to an e-mail to
                your helpdesk.
              </MessageBarBody>
            </MessageBar>
          )}
          {'ok' in saved && !saved.ok && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>The report could not be saved: {saved.message}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </Panel>

      <section aria-labelledby={`${ids}-ticket`}>
        <h2 id={`${ids}-ticket`}>Ticket summary</h2>
        <p>A short text for a helpdesk ticket or an e-mail: copy it and paste it there.</p>
        <div className="actions">
          <Button onClick={copy}>Copy the summary</Button>
          <span role="status">{copied}</span>
        </div>
        {/* The text is the helpdesk's (codes, ids, evidence): shown in the technical view, a click away in the plain one. */}
        <details open={technical || undefined} className="ticket-text">
          <summary>Show the summary text</summary>
          <Field label="Copy this into your helpdesk ticket">
            <Textarea readOnly value={ticket} rows={8} resize="vertical" className="ticket" />
          </Field>
        </details>
      </section>
      {node.result !== 'retry' && (
        <div className="actions">
          <Button onClick={p.onCheckAgain}>Run the checks again</Button>
        </div>
      )}
      <WizardFooter
        primary={node.result === 'retry' ? { label: 'Run the checks again', onClick: p.onCheckAgain } : { label: 'Finish', onClick: p.onFinish }}
        {...(node.result === 'retry' ? { cancel: { label: 'Finish', onClick: p.onFinish } } : {})}
      />
      {technical && (
        <section aria-labelledby={`${ids}-tech`} className="technical">
          <h2 id={`${ids}-tech`}>Technical details</h2>
          {findings.map((f) => (
            <EvidenceTable key={f.id} evidence={f.evidence} caption={`${f.id} (${f.severity})`} />
          ))}
          <DataTable
            caption="Probes"
            columns={['Probe', 'Status', 'Time']}
            rowHeader
            rows={Object.entries(p.diagnosis.probes).map(([name, pr]) => ({
              key: name,
              cells: [name, `${pr.status}${pr.message ? `: ${pr.message}` : ''}`, `${Math.round(pr.ms)} ms`],
            }))}
          />
        </section>
      )}
    </div>
  );
}
