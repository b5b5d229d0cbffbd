/** A question the machine cannot answer, asked of the user. */
import { useState } from 'react';
import { RadioGroup } from '../components/RadioGroup';
import type { QuestionNode } from '../../src-shared/tree';

/** Props of the question screen. */
export interface QuestionScreenProps {
  node: QuestionNode;
  onAnswer: (question: string, value: string) => void;
}

/** The question with its answers and a Continue button. */
export function QuestionScreen({ node, onAnswer }: QuestionScreenProps) {
  const [value, setValue] = useState<string | null>(null);
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
      <div className="actions">
        <button type="submit" className="primary" disabled={!value}>
          Continue
        </button>
      </div>
    </form>
  );
}
