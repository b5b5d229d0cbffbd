/** The guided path: the current step (question, fix, verify or outcome) and what was checked on the way. */
import { ScreenHeading } from '../components/ScreenHeading';
import { StepList } from '../components/StepList';
import { ticketSummary } from '../lib/ticket';
import { selectVerifyRuns, selectWalk } from '../store/selectors';
import { useApp } from '../store/StoreContext';
import { FixScreen } from './FixScreen';
import { saveReport } from '../lib/report';
import { OutcomeScreen } from './OutcomeScreen';
import { QuestionScreen } from './QuestionScreen';
import { verifyHeading, VerifyScreen } from './VerifyScreen';

/** The guide screen. */
export function GuideScreen() {
  const w = useApp(selectWalk);
  const verifyRuns = useApp(selectVerifyRuns);
  const verifyNode = useApp((s) => s.verifying?.nodeId);
  const result = useApp((s) => s.result);
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
  if (!w || !result) return null;

  const node = w.current;
  const steps = w.path.slice(0, -1);
  const passed = steps.filter((s) => s.status === 'passed');
  // Branches not taken (e.g. "this is the server" on a laptop) only matter to the technical view.
  const notable = steps.filter((s) => s.status !== 'passed' && (technical || s.status !== 'skipped'));
  const verifying = verifyRuns !== null && verifyNode !== undefined;
  // Back takes the last answer or skipped fix away; not past a fix that ran (the machine has changed).
  const onBack = lastApplied ? undefined : () => back();

  return (
    <>
      {verifying ? (
        <>
          <ScreenHeading focusKey={`${verifyNode}:result`}>{verifyHeading(verifyRuns)}</ScreenHeading>
          <VerifyScreen
            runs={verifyRuns}
            next={node}
            technical={technical}
            simulated={simulated}
            onContinue={continueAfterVerify}
            onRetry={retryFixes}
            // The practice computer "restarts" by running the checks again on the changed simulation.
            onRestartNow={() => (simulated ? void startChecks() : continueAfterVerify())}
          />
        </>
      ) : (
        <>
          <ScreenHeading focusKey={node.id}>{node.title}</ScreenHeading>
          {node.kind === 'question' && <QuestionScreen key={node.id} node={node} onAnswer={answer} onBack={onBack} />}
          {node.kind === 'fix' && (
            <FixScreen
              key={node.id}
              node={node}
              finding={result.diagnosis.findings.find((f) => f.id === node.cause)}
              technical={technical}
              simulated={simulated}
              onBack={onBack}
            />
          )}
          {node.kind === 'outcome' && (
            <OutcomeScreen
              node={node}
              diagnosis={result.diagnosis}
              ticket={ticketSummary(result.diagnosis, w, version, runs)}
              technical={technical}
              runs={runs}
              onUndo={(id) => void undoRun(id)}
              onCheckAgain={() => void startChecks()}
              onRestart={restart}
              onSaveReport={(redact) =>
                void saveReport(
                  result,
                  w,
                  runs.map((r) => r.result),
                  version,
                  redact,
                )
              }
            />
          )}
        </>
      )}
      <section aria-labelledby="path-heading" className="path">
        <h2 id="path-heading">What was checked</h2>
        <StepList steps={notable} technical={technical} shownAbove={!verifying && node.kind === 'fix' && node.cause ? [node.cause] : []} />
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
