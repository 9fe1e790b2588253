"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

/**
 * Placed inside a form: once something is typed (or when the form shows what a refused save gave
 * back, `initiallyDirty`), leaving the page asks first: closing or reloading the tab (the browser's
 * own question) and following a link inside the app (a confirm). Sending the form clears it.
 */
export function UnsavedChanges({ initiallyDirty = false }: { initiallyDirty?: boolean }) {
  const t = useTranslations("common");
  const marker = useRef<HTMLSpanElement>(null);
  const dirty = useRef(initiallyDirty);
  const question = t("unsavedChanges");

  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const changed = () => {
      dirty.current = true;
    };
    const sent = () => {
      dirty.current = false;
    };
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      e.preventDefault();
      e.returnValue = ""; // older browsers need it set to show their question
    };
    const click = (e: MouseEvent) => {
      if (!dirty.current || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const link = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || (form.contains(link) && !link.hasAttribute("data-leaves-form"))) return;
      const to = new URL(link.href, location.href);
      if (to.origin !== location.origin || (to.pathname === location.pathname && to.search === location.search)) return;
      if (!window.confirm(question)) {
        e.preventDefault();
        e.stopPropagation();
      } else dirty.current = false;
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", sent);
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      form.removeEventListener("input", changed);
      form.removeEventListener("change", changed);
      form.removeEventListener("submit", sent);
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [question]);

  return <span ref={marker} hidden />;
}
