/** The guided path: the current step (question, fix, verify or outcome) and what was checked on the way. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { getBridge } from '../bridge';
import { ScreenHeading } from '../components/ScreenHeading';
import { StepList } from '../components/StepList';
import { ticketSummary } from '../lib/ticket';
import { saveReport } from '../lib/report';
import { forOtherComputer } from '../lib/otherComputer';
import { OUTCOME_LABELS, START_CHOICES } from '../lib/labels';
import { incompleteText } from '../../src-shared/report/reportWords';
import { selectHelpdesk, selectRoleMismatch, selectVerifyRuns } from '../store/selectors';
import { selectFindings, selectWalk } from '../store/walk';
import { useApp } from '../store/StoreContext';
import { FixScreen } from './FixScreen';
import { OutcomeScreen } from './OutcomeScreen';
import { QuestionScreen } from './QuestionScreen';
import { verifyHeading, VerifyScreen } from './VerifyScreen';
import type { Role } from '../../src-shared/finding';

/** What the checks found a computer to be, in the words of the start screen's choices. */
const ROLE_WORDS: Record<Role, string> = {
  client: 'a DirectAccess laptop',
  manageOut: 'a workstation that manages DirectAccess computers',
  server: 'the DirectAccess server',
  unknown: 'a computer whose kind the checks could not tell',
};

