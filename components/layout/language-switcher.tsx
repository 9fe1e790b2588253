"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { setLocaleAction } from "@/lib/actions/auth";
import { LOCALES, LOCALE_NAMES } from "@/i18n/locales";

/** One button per language; the choice is saved on the person and in a cookie. */
export function LanguageSwitcher() {
  const t = useTranslations("app");
  const current = useLocale();
  const [, action, pending] = useActionState(setLocaleAction, null);
  return (
    <form action={action} aria-label={t("language")} className="flex items-center gap-1 text-sm">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          disabled={pending}
          aria-pressed={locale === current}
          className="rounded px-2 py-1 text-slate-800 hover:bg-slate-100 aria-pressed:bg-brand-100 aria-pressed:font-semibold aria-pressed:text-brand-800"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
