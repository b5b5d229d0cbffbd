/**
 * The main-process confirmation before a fix or an undo (DESIGN §3): a native dialog the page cannot draw, click or
 * skip, naming the exact change and that Windows will ask for administrator rights. Cancel is the default button.
 */
import { BrowserWindow, dialog } from 'electron';
import type { Confirm, Confirmation } from '../fixes/confirm';

/** The dialog's text: the question, and the detail with every change and the UAC note. */
export function confirmationText(c: Confirmation): { message: string; detail: string; yes: string } {
  const message = c.kind === 'fix' ? `Run this fix? ${c.title}` : `Undo this change? ${c.title}`;
  const lines = [c.kind === 'fix' ? 'This will change:' : 'Undo will set:', ...c.changes.map((x) => `• ${x}`)];
  if (c.elevated) lines.push('', 'Windows will ask for administrator rights (User Account Control) to make this change.');
  return { message, detail: lines.join('\n'), yes: c.kind === 'fix' ? 'Run the fix' : 'Undo' };
}

/** Shows the dialog over our window; resolves true only when the person clicked the yes button. */
export const confirmInDialog: Confirm = async (c) => {
  const { message, detail, yes } = confirmationText(c);
  const options = {
    type: 'warning' as const,
    title: 'DirectAccess Doctor',
    message,
    detail,
    buttons: ['Cancel', yes],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const r = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return r.response === 1;
};
