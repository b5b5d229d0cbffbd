/** A question the machine cannot answer, asked of the user. */
import { useId, useState } from 'react';
import { RadioGroup } from '../components/RadioGroup';
import { WizardFooter } from '../components/WizardFooter';
import type { QuestionNode } from '../../src-shared/tree';

/** Props of the question screen. */
export interface QuestionScreenProps {
  node: QuestionNode;
  onAnswer: (question: string, value: string) => void;
  /** Back to the previous step; absent when a fix ran just before. */
  onBack?: () => void;
}

/** The question with its answers and a Continue button. */
export function QuestionScreen({ node, onAnswer, onBack }: QuestionScreenProps) {
  const [value, setValue] = useState<string | null>(null);
  const hintId = useId();
  return (
    <form
      className="question"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onAnswer(node.question, value);
      }}
    >
      <p>{node.plain}</p>
      <RadioGroup name={`q-${node.id}`} legend="Your answer" options={node.options} value={value} onChange={setValue} />
      {!value && (
        <p className="hint" id={hintId}>
          Choose an answer to continue.
        </p>
      )}
      <WizardFooter
        {...(onBack ? { back: { label: 'Back', onClick: onBack } } : {})}
        primary={{ label: 'Continue', disabled: !value, describedBy: value ? undefined : hintId, onClick: () => value && onAnswer(node.question, value) }}
      />
    </form>
  );
}
