"use client";

import { useTranslations } from "next-intl";
import { isBodySizeError, kilobytes } from "@/lib/domain/form-size";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/domain/limits";

export default function ErrorPage({ error, reset }: { error: Error; reset: () => void }) {
  const t = useTranslations();
  // A form over the server's size limit (proxy.ts answers it in words the router passes on):
  // say so, rather than the generic text, so the person knows what to change.
  const text = isBodySizeError(error)
    ? t("limits.errorTooLarge", { limit: kilobytes(SERVER_ACTION_BODY_LIMIT_BYTES) })
    : t("errors.unexpected");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-semibold">{t("errors.unexpectedTitle")}</h1>
      <p className="mb-6 text-slate-700">{text}</p>
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white">
        {t("errors.retry")}
      </button>
    </main>
  );
}
