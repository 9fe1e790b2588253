"use client";

import { useEffect, useRef } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

const SEARCH_DELAY_MS = 400;

// The form is remounted for every new list (the page keys it by the filters), so what must outlive
// one form lives here: the search box's focus and latest text, and whether the panel was opened on
// a phone. Module state, not React state: it belongs to this browser tab, never to the server.
const kept: { focusId: string | null; caret: number | null; search: string | null; panelOpen: boolean | null } = {
  focusId: null,
  caret: null,
  search: null,
  panelOpen: null,
};

/**
 * Placed inside the filter GET form: with JavaScript, a changed select or checkbox applies at once
 * and the search box after a short pause, by replacing the query string (other parameters kept,
 * the page reset to the first). Without JavaScript nothing here runs and the form's own button
 * submits it. On a small screen the panel starts folded.
 */
export function FilterAutoApply({ panelId }: { panelId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const marker = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const panel = document.getElementById(panelId);
    if (panel instanceof HTMLDetailsElement) {
      // As the person left it on a previous list (the form is new after each navigation).
      if (kept.panelOpen !== null) panel.open = kept.panelOpen;
      const toggled = () => {
        kept.panelOpen = panel.open;
      };
      panel.addEventListener("toggle", toggled);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = () => {
      clearTimeout(timer);
      const next = new URLSearchParams(params.toString());
      const owned = new Set(Array.from(form.elements, (e) => (e as HTMLInputElement).name).filter(Boolean));
      for (const name of [...owned, "page"]) next.delete(name);
      for (const [name, value] of new FormData(form)) {
        if (typeof value === "string" && value.trim() !== "") next.append(name, value);
      }
      const active = document.activeElement;
      kept.focusId = active instanceof HTMLElement && form.contains(active) ? active.id || null : null;
      kept.caret = active instanceof HTMLInputElement && active.type === "search" ? active.selectionStart : null;
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    };
    const isSearch = (t: EventTarget | null): t is HTMLInputElement =>
      t instanceof HTMLInputElement && t.type === "search";
    const onInput = (e: Event) => {
      if (!isSearch(e.target)) return;
      kept.search = e.target.value;
      clearTimeout(timer);
      timer = setTimeout(apply, SEARCH_DELAY_MS);
    };
    const onChange = (e: Event) => {
      if (!isSearch(e.target)) apply();
    };
    // A link (clear the filters) starts afresh: nothing typed is carried over.
    const onClick = (e: MouseEvent) => {
      if ((e.target as Element | null)?.closest?.("a[href]")) kept.search = null;
    };
    const onSubmit = (e: SubmitEvent) => {
      e.preventDefault();
      apply();
    };
    // Back in a new form: the focus where it was, and text typed while the list was loading.
    const search = form.querySelector<HTMLInputElement>('input[type="search"]');
    if (search && kept.search !== null && kept.search !== search.value) {
      search.value = kept.search;
      timer = setTimeout(apply, SEARCH_DELAY_MS);
    } else kept.search = null;
    if (kept.focusId) {
      const again = document.getElementById(kept.focusId);
      again?.focus();
      if (again instanceof HTMLInputElement && again.type === "search" && kept.caret !== null)
        again.setSelectionRange(kept.caret, kept.caret);
      kept.focusId = null;
    }
    form.addEventListener("input", onInput);
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    form.addEventListener("click", onClick);
    return () => {
      form.removeEventListener("click", onClick);
      clearTimeout(timer);
      form.removeEventListener("input", onInput);
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit);
    };
  }, [router, pathname, params, panelId]);

  return <span ref={marker} hidden />;
}
