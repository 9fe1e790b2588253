"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import type { MessageRef } from "@/lib/domain/errors";
import { showToast } from "./toaster";

/** A translated message from a MessageRef (the form of every action's messages). */
export function useMessage() {
  const t = useTranslations();
  return (ref: MessageRef | undefined | null) => (ref ? t(ref.key, ref.values ?? {}) : "");
}

/** Each new successful result of an action also says "Saved" as a toast (where a Toaster is mounted). */
export function useSavedToast(state: { ok: boolean } | null | undefined): void {
  const t = useTranslations("ui.toast");
  const saved = t("saved");
  useEffect(() => {
    if (state?.ok) showToast(saved);
    // Only a new result raises a toast, not a change of language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
}

/** The form-level outcome of an action, announced to screen readers. */
export function FormStatus({ state }: { state: { ok: boolean; message?: MessageRef } | null }) {
  const message = useMessage();
  const text = message(state?.message);
  useSavedToast(state);
  return (
    <p
      aria-live="polite"
      role="status"
      className={`text-sm ${state?.ok ? "text-green-800" : "text-red-800"} ${text ? "" : "sr-only"}`}
    >
      {text}
    </p>
  );
}
