/**
 * Who to call: the organisation's helpdesk from its configuration, on every screen that sends the person to IT.
 * Without a configuration it says so plainly rather than inventing a contact. Plain text, not mailto:/tel: links:
 * the window may not navigate anywhere (and a configured value must never become a URL), and text can be copied.
 */
import { useId } from 'react';
import { Panel } from './Panel';

/** The contact as the organisation configured it. */
export interface Helpdesk {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
}

/** The contact card. */
export function HelpdeskContact({ helpdesk, machine }: { helpdesk: Helpdesk | null; machine?: string }) {
  const id = useId();
  return (
    <Panel className="helpdesk" heading="Who to contact" headingId={`${id}-contact`}>
      {helpdesk ? (
        <p>
          {helpdesk.name}
          {helpdesk.email && <> · e-mail {helpdesk.email}</>}
          {helpdesk.phone && <> · phone {helpdesk.phone}</>}
          {machine ? ` — tell them this is about ${machine}.` : ''}
        </p>
      ) : (
        <p>Your organisation&apos;s IT helpdesk (this computer has no helpdesk contact configured).</p>
      )}
    </Panel>
  );
}
