/**
 * The wizard's fixed footer: Back, one primary action and Cancel/Close, in the same place on every screen so the
 * next step is always visible without scrolling (800×600, 200 % scaling). A screen declares its buttons with
 * <WizardFooter>; they are drawn into the frame's footer through a portal, so they stay in the screen's React tree
 * (its state, its handlers) while sitting outside the scrolling content.
 */
import { Button } from '@fluentui/react-components';
import { createContext, useContext } from 'react';
import { createPortal } from 'react-dom';

/** The footer element screens draw their buttons into (set by the frame). */
export const FooterSlot = createContext<HTMLElement | null>(null);

/** One footer button. */
export interface FooterAction {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  /** The id of the text that says why the action is not available yet. */
  describedBy?: string;
}

/** Props of the footer. */
export interface WizardFooterProps {
  back?: FooterAction;
  primary?: FooterAction;
  /** Cancel (stop what is under way) or Close/Start over: never the main way forward. */
  cancel?: FooterAction;
}

/** Draws this screen's buttons into the frame's footer. */
export function WizardFooter({ back, primary, cancel }: WizardFooterProps) {
  const slot = useContext(FooterSlot);
  if (!slot) return null;
  const button = (a: FooterAction, appearance: 'primary' | 'secondary', cls: string) => (
    <Button
      appearance={appearance}
      className={cls}
      // A disabled primary stays focusable, so its description (why not yet) can be read.
      disabledFocusable={a.disabled}
      aria-describedby={a.describedBy}
      onClick={a.disabled ? undefined : a.onClick}
    >
      {a.label}
    </Button>
  );
  return createPortal(
    <>
      {back && button(back, 'secondary', 'footer-back')}
      <span className="footer-spacer" />
      {primary && button(primary, 'primary', 'footer-primary')}
      {cancel && button(cancel, 'secondary', 'footer-cancel')}
    </>,
    slot,
  );
}
