/**
 * A bordered, labelled group (what Fluent's Card draws for us without a click or selection): a `role="group"` named by
 * its heading. Our own rather than Card because Card brings its focus and selection machinery (~8 KB gzipped) to the
 * page for two static boxes, and the page's scripts have a budget (issue 3, `npm run bench`).
 */
import type { ReactNode } from 'react';

export function Panel({
  heading,
  headingId,
  level,
  className,
  children,
}: {
  heading: ReactNode;
  headingId: string;
  level?: 2;
  className?: string;
  children: ReactNode;
}) {
  const Heading = level === 2 ? 'h2' : 'p';
  return (
    <div role="group" aria-labelledby={headingId} className={className ? `panel ${className}` : 'panel'}>
      <Heading id={headingId} className="panel-heading">
        {heading}
      </Heading>
      {children}
    </div>
  );
}
