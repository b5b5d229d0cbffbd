/**
 * After a fix: how each change ended (the administrator prompt's outcome shown as such), before and after as the
 * checks saw them, a restart notice where Windows needs one, and the tree's next step.
 */
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { BeforeAfter } from '../components/BeforeAfter';
import { WizardFooter } from '../components/WizardFooter';
import { fixText } from '../lib/fixes';
import { OUTCOME_LABELS } from '../lib/labels';
import { canRetry, type FixRun } from '../store/fixSlice';
import type { FixRunResult } from '../../src-shared/ipc';
import type { TreeNode } from '../../src-shared/tree';
import { resultReasonText } from '../../src-shared/reasonWords';

/** Props of the verify screen. */
export interface VerifyScreenProps {
  runs: FixRun[];
  /** Where the tree goes now that the runs are recorded. */
  next: TreeNode;
  technical: boolean;
  onContinue: () => void;
  onRetry: () => void;
  /** Restarts Windows (on the practice computer: a simulated restart, then the checks run again). */
  onRestartNow: () => void;
  /** What came of "Restart now" on a real computer (when Windows restarts, or why it could not). */
  restartNote?: string;
  simulated: boolean;
}

/** The verify screen's heading: what happened, in a few words. */
export function verifyHeading(runs: FixRun[]): string {
  const results = runs.map((r) => r.result);
  if (results.some((r) => r.outcome === 'applied' && r.rebootRequired)) return 'Restart to finish';
  if (results.length > 0 && results.every((r) => r.outcome === 'applied' && r.verified)) return 'It worked';
  if (results.some((r) => r.outcome === 'cancelled' || r.outcome === 'refused')) return 'Nothing was changed';
  if (results.some((r) => r.outcome === 'failed')) return 'The change could not be made';
  return 'The change did not fix it';
}

/** What happened to one change, in plain words: the administrator prompt's outcome first. */
export function runVerdict(r: Pick<FixRunResult, 'outcome' | 'elevation' | 'verified'> & { rebootRequired?: boolean }): {
  cls: 'ok' | 'bad' | 'warn';
  word: string;
  text: string;
} {
  // Windows reads this setting only at start-up: nothing can be verified before the restart.
  if (r.outcome === 'applied' && r.rebootRequired)
    return { cls: 'warn', word: 'Restart needed', text: 'The change was made. Windows uses it only after a restart; the checks can confirm it then.' };
  if (r.outcome === 'applied') {
    return r.verified
      ? { cls: 'ok', word: 'Verified', text: 'The change was made and the checks confirm it worked.' }
      : { cls: 'bad', word: 'Not verified', text: 'The change was made, but the checks still show the problem.' };
  }
  if (r.elevation === 'declined') return { cls: 'warn', word: 'Declined', text: 'You (or Windows) said no to the administrator prompt — nothing was changed.' };
  if (r.elevation === 'timedOut') return { cls: 'warn', word: 'Timed out', text: 'Nobody answered the administrator prompt in time — nothing was changed.' };
  if (r.elevation === 'failed')
    return { cls: 'bad', word: 'Failed', text: 'Windows could not start the change with administrator rights — nothing was changed.' };
  if (r.outcome === 'refused') return { cls: 'bad', word: 'Refused', text: 'The program refused this change — nothing was changed.' };
  if (r.outcome === 'cancelled') return { cls: 'warn', word: 'Cancelled', text: 'The change was cancelled — nothing was changed.' };
  return { cls: 'bad', word: 'Failed', text: 'The change failed.' };
}

/** The verify screen. */
export function VerifyScreen({ runs, next, technical, onContinue, onRetry, onRestartNow, restartNote = '', simulated }: VerifyScreenProps) {
  const rows = runs
    .filter((r) => r.result.before !== null || r.result.after !== null)
    .map((r) => ({ label: fixText(r.result.fix, { title: r.result.fix, plain: '' }).title, before: r.result.before ?? '—', after: r.result.after ?? '—' }));
  const reboot = runs.some((r) => r.result.outcome === 'applied' && r.result.rebootRequired);
  const retry = runs.some((r) => canRetry(r.result));

  return (
    <div className="verify">
      <ul className="results">
        {runs.map((r) => {
          const v = runVerdict(r.result);
          return (
            <li key={r.id} className={`result result-${v.cls}`}>
              <p>
                <strong className="result-word">{v.word}:</strong> {fixText(r.result.fix, { title: r.result.fix, plain: '' }).title}
                {technical && (
                  <code className="node-id">
                    {' '}
                    [{r.result.fix}: {r.result.outcome}, elevation {r.result.elevation}
                    {r.result.auditId ? `, audit ${r.result.auditId}` : ''}]
                  </code>
                )}
              </p>
              <p>{v.text}</p>
              {technical && <p className="hint">{resultReasonText(r.result.reason)}</p>}
            </li>
          );
        })}
      </ul>
      {/* Before and after are the checks' raw values: the technical view's (the plain view has the verdict above). */}
      {technical && <BeforeAfter rows={rows} />}
      {reboot && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Restart Windows to finish: this change only takes effect after a restart. Save your work first.
            {simulated ? ' On the practice computer the restart is simulated.' : ''}
          </MessageBarBody>
        </MessageBar>
      )}
      <div aria-live="polite">
        {restartNote && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{restartNote}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <h2>What happens next</h2>
      <p>
        {next.kind === 'outcome' && next.title !== OUTCOME_LABELS[next.result] && <span className="badge">{OUTCOME_LABELS[next.result]}</span>}{' '}
        <strong>{next.title}.</strong> {next.plain}
      </p>
      {(retry || reboot) && (
        <div className="actions">
          {reboot && <Button onClick={onContinue}>Restart later</Button>}
          {retry && <Button onClick={onRetry}>Try the fix again</Button>}
        </div>
      )}
      <WizardFooter
        primary={reboot ? { label: simulated ? 'Restart now (simulated)' : 'Restart now', onClick: onRestartNow } : { label: 'Continue', onClick: onContinue }}
      />
    </div>
  );
}
