"use client";

import { useEffect, type ReactNode } from "react";

/**
 * The actions of a long form, kept in view at the bottom of the window while it scrolls. While it
 * is shown, the page scrolls a focused field clear of it (scroll-padding), so it never hides one.
 */
export function StickyBar({ children }: { children: ReactNode }) {
  useEffect(() => {
    const root = document.documentElement;
    const before = root.style.scrollPaddingBottom;
    root.style.scrollPaddingBottom = "7rem";
    return () => {
      root.style.scrollPaddingBottom = before;
    };
  }, []);
  return (
    <div
      data-testid="sticky-bar"
      className="sticky bottom-0 z-10 flex flex-col gap-2 rounded-t-lg border border-b-0 border-slate-300 bg-white px-4 py-3 shadow-[0_-4px_12px_rgba(15,23,42,0.08)]"
    >
      {children}
    </div>
  );
}
