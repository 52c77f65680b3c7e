/**
 * A table's own box: on a narrow screen the table scrolls sideways inside it instead of widening the
 * page. Focusable and named, so a keyboard user can scroll it (WCAG 2.1.1; axe's
 * scrollable-region-focusable).
 */
import type { ReactNode } from 'react';

export function TableBox({
  label,
  children,
  className,
}: {
  label: string;
  children: ReactNode;
  /** Extra classes, e.g. `scroll` for a box that also scrolls down. */
  className?: string;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className={`table-box ${className ?? ''}`} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
