/** The end of the path: working, or escalate with the exact change an administrator must make and a ticket. */
import { useId, useState } from 'react';
import { AppliedFixes } from '../components/AppliedFixes';
import { WizardFooter } from '../components/WizardFooter';
import { DataTable } from '../components/DataTable';
import { EvidenceTable } from '../components/EvidenceTable';
import type { FixRun } from '../store/fixSlice';
import { OUTCOME_LABELS } from '../lib/labels';
import type { Diagnosis, Finding } from '../../src-shared/finding';
import type { OutcomeNode } from '../../src-shared/tree';

/** Props of the outcome screen. */
export interface OutcomeScreenProps {
  node: OutcomeNode;
  diagnosis: Diagnosis;
  ticket: string;
  technical: boolean;
  /** The fixes run in this session (with undo). */
  runs: FixRun[];
  onUndo: (runId: number) => void;
  onCheckAgain: () => void;
  onRestart: () => void;
  /** Saves the administrator's HTML report; `redact` hides this computer's and its users' names. */
  onSaveReport: (redact: boolean) => void;
}

/** The outcome screen. */
export function OutcomeScreen({ node, diagnosis, ticket, technical, runs, onUndo, onCheckAgain, onRestart, onSaveReport }: OutcomeScreenProps) {
  const ticketId = useId();
  const [copied, setCopied] = useState('');
  const [redact, setRedact] = useState(false);
  const lead = node.cause ? diagnosis.findings.find((f) => f.id === node.cause) : undefined;
  const others = diagnosis.findings.filter((f) => f !== lead && f.severity === 'error');
  const forAdmin: Finding[] = node.result === 'escalate' ? [...(lead ? [lead] : []), ...others] : lead ? [lead] : [];
  const copy = () => {
    navigator.clipboard?.writeText(ticket).then(
      () => setCopied('Copied. Paste it into your helpdesk ticket.'),
      () => setCopied('Could not copy: select the text and copy it yourself.'),
    );
  };

  return (
    <div className={`outcome outcome-${node.result}`}>
      <p className="badge">{OUTCOME_LABELS[node.result]}</p>
      <p>{node.plain}</p>
      {forAdmin.length > 0 && (
        <section aria-labelledby={`${ticketId}-admin`}>
          <h2 id={`${ticketId}-admin`}>{node.result === 'escalate' ? 'What your administrator must change' : 'Advice for your administrator'}</h2>
          <ul className="admin-actions">
            {forAdmin.map((f) => (
              <li key={f.id}>
                <strong>{f.title}.</strong> {f.adminAction ?? f.plain}
                {technical && <code className="node-id"> [{f.id}]</code>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <AppliedFixes runs={runs} technical={technical} onUndo={onUndo} />
      {node.result === 'escalate' && (
        <section aria-labelledby={`${ticketId}-h`}>
          <h2 id={`${ticketId}-h`}>Ticket summary</h2>
          <label htmlFor={ticketId}>Copy this into your helpdesk ticket</label>
          <textarea id={ticketId} readOnly value={ticket} rows={10} />
          <div className="actions">
            <button type="button" onClick={copy}>
              Copy the summary
            </button>
            <span role="status">{copied}</span>
          </div>
        </section>
      )}
      <section aria-labelledby={`${ticketId}-report`}>
        <h2 id={`${ticketId}-report`}>Report</h2>
        <p>A page with everything that was checked, found and changed, for your administrator or your records.</p>
        <div className="actions">
          <label>
            <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} /> Hide this computer&apos;s name, its domain and user names
          </label>
          <button type="button" onClick={() => onSaveReport(redact)}>
            Save the report
          </button>
        </div>
      </section>
      {node.result !== 'retry' && (
        <div className="actions">
          <button type="button" onClick={onCheckAgain}>
            Run the checks again
          </button>
        </div>
      )}
      <WizardFooter
        primary={node.result === 'retry' ? { label: 'Run the checks again', onClick: onCheckAgain } : { label: 'Finish', onClick: onRestart }}
        {...(node.result === 'retry' ? { cancel: { label: 'Finish', onClick: onRestart } } : {})}
      />
      {technical && (
        <section aria-labelledby={`${ticketId}-tech`} className="technical">
          <h2 id={`${ticketId}-tech`}>Technical details</h2>
          {diagnosis.findings.map((f) => (
            <EvidenceTable key={f.id} evidence={f.evidence} caption={`${f.id} (${f.severity})`} />
          ))}
          <DataTable
            caption="Probes"
            columns={['Probe', 'Status', 'Time']}
            rowHeader
            rows={Object.entries(diagnosis.probes).map(([name, p]) => ({
              key: name,
              cells: [name, `${p.status}${p.message ? `: ${p.message}` : ''}`, `${Math.round(p.ms)} ms`],
            }))}
          />
        </section>
      )}
    </div>
  );
}
