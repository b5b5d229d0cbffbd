/** A finding as the guide shows it: plain words always; in the technical view the mechanism, evidence, commands. */
import type { Finding } from '../../src-shared/finding';
import { CommandList } from './CommandList';
import { EvidenceTable } from './EvidenceTable';

/** Props of the finding details. */
export interface FindingDetailsProps {
  finding: Finding;
  technical: boolean;
}

/** Plain explanation, plus the technical detail when asked for. */
export function FindingDetails({ finding, technical }: FindingDetailsProps) {
  return (
    <div className="finding">
      <p>{finding.plain}</p>
      {technical && (
        <div className="technical">
          <p>
            <strong>{finding.title}</strong> <code>{finding.id}</code>
            {finding.variant && <code> ({finding.variant})</code>} — {finding.severity}
          </p>
          <p>{finding.technical}</p>
          <EvidenceTable evidence={finding.evidence} caption={`Evidence for ${finding.id}`} />
          <CommandList label="Commands to see this yourself" commands={finding.commands} />
        </div>
      )}
    </div>
  );
}
