/** The fixes of this session with how they ended, and Undo (after a confirmation) for those that have one. */
import { useEffect, useId, useRef, useState } from 'react';
import { fixText } from '../lib/fixes';
import { runVerdict } from '../screens/VerifyScreen';
import type { FixRun } from '../store/fixSlice';

/** Props of the applied-fixes list. */
export interface AppliedFixesProps {
  runs: FixRun[];
  technical: boolean;
  onUndo: (runId: number) => void;
}

/** A section listing each run; nothing when no fix ran. */
export function AppliedFixes({ runs, technical, onUndo }: AppliedFixesProps) {
  const headingId = useId();
  const [asking, setAsking] = useState<number | null>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking !== null) confirmRef.current?.focus();
  }, [asking]);
  if (runs.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="applied">
      <h2 id={headingId}>Changes made on this computer</h2>
      <ul className="results">
        {runs.map((r) => {
          const text = fixText(r.result.fix, { title: r.result.fix, plain: '' });
          const v = runVerdict(r.result);
          const undoable = r.result.outcome === 'applied' && r.result.auditId !== null && text.undo !== null;
          return (
            <li key={r.id} className={`result result-${v.cls}`}>
              <p>
                <strong className="result-word">{v.word}:</strong> {text.title}
                {technical && <code className="node-id"> [{r.result.fix}{r.result.auditId ? `, audit ${r.result.auditId}` : ''}]</code>}
              </p>
              {r.result.before !== null && r.result.after !== null && (
                <p className="hint">
                  Before: <code>{r.result.before}</code> — after: <code>{r.result.after}</code>
                </p>
              )}
              {r.undo?.status === 'done' && <p>Undone: the previous setting is back. Run the checks again to see this computer as it is now.</p>}
              {r.undo?.status === 'failed' && (
                <p role="alert" className="error">
                  Undo did not work: {r.undo.error}
                </p>
              )}
              {undoable && r.undo?.status !== 'done' && asking !== r.id && (
                <div className="actions">
                  <button type="button" disabled={r.undo?.status === 'running'} onClick={() => setAsking(r.id)} aria-label={`Undo: ${text.title}`}>
                    Undo
                  </button>
                </div>
              )}
              {asking === r.id && (
                <div className="confirm">
                  <p ref={confirmRef} tabIndex={-1}>
                    <strong>Undo “{text.title}”?</strong> {text.undo} The problem it fixed may come back.
                  </p>
                  <div className="actions">
                    <button
                      type="button"
                      className="primary"
                      onClick={() => {
                        setAsking(null);
                        onUndo(r.id);
                      }}
                    >
                      Yes, undo it
                    </button>
                    <button type="button" onClick={() => setAsking(null)}>
                      Keep the change
                    </button>
                  </div>
                </div>
              )}
              <span role="status">{r.undo?.status === 'running' ? `Undoing ${text.title}…` : ''}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
