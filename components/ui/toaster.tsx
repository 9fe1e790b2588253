"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

// One Toaster is mounted by the app layout (sonner: a polite live region, Alt+T reaches it). It
// outlives client navigation, so a form may raise a toast just before it moves on. Sonner is
// loaded on the first toast only: pages that save nothing carry none of its code. Not Radix
// Toast: each of its toasts is a dismissable layer that takes Escape away from an open dialog.

type Sonner = typeof import("sonner");
const pending: string[] = [];
let wake: ((lib: Sonner) => void) | null = null;
let loaded: Sonner | null = null;

/** Shows a short notice; the inline status of the form stays the record of the outcome. */
export function showToast(title: string): void {
  if (loaded) {
    loaded.toast.success(title);
    return;
  }
  pending.push(title);
  void import("sonner").then((lib) => wake?.(lib));
}

export function Toaster() {
  const t = useTranslations("ui.toast");
  const [lib, setLib] = useState<Sonner | null>(loaded);
  useEffect(() => {
    wake = setLib;
    return () => void (wake = null);
  }, []);
  useEffect(() => {
    if (!lib) return;
    // Mounted now: what was asked for while sonner loaded is shown.
    loaded = lib;
    pending.splice(0).forEach((title) => lib.toast.success(title));
  }, [lib]);
  if (!lib) return null;
  return (
    <lib.Toaster
      position="top-right"
      visibleToasts={3}
      duration={5000}
      closeButton
      containerAriaLabel={t("region")}
      toastOptions={{
        closeButtonAriaLabel: t("close"),
        // Dark enough on its background for WCAG AA, with text as well as colour.
        style: { background: "#f0fdf4", color: "#052e16", borderColor: "#15803d" },
      }}
    />
  );
}
