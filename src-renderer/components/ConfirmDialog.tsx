/**
 * A confirmation as a modal dialog (Fluent UI): the question, one confirming button and Cancel. Escape and Cancel
 * close it and give the focus back to what opened it, so a keyboard user stays where they were.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

/** Props of the dialog. */
export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** While the confirmed action runs: both buttons wait, Escape does nothing. */
  busy?: boolean;
  /** What is under way while busy, read out politely. */
  busyText?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The modal confirmation. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  busy = false,
  busyText = '',
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // Remember what had the focus when the dialog opened; give it back when the dialog closes without moving on.
  if (open && !wasOpen.current && typeof document !== 'undefined') opener.current = document.activeElement as HTMLElement | null;
  useEffect(() => {
    if (wasOpen.current && !open) {
      const el = opener.current;
      if (el?.isConnected) el.focus();
      opener.current = null;
    }
    wasOpen.current = open;
  }, [open]);
  return (
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_, d) => {
        if (!d.open && !busy) onCancel();
      }}
    >
      <DialogSurface aria-busy={busy || undefined}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {children}
            <p role="status" className="busy">
              {busy ? busyText : ''}
            </p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={busy} onClick={busy ? undefined : onConfirm}>
              {confirmLabel}
            </Button>
            <Button disabledFocusable={busy} onClick={busy ? undefined : onCancel}>
              {cancelLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
