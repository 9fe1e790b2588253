import type { ReactNode } from "react";

/**
 * The box a table scrolls sideways in when it is wider than a phone, so that the page itself
 * never does. Always:
 * - a named region and a tab stop: keyboard users focus it and scroll it with the arrow keys
 *   (WCAG 2.1.1; axe's scrollable-region-focusable);
 * - `relative`: the table's screen-reader-only texts (position: absolute) are placed in this box
 *   and clipped by it, instead of sticking out of the page to the right.
 */
export function TableScroll({
  label,
  className = "",
  children,
}: {
  /** Names the region; usually the table's caption. */
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
