/** The guided path so far: each check as passed or failed with its evidence, each answer given. */
import type { PathStep } from '../../src-shared/tree';
import { FindingDetails } from './FindingDetails';

/** Props of the step list. */
export interface StepListProps {
  steps: PathStep[];
  technical: boolean;
  /** Findings already explained on the current step: named here, not repeated. */
  shownAbove?: string[];
}

const MARK: Record<PathStep['status'], { icon: string; word: string }> = {
  passed: { icon: '✓', word: 'Passed' },
  failed: { icon: '✕', word: 'Problem found' },
  info: { icon: 'i', word: 'Noted' },
  skipped: { icon: '–', word: 'Does not apply' },
  answered: { icon: '?', word: 'Your answer' },
  done: { icon: '•', word: 'Done' },
  notVerified: { icon: '✕', word: 'Not verified' },
  notApplied: { icon: '✕', word: 'Not applied' },
  declined: { icon: '–', word: 'Declined' },
  notRun: { icon: '–', word: 'Not run' },
  undone: { icon: '↶', word: 'Undone' },
  current: { icon: '→', word: 'Now' },
};

/** An ordered list of steps with a status word (not colour alone) for each. */
export function StepList({ steps, technical, shownAbove = [] }: StepListProps) {
  // A finding is explained once: the fix and verify steps after its check only name it.
  const firstStep = new Map<string, string>();
  for (const s of steps) for (const f of s.findings) if (!firstStep.has(f.id)) firstStep.set(f.id, s.node.id);
  return (
    <ol className="steps">
      {steps.map((s) => (
        <li key={s.node.id} className={`step step-${s.status}`}>
          <span className="step-mark" aria-hidden="true">
            {MARK[s.status].icon}
          </span>
          <div>
            <p className="step-title">
              <span className="step-word">{MARK[s.status].word}:</span> {s.node.title}
              {s.answer !== undefined && <> — {answerLabel(s)}</>}
              {technical && <code className="node-id"> [{s.node.id}]</code>}
            </p>
            {s.status !== 'passed' &&
              s.findings.map((f) =>
                firstStep.get(f.id) !== s.node.id ? null : shownAbove.includes(f.id) ? (
                  <p key={f.id} className="hint">
                    Explained above.
                  </p>
                ) : (
                  <FindingDetails key={f.id} finding={f} technical={technical} />
                ),
              )}
          </div>
        </li>
      ))}
    </ol>
  );
}

function answerLabel(s: PathStep): string {
  return s.node.kind === 'question' ? (s.node.options.find((o) => o.value === s.answer)?.label ?? String(s.answer)) : String(s.answer);
}
