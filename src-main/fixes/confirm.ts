/**
 * The confirmation a person gives in the main process before a fix or an undo runs (DESIGN §3: "started only after a
 * confirmation in the main process"). The renderer's `confirmed: true` is only what the page says; a compromised page
 * can send it. The Electron door asks with a native dialog (window/confirmDialog.ts); the CLI asks on the terminal.
 */
import type { FixId } from '../../src-shared/ids';

/** What is about to change, concretely enough for the person to say yes or no. */
export interface Confirmation {
  kind: 'fix' | 'undo';
  fix: FixId;
  title: string;
  /** The exact changes: the commands of a fix, or the values an undo puts back ("DisabledComponents back to 0xff"). */
  changes: string[];
  /** Windows will ask for administrator rights (UAC) when this runs. */
  elevated: boolean;
}

/** Asks the person; true only when they said yes. */
export type Confirm = (c: Confirmation) => Promise<boolean>;
