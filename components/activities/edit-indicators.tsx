import { getFormatter, getTranslations } from "next-intl/server";
import type { IndicatorForEdit } from "@/lib/domain/types/indicators";
import { textOf, type Reading } from "@/lib/domain/texts";
import { ArchiveIndicatorButton } from "./archive-indicator-button";
import { indicatorValues } from "./form-props";
import { IndicatorForm } from "./indicator-form";

/** The edit page's indicators: each one opens into its own form (own version, own reason), plus one to add. */
export async function EditIndicators({
  tenant,
  activityId,
  indicators,
  reading,
}: {
  tenant: string;
  activityId: string;
  indicators: IndicatorForEdit[];
  reading: Reading;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const amount = (v: string | null, unit: IndicatorForEdit["unit"]) => {
    if (v === null) return t("indicatorForm.notSet");
    if (unit === "YES_NO") return v === "1" ? t("indicatorForm.yes") : t("indicatorForm.no");
    return unit === "PERCENT" ? `${format.number(Number(v))} %` : format.number(Number(v));
  };
  return (
    <section
      aria-labelledby="indicators-title"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="indicators-title" className="text-lg font-semibold">
        {t("activityForm.indicatorsTitle")}
      </h2>
      {indicators.length === 0 && <p className="text-sm text-slate-700">{t("activityForm.noIndicators")}</p>}
      <ul className="flex flex-col gap-2">
        {indicators.map((i) => {
          const name = textOf(i.name, reading);
          return (
            <li
              key={i.id}
              className={`rounded-md border border-slate-300 ${i.archived ? "bg-slate-100 text-slate-700" : "bg-slate-50"}`}
            >
              <details>
                <summary className="cursor-pointer px-3 py-2 text-sm">
                  {t("indicatorForm.summary", {
                    name,
                    baseline: amount(i.baseline, i.unit),
                    target: amount(i.target, i.unit),
                  })}
                  {i.archived && (
                    <span className="ml-2 rounded border border-slate-400 px-1 text-xs">
                      {t("indicatorForm.archived")}
                    </span>
                  )}
                </summary>
                <div className="flex flex-col gap-4 border-t border-slate-200 p-3">
                  {!i.archived && (
                    <IndicatorForm
                      tenant={tenant}
                      activityId={activityId}
                      indicator={{ id: i.id, version: i.version, values: indicatorValues(i) }}
                    />
                  )}
                  <ArchiveIndicatorButton tenant={tenant} indicator={{ id: i.id, name, archived: i.archived }} />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
      <details className="rounded-md border border-dashed border-slate-400 p-3">
        <summary className="cursor-pointer font-medium text-brand-700">{t("indicatorForm.addTitle")}</summary>
        <div className="mt-3">
          <IndicatorForm tenant={tenant} activityId={activityId} />
        </div>
      </details>
    </section>
  );
}
