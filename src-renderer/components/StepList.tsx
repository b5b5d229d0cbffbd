/** The guided path so far: each check as passed or failed with its evidence, each answer given. */
import type { PathStep } from '../../src-shared/tree';
import { FindingDetails } from './FindingDetails';

/** Props of the step list. */
export interface StepListProps {
  steps: PathStep[];
  technical: boolean;
  /** Findings already explained on the current step: named here, not repeated. */
  shownAbove?: string[];
  /** Findings a verified fix of this session has since resolved: their check reads "now fixed", not a red cross. */
  fixed?: string[];
}

/** Each step is marked by what happened: nothing done is never "Done", information is never a red cross. */
const MARK: Record<PathStep['status'] | 'fixed', { icon: string; word: string }> = {
  passed: { icon: '✓', word: 'Passed' },
  failed: { icon: '✕', word: 'Problem found' },
  fixed: { icon: '✓', word: 'Problem found, now fixed' },
  info: { icon: 'i', word: 'Noted' },
  skipped: { icon: '–', word: 'Does not apply' },
  answered: { icon: '?', word: 'Your answer' },
  done: { icon: '✓', word: 'Changed and verified' },
  notVerified: { icon: '!', word: 'Changed, but not verified' },
  notApplied: { icon: '✕', word: 'Could not be changed' },
  declined: { icon: '–', word: 'Declined at the administrator prompt, nothing changed' },
  notRun: { icon: '–', word: 'Not run, nothing changed' },
  undone: { icon: '↶', word: 'Changed, then undone' },
  current: { icon: '→', word: 'Now' },
};

/** An ordered list of steps with a status word (not colour alone) for each. */
export function StepList({ steps, technical, shownAbove = [], fixed = [] }: StepListProps) {
  // A finding is explained once: the fix and verify steps after its check only name it.
  const firstStep = new Map<string, string>();
  for (const s of steps) for (const f of s.findings) if (!firstStep.has(f.id)) firstStep.set(f.id, s.node.id);
  return (
    <ol className="steps">
      {steps.map((s) => {
        const status = s.status === 'failed' && s.findings.length > 0 && s.findings.every((f) => fixed.includes(f.id)) ? 'fixed' : s.status;
        return (
          <li key={s.node.id} className={`step step-${status}`}>
            <span className="step-mark" aria-hidden="true">
              {MARK[status].icon}
            </span>
            <div>
              <p className="step-title">
                <span className="step-word">{MARK[status].word}:</span> {s.node.title}
                {s.answer !== undefined && <> — {answerLabel(s)}</>}
                {technical && <code className="node-id"> [{s.node.id}]</code>}
              </p>
              {s.status !== 'passed' &&
                status !== 'fixed' &&
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
        );
      })}
    </ol>
  );
}

function answerLabel(s: PathStep): string {
  return s.node.kind === 'question' ? (s.node.options.find((o) => o.value === s.answer)?.label ?? String(s.answer)) : String(s.answer);
}
