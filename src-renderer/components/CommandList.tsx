/** Exact commands, one per line, for helpdesk staff to read or run themselves. */

/** Props of the command list. */
export interface CommandListProps {
  label: string;
  commands: string[];
}

/** A labelled block of commands. */
export function CommandList({ label, commands }: CommandListProps) {
  if (commands.length === 0) return null;
  return (
    <div className="commands">
      <p className="commands-label">{label}</p>
      <pre tabIndex={0} aria-label={label}>
        <code>{commands.join('\n')}</code>
      </pre>
    </div>
  );
}
