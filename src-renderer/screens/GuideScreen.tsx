/** The guided path: the current step (question, fix, verify or outcome) and what was checked on the way. */
import { ScreenHeading } from '../components/ScreenHeading';
import { StepList } from '../components/StepList';
import { ticketSummary } from '../lib/ticket';
import { selectWalk } from '../store/selectors';
import { useApp } from '../store/StoreContext';
import { FixScreen } from './FixScreen';
import { OutcomeScreen } from './OutcomeScreen';
import { QuestionScreen } from './QuestionScreen';
import { VerifyScreen } from './VerifyScreen';

/** The guide screen. */
export function GuideScreen() {
  const w = useApp(selectWalk);
  const result = useApp((s) => s.result);
  const technical = useApp((s) => s.technical);
  const canApply = useApp((s) => s.canApplyFixes);
  const version = useApp((s) => s.info?.version ?? '');
  const answer = useApp((s) => s.answer);
  const skipFixes = useApp((s) => s.skipFixes);
  const back = useApp((s) => s.back);
  const restart = useApp((s) => s.restart);
  const startChecks = useApp((s) => s.startChecks);
  if (!w || !result) return null;

  const node = w.current;
  const steps = w.path.slice(0, -1);
  const passed = steps.filter((s) => s.status === 'passed');
  // Branches not taken (e.g. "this is the server" on a laptop) only matter to the technical view.
  const notable = steps.filter((s) => s.status !== 'passed' && (technical || s.status !== 'skipped'));

  return (
    <>
      <ScreenHeading focusKey={node.id}>{node.title}</ScreenHeading>
      {node.kind === 'question' && <QuestionScreen key={node.id} node={node} onAnswer={answer} />}
      {node.kind === 'fix' && (
        <FixScreen
          node={node}
          finding={result.diagnosis.findings.find((f) => f.id === node.cause)}
          technical={technical}
          canApply={canApply}
          onApply={() => undefined}
          onSkip={() => skipFixes(node.fixes)}
        />
      )}
      {node.kind === 'verify' && <VerifyScreen node={node} running={false} rows={[]} onVerify={() => void startChecks()} />}
      {node.kind === 'outcome' && (
        <OutcomeScreen
          node={node}
          diagnosis={result.diagnosis}
          ticket={ticketSummary(result.diagnosis, w, version)}
          technical={technical}
          onCheckAgain={() => void startChecks()}
          onRestart={restart}
        />
      )}
      {node.kind !== 'outcome' && (
        <div className="actions">
          <button type="button" onClick={back}>
            Back
          </button>
        </div>
      )}
      <section aria-labelledby="path-heading" className="path">
        <h2 id="path-heading">What was checked</h2>
        <StepList steps={notable} technical={technical} shownAbove={node.kind === 'fix' && node.cause ? [node.cause] : []} />
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
