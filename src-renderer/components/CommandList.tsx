/**
 * Exact commands for helpdesk staff: one block per command, each with a Copy button and, where the command changes the
 * machine, the note that it needs an administrator PowerShell (src-shared/commandElevation.ts decides).
 */
import { useState } from 'react';
import { runAsAdmin } from '../../src-shared/commandElevation';

/** Props of the command list. */
export interface CommandListProps {
  label: string;
  commands: string[];
}

/** What a copy attempt ended as: shown in the block's polite status line. */
export type CopyState = 'idle' | 'copied' | 'failed';

/** The clipboard a copy writes to (navigator.clipboard in the app; absent where the page may not use it). */
export type ClipboardLike = Pick<Clipboard, 'writeText'> | undefined;

export const ADMIN_NOTE = 'Run in an administrator PowerShell';
export const COPY_STATUS: Record<CopyState, string> = { idle: '', copied: 'Copied', failed: 'Select the text and copy it yourself' };

/** Copies one command; never throws (a denied or missing clipboard is `failed`, and the text stays selectable). */
export async function copyCommand(text: string, clipboard: ClipboardLike): Promise<CopyState> {
  if (!clipboard) return 'failed';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'failed';
  }
}

/** A labelled list of command blocks. */
export function CommandList({ label, commands }: CommandListProps) {
  if (commands.length === 0) return null;
  return (
    <div className="commands">
      <p className="commands-label">{label}</p>
      <ol className="command-list" aria-label={label}>
        {commands.map((c, i) => (
          <CommandBlock key={i} n={i + 1} command={c} />
        ))}
      </ol>
    </div>
  );
}

function CommandBlock({ n, command }: { n: number; command: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const admin = runAsAdmin(command);
  const copy = () => {
    void copyCommand(command, typeof navigator === 'undefined' ? undefined : navigator.clipboard).then(setState);
  };
  return (
    <li className={admin ? 'command command-admin' : 'command'}>
      {admin && <p className="command-admin-note">{ADMIN_NOTE}</p>}
      <pre tabIndex={0} aria-label={`Command ${n}`}>
        <code>{command}</code>
      </pre>
      <button type="button" className="command-copy" aria-label={`Copy command ${n}`} onClick={copy}>
        Copy
      </button>
      <span className="command-copy-status" role="status" aria-live="polite">
        {COPY_STATUS[state]}
      </span>
    </li>
  );
}
