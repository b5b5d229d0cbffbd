/** The h1 of a screen; it takes focus when the screen changes, so keyboard and screen-reader users land on it. */
import { useEffect, useRef } from 'react';

/** Props of the screen heading. */
export interface ScreenHeadingProps {
  children: React.ReactNode;
  /** Changes whenever the step changes; focus moves to the heading then. */
  focusKey: string;
}

// The first screen keeps the browser's natural focus start; only later steps move focus.
let firstScreen = true;

/** A focusable h1 that receives focus on each new step. */
export function ScreenHeading({ children, focusKey }: ScreenHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    ref.current?.focus();
  }, [focusKey]);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
