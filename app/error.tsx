"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-semibold">{t("unexpectedTitle")}</h1>
      <p className="mb-6 text-slate-700">{t("unexpected")}</p>
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white">{t("retry")}</button>
    </main>
  );
}