/** The guide screen. */
export function GuideScreen() {
  const w = useApp(selectWalk);
  const findings = useApp(selectFindings);
  const verifyRuns = useApp(selectVerifyRuns);
  const mismatch = useApp(selectRoleMismatch);
  // One sentence for the screen, the report and the ticket's reader: the report's own.
  const incomplete = useApp((s) => (s.result ? incompleteText(s.result.diagnosis) : null));
  const verifyNode = useApp((s) => s.verifying?.nodeId);
  const result = useApp((s) => s.result);
  const imported = useApp((s) => (s.imported ? (s.result?.diagnosis.machine ?? 'another computer') : null));
  const helpdesk = useApp(selectHelpdesk);
  const fixResults = useApp((s) => s.fixResults);
  const runs = useApp((s) => s.runs);
  const technical = useApp((s) => s.technical);
  const simulated = useApp((s) => s.info?.host === 'simulated');
  const version = useApp((s) => s.info?.version ?? '');
  const lastApplied = useApp((s) => {
    const last = s.history[s.history.length - 1];
    return last !== undefined && 'applied' in last;
  });
  const answer = useApp((s) => s.answer);
  const back = useApp((s) => s.back);
  const restart = useApp((s) => s.restart);
  const startChecks = useApp((s) => s.startChecks);
  const continueAfterVerify = useApp((s) => s.continueAfterVerify);
  const retryFixes = useApp((s) => s.retryFixes);
  const undoRun = useApp((s) => s.undoRun);
  const [restartNote, setRestartNote] = useState('');
  if (!w || !result) return null;

  // The practice computer restarts at once (its pending changes take effect) and the checks run again; Windows
  // restarts after the minute's notice main asked for, and the person comes back to run the checks.
  const restartNow = async () => {
    const r = await getBridge().systemRestart?.();
    if (r?.ok && r.value.simulated) return void startChecks();
    setRestartNote(
      r?.ok
        ? `Windows restarts in ${Math.round(r.value.delaySeconds / 60) || 1} minute. Save your work now. After the restart, open DirectAccess Doctor and run the checks again.`
        : `Windows could not be restarted from here (${r ? r.error.message : 'not offered'}): restart it from the Start menu, then run the checks again.`,
    );
  };

  const node = w.current;
  const steps = w.path.slice(0, -1);
  const passed = steps.filter((s) => s.status === 'passed');
  // Branches not taken (e.g. "this is the server" on a laptop) only matter to the technical view.
  const notable = steps.filter((s) => s.status !== 'passed' && (technical || s.status !== 'skipped'));
  const verifying = verifyRuns !== null && verifyNode !== undefined;
  // Back takes the last answer or skipped fix away; not past a fix that ran (the machine has changed).
  const onBack = lastApplied ? undefined : () => back();
  // Findings a verified, not undone fix of this session resolved: their check reads "now fixed".
  const fixed = findings
    .filter((f) => f.fixes.length > 0 && f.fixes.every((id) => runs.some((r) => r.result.fix === id && r.result.verified && r.undo?.status !== 'done')))
    .map((f) => f.id);
  const declined = Object.values(fixResults).some((o) => o === 'declined' || o === 'skipped');
  const ticket = () => {
    const text = ticketSummary({ ...result.diagnosis, findings }, w, version, runs, { imported: imported !== null, helpdesk });
    return imported ? forOtherComputer(text, imported) : text;
  };

  return (
    <>
      {verifying ? (
        <ScreenHeading focusKey={`${verifyNode}:result`}>{verifyHeading(verifyRuns)}</ScreenHeading>
      ) : (
        <ScreenHeading focusKey={node.id}>{node.title}</ScreenHeading>
      )}
      {imported && (
        <MessageBar intent="info" layout="multiline" className="banner">
          <MessageBarBody>These are {imported}’s results, opened from a file. Nothing here describes or changes the computer you are using.</MessageBarBody>
        </MessageBar>
      )}
      {mismatch && (
        <MessageBar intent="info" layout="multiline" className="banner">
          <MessageBarBody>
            You chose “{START_CHOICES[mismatch.chose].label}”, but the checks found {ROLE_WORDS[mismatch.found]}. The wizard follows what the checks found.
          </MessageBarBody>
        </MessageBar>
      )}
      {incomplete && (
        <MessageBar intent="warning" layout="multiline" className="banner">
          <MessageBarBody>{incomplete}</MessageBarBody>
        </MessageBar>
      )}
      {verifying ? (
        <VerifyScreen
          runs={verifyRuns}
          next={node}
          technical={technical}
          simulated={simulated}
          onContinue={continueAfterVerify}
          onRetry={retryFixes}
          onRestartNow={() => void restartNow()}
          restartNote={restartNote}
        />
      ) : (
        <>
          {node.kind === 'question' && <QuestionScreen key={node.id} node={node} onAnswer={answer} onBack={onBack} />}
          {node.kind === 'fix' && (
            <FixScreen
              key={node.id}
              node={node}
              finding={findings.find((f) => f.id === node.cause)}
              technical={technical}
              simulated={simulated}
              onBack={onBack}
            />
          )}
          {node.kind === 'outcome' && (
            <OutcomeScreen
              node={node}
              diagnosis={result.diagnosis}
              findings={findings}
              ticket={ticket()}
              technical={technical}
              runs={runs}
              imported={imported}
              helpdesk={helpdesk}
              declined={declined}
              onUndo={(id) => void undoRun(id)}
              onCheckAgain={() => void startChecks()}
              onFinish={restart}
              onSaveReport={(redact) =>
                saveReport(
                  result,
                  w,
                  runs.map((r) => r.result),
                  version,
                  redact,
                  {
                    outcome: { result: node.result, title: `${OUTCOME_LABELS[node.result]}: ${node.title}` },
                    ...(helpdesk ? { helpdesk } : {}),
                    ...(imported ? { imported: { machine: imported } } : {}),
                  },
                )
              }
            />
          )}
        </>
      )}
      <section aria-labelledby="path-heading" className="path">
        <h2 id="path-heading">What was checked</h2>
        <StepList steps={notable} technical={technical} fixed={fixed} shownAbove={!verifying && node.kind === 'fix' && node.cause ? [node.cause] : []} />
        {passed.length > 0 && (
          <details>
            <summary>
              {passed.length} {passed.length === 1 ? 'check' : 'checks'} passed
            </summary>
            <StepList steps={passed} technical={technical} />
          </details>
        )}
      </section>
    </>
  );
}
