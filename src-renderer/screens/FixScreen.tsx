/**
 * The fix: which fix, what it will change in plain words, why Windows asks for an administrator, and (technical
 * view) the exact commands. Apply is disabled until the fix channels exist (next issue); the preview from main will
 * replace the local command list then.
 */
import { useId } from 'react';
import { CommandList } from '../components/CommandList';
import { FindingDetails } from '../components/FindingDetails';
import { FIX_INFO } from '../lib/fixes';
import type { Finding } from '../../src-shared/finding';
import type { FixId } from '../../src-shared/ids';
import type { FixNode } from '../../src-shared/tree';

/** Props of the fix screen. */
export interface FixScreenProps {
  node: FixNode;
  finding: Finding | undefined;
  technical: boolean;
  canApply: boolean;
  /** Commands previewed by main, when it offers a preview; else the local catalogue's. */
  preview?: Partial<Record<FixId, string[]>>;
  onApply: () => void;
  onSkip: () => void;
}

/** The fix screen. */
export function FixScreen({ node, finding, technical, canApply, preview, onApply, onSkip }: FixScreenProps) {
  const noteId = useId();
  const fileId = useId();
  return (
    <div className="fix">
      <p>{node.plain}</p>
      {finding && (
        <>
          <h2>What the checks found</h2>
          <FindingDetails finding={finding} technical={technical} />
        </>
      )}
      <h2>What will change</h2>
      <ul>
        {node.fixes.map((f) => (
          <li key={f}>
            <strong>{FIX_INFO[f].title}.</strong> {FIX_INFO[f].changes}
            {technical && <code className="node-id"> [{f}]</code>}
          </li>
        ))}
      </ul>
      {node.params?.source === 'file' && (
        <div className="field">
          <label htmlFor={fileId}>Certificate file from your helpdesk (.cer, .crt)</label>
          <input id={fileId} type="file" accept=".cer,.crt,.pem,.der" disabled={!canApply} />
          <p className="hint">Its fingerprint (thumbprint) is shown and checked against the server before anything is added.</p>
        </div>
      )}
      <h2>Why Windows will ask for an administrator</h2>
      <p>{node.elevation}</p>
      {technical &&
        node.fixes.map((f) => <CommandList key={f} label={`Commands for ${f}`} commands={preview?.[f] ?? FIX_INFO[f].commands} />)}
      <div className="actions">
        <button type="button" className="primary" disabled={!canApply} onClick={onApply} aria-describedby={canApply ? undefined : noteId}>
          {canApply ? 'Apply the fix' : 'One-click fixes arrive in the next release'}
        </button>
        <button type="button" onClick={onSkip}>
          Not now: show the report for my helpdesk
        </button>
      </div>
      {!canApply && (
        <p className="hint" id={noteId}>
          Until then, your helpdesk can make this change with the commands in the technical view.
        </p>
      )}
    </div>
  );
}
