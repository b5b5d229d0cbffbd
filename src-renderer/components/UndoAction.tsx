/**
 * Undo of one recorded change, after a confirmation: the Undo button, the question, and how the undo ended. Shared by
 * the outcome screen's list of this session's changes and the start screen's history of the audit log.
 */
import { Button } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { AuditUndo } from '../store/fixSlice';
import { ConfirmDialog } from './ConfirmDialog';

/** Props of one undo. */
export interface UndoActionProps {
  /** The fix's title (catalogue words). */
  title: string;
  /** What undo does, in the catalogue's words. */
  undo: string;
  /** Whether the Undo button is offered (the change has undo data and is not undone yet). */
  offered: boolean;
  /** The undo asked for, if any. */
  state: AuditUndo | undefined;
  /** The button's accessible name when the title alone is not unique in its list. */
  label?: string;
  /** The person confirmed. */
  onUndo: () => void;
}

/**
 * How a finished undo reads. When the re-check after it found a latent problem (e.g. a certificate removed while
 * connected), the person hears that the connection will drop at the next reconnect, not only that it is undone.
 */
export function undoEndText(state: AuditUndo | undefined): string {
  const r = state?.result?.reason;
  if (r?.code === 'fix.undoneLatent') {
    return `Undone: the previous setting is back. DirectAccess still works now, but the connection will drop at the next reconnect or restart (${r.values.latent}). Run the checks again to see what to do.`;
  }
  return 'Undone: the previous setting is back. Run the checks again to see this computer as it is now.';
}

/** The undo of one change: nothing when it is not offered and was not asked for. */
export function UndoAction({ title, undo, offered, state, label, onUndo }: UndoActionProps) {
  const [asking, setAsking] = useState(false);
  const endRef = useRef<HTMLParagraphElement>(null);
  /** Set when the person confirmed here, so the end of the undo gets the focus the closed question had. */
  const waiting = useRef(false);
  const status = state?.status;
  useEffect(() => {
    if (waiting.current && (status === 'done' || status === 'failed')) {
      waiting.current = false;
      endRef.current?.focus();
    }
  }, [status]);

  return (
    <>
      {status === 'done' && (
        <p ref={endRef} tabIndex={-1} className="undo-end">
          {undoEndText(state)}
        </p>
      )}
      {status === 'failed' && (
        <p ref={endRef} tabIndex={-1} role="alert" className="error undo-end">
          Undo did not work: {state?.error}
        </p>
      )}
      {offered && status !== 'done' && (
        <div className="actions">
          <Button disabled={status === 'running'} onClick={() => setAsking(true)} aria-label={label ?? `Undo: ${title}`}>
            Undo
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={asking}
        title={`Undo “${title}”?`}
        confirmLabel="Yes, undo it"
        cancelLabel="Keep the change"
        onConfirm={() => {
          waiting.current = true;
          setAsking(false);
          onUndo();
        }}
        onCancel={() => setAsking(false)}
      >
        <p>{undo} The problem it fixed may come back.</p>
      </ConfirmDialog>
      <span role="status">{status === 'running' ? `Undoing ${title}…` : ''}</span>
    </>
  );
}
