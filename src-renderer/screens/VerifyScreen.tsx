/** Verification after a fix: the checks again, and before/after side by side. */
import { BeforeAfter, type BeforeAfterRow } from '../components/BeforeAfter';
import type { VerifyNode } from '../../src-shared/tree';

/** Props of the verify screen. */
export interface VerifyScreenProps {
  node: VerifyNode;
  running: boolean;
  rows: BeforeAfterRow[];
  onVerify: () => void;
}

/** The verify screen. */
export function VerifyScreen({ node, running, rows, onVerify }: VerifyScreenProps) {
  return (
    <div className="verify">
      <p>{node.plain}</p>
      <p role="status">{running ? 'Checking again…' : ''}</p>
      <BeforeAfter rows={rows} />
      <div className="actions">
        <button type="button" className="primary" disabled={running} onClick={onVerify}>
          Run the checks again
        </button>
      </div>
    </div>
  );
}
