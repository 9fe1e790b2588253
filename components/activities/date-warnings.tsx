"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { DateWarning } from "@/lib/domain/activity-rules";
import { formatDay } from "@/components/browse/format";

/** A calendar day ("2025-06-30") in the reader's language; days are stored at UTC midnight. */
export function useDay() {
  const format = useFormatter();
  return (day: string) => formatDay(format, day, "", "long");
}

/** Dates outside the plan's period: allowed, but said plainly, with a word and not only a colour. */
export function DateWarnings({
  warnings,
  plan,
}: {
  warnings: DateWarning[];
  plan: { startDate: string; endDate: string };
}) {
  const t = useTranslations("activityForm");
  const day = useDay();
  if (warnings.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1 rounded-md border border-amber-600 bg-amber-50 p-2 text-sm text-amber-950">
      {warnings.map((w) => (
        <li key={w.key}>
          <strong>{t("warningLabel")}</strong>{" "}
          {t(w.key.replace("activityForm.", ""), { planStart: day(plan.startDate), planEnd: day(plan.endDate) })}
        </li>
      ))}
    </ul>
  );
}
