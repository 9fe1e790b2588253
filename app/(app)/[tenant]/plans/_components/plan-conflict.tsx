"use client";

import { useFormatter, useTranslations } from "next-intl";
import { isIsoDay } from "@/lib/domain/day";
import { formatDay } from "@/components/browse/format";
import { AllTexts } from "@/components/ui/text";

/** What someone else saved while this form was open, so the editor sees what changed. */
export function PlanConflict({
  current,
  predecessors,
}: {
  current: Record<string, unknown>;
  predecessors: { value: string; label: string }[];
}) {
  const t = useTranslations();
  const format = useFormatter();
  const day = (k: string) => (isIsoDay(current[k]) ? formatDay(format, current[k], "—", "long") : "—");
  const predecessor = predecessors.find((p) => p.value === current.predecessorId)?.label ?? "—";
  return (
    <div className="rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900">
      <p>{t("planAdmin.conflictDetail")}</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
        <dt>{t("planAdmin.title")}</dt>
        <dd>
          <AllTexts value={current.title} />
        </dd>
        <dt>{t("planAdmin.description")}</dt>
        <dd className="whitespace-pre-line">
          <AllTexts value={current.description} />
        </dd>
        <dt>{t("planAdmin.startDate")}</dt>
        <dd>{day("startDate")}</dd>
        <dt>{t("planAdmin.endDate")}</dt>
        <dd>{day("endDate")}</dd>
        <dt>{t("planAdmin.status")}</dt>
        <dd>{t(`planStatus.${String(current.status)}`)}</dd>
        <dt>{t("planAdmin.predecessor")}</dt>
        <dd>{predecessor}</dd>
      </dl>
    </div>
  );
}
