"use client";

import { useTranslations } from "next-intl";
import type { MessageRef } from "@/lib/domain/errors";

/** A translated message from a MessageRef (the form of every action's messages). */
export function useMessage() {
  const t = useTranslations();
  return (ref: MessageRef | undefined | null) => (ref ? t(ref.key, ref.values ?? {}) : "");
}

/** The form-level outcome of an action, announced to screen readers. */
export function FormStatus({ state }: { state: { ok: boolean; message?: MessageRef } | null }) {
  const message = useMessage();
  const text = message(state?.message);
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
