/**
 * Every change DirectAccess Doctor made on this computer, from the audit log (any session), newest first: when, which
 * fix, how it ended, the administrator prompt, whether the checks verified it, before → after in the technical view,
 * and Undo (after a confirmation) for applied fixes with undo data that are not undone yet.
 */
import { canUndoRecord, fixText } from '../lib/fixes';
import { formatLocalTime } from '../lib/format';
import { ELEVATION_LABELS } from '../lib/labels';
import { runVerdict } from '../screens/VerifyScreen';
import type { AuditUndo } from '../store/fixSlice';
import type { AuditRecord, FixRunResult } from '../../src-shared/ipc';
import { UndoAction } from './UndoAction';
import { recordReasonText } from '../../src-shared/reasonWords';

/** Props of the history. */
export interface AuditHistoryProps {
  /** The log, newest first; null before it was read. */
  records: AuditRecord[] | null;
  loading: boolean;
  error: string | null;
  undos: Record<string, AuditUndo>;
  technical: boolean;
  onUndo: (auditId: string) => void;
  onReload: () => void;
}

const OUTCOME_WORDS: Record<AuditRecord['outcome'], string> = {
  applied: 'The change was made',
  refused: 'The program refused the change',
  cancelled: 'The change was cancelled',
  failed: 'The change failed',
};

/** One record's words: title, and for an undo the fix it undid. */
function recordTitle(r: AuditRecord): string {
  const title = fixText(r.fix, { title: r.fix, plain: '' }).title;
  return r.kind === 'undo' ? `Undo of “${title}”` : title;
}

/** The history list (inside the start screen's details). */
export function AuditHistory({ records, loading, error, undos, technical, onUndo, onReload }: AuditHistoryProps) {
  const byId = new Map((records ?? []).map((r) => [r.id, r]));
  return (
    <div className="history">
      <span role="status" className="busy">
        {loading ? 'Reading the list of changes…' : ''}
      </span>
      {error && (
        <div className="actions">
          <p role="alert" className="error">
            The list of changes could not be read: {error}
          </p>
          <button type="button" onClick={onReload}>
            Read the list again
          </button>
        </div>
      )}
      {records !== null && records.length === 0 && <p>DirectAccess Doctor has not changed anything on this computer.</p>}
      {records !== null && records.length > 0 && (
        <ul className="results" aria-label="Changes, newest first">
          {records.map((r) => {
            const text = fixText(r.fix, { title: r.fix, plain: '' });
            const putBack = r.kind === 'undo' && r.outcome === 'applied';
            const v = putBack
              ? { cls: 'ok', word: 'Undone' }
              : runVerdict({ outcome: r.outcome, verified: r.verified, elevation: r.elevation as FixRunResult['elevation'] });
            const time = formatLocalTime(r.time);
            const undoneBy = r.undoneBy ? byId.get(r.undoneBy) : undefined;
            return (
              <li key={r.id} className={`result result-${v.cls}`}>
                <p>
                  <time dateTime={r.time}>{time}</time> — <strong className="result-word">{v.word}:</strong> {recordTitle(r)}
                  {technical && (
                    <code className="node-id">
                      {' '}
                      [{r.fix}, {r.kind}, audit {r.id}
                      {r.kind === 'undo' && r.params.undoes ? `, undoes ${r.params.undoes}` : ''}]
                    </code>
                  )}
                </p>
                <p className="hint">
                  {OUTCOME_WORDS[r.outcome]}. {ELEVATION_LABELS[r.elevation] ?? `Administrator prompt: ${r.elevation}`}.{' '}
                  {putBack
                    ? 'The previous setting was put back.'
                    : r.outcome === 'applied'
                      ? r.verified
                        ? 'Verified: the checks afterwards confirmed it.'
                        : 'Not verified: the checks afterwards still showed the problem.'
                      : 'Nothing was changed.'}
                </p>
                {r.undoneBy && (
                  <p className="undone">
                    <strong>Undone</strong>
                    {undoneBy ? (
                      <>
                        {' '}
                        on <time dateTime={undoneBy.time}>{formatLocalTime(undoneBy.time)}</time>
                      </>
                    ) : null}
                    .
                  </p>
                )}
                {technical && (
                  <>
                    {recordReasonText(r.reason) && <p className="hint">{recordReasonText(r.reason)}</p>}
                    {(r.before !== null || r.after !== null) && (
                      <p className="hint">
                        Before: <code>{r.before ?? '—'}</code> → after: <code>{r.after ?? '—'}</code>
                      </p>
                    )}
                    <p className="hint">
                      By <code>{r.user}</code> on <code>{r.machine}</code>
                      {Object.keys(r.params).length > 0 && (
                        <>
                          , parameters <code>{JSON.stringify(r.params)}</code>
                        </>
                      )}
                    </p>
                  </>
                )}
                <UndoAction
                  title={text.title}
                  undo={text.undo ?? ''}
                  offered={canUndoRecord(r)}
                  state={undos[r.id]}
                  label={`Undo: ${text.title}, ${time}`}
                  onUndo={() => onUndo(r.id)}
                />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
