/** The fixes of this session with how they ended, and Undo (after a confirmation) for those that have one. */
import { useId } from 'react';
import { fixText } from '../lib/fixes';
import { runVerdict } from '../screens/VerifyScreen';
import type { FixRun } from '../store/fixSlice';
import { UndoAction } from './UndoAction';

/** Props of the applied-fixes list. */
export interface AppliedFixesProps {
  runs: FixRun[];
  technical: boolean;
  onUndo: (runId: number) => void;
}

/** A section listing each run; nothing when no fix ran. */
export function AppliedFixes({ runs, technical, onUndo }: AppliedFixesProps) {
  const headingId = useId();
  if (runs.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="applied">
      <h2 id={headingId}>Changes made on this computer</h2>
      <ul className="results">
        {runs.map((r) => {
          const text = fixText(r.result.fix, { title: r.result.fix, plain: '' });
          // An undone change is no longer what fixed anything: its mark says so.
          const v = r.undo?.status === 'done' ? { cls: 'warn', word: 'Undone' } : runVerdict(r.result);
          return (
            <li key={r.id} className={`result result-${v.cls}`}>
              <p>
                <strong className="result-word">{v.word}:</strong> {text.title}
                {technical && (
                  <code className="node-id">
                    {' '}
                    [{r.result.fix}
                    {r.result.auditId ? `, audit ${r.result.auditId}` : ''}]
                  </code>
                )}
              </p>
              {technical && r.result.before !== null && r.result.after !== null && (
                <p className="hint">
                  Before: <code>{r.result.before}</code> — after: <code>{r.result.after}</code>
                </p>
              )}
              <UndoAction
                title={text.title}
                undo={text.undo ?? ''}
                offered={r.result.outcome === 'applied' && r.result.auditId !== null && text.undo !== null}
                state={r.undo}
                onUndo={() => onUndo(r.id)}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
