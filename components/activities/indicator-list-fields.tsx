"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { IndicatorFields } from "./indicator-fields";
import { rowCount, subErrors, subValues, type Errors, type Values } from "./form-values";
import { useRows } from "./use-rows";

/**
 * Several indicators inside the new-activity form, added and removed freely; each is posted as
 * indicators.<n>.<field> and created with the activity in one transaction.
 */
export function IndicatorListFields({ values, errors }: { values: Values; errors: Errors }) {
  const t = useTranslations("activityForm");
  const { rows, add, remove } = useRows(rowCount(values, "indicators."));
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-lg font-semibold">{t("indicatorsTitle")}</legend>
      <p className="text-sm text-slate-700">{t("indicatorsHint")}</p>
      {rows.length === 0 && <p className="text-sm text-slate-700">{t("noIndicators")}</p>}
      {rows.map((row, i) => (
        <section
          key={row.key}
          aria-labelledby={`indicator-${row.key}`}
          className="flex flex-col gap-3 rounded-md border border-slate-300 bg-slate-50 p-3"
        >
          <div className="flex items-center justify-between gap-2">
            <h3 id={`indicator-${row.key}`} className="font-medium">
              {t("indicatorN", { n: i + 1 })}
            </h3>
            <Button type="button" variant="ghost" onClick={() => remove(row.key)}>
              {t("removeIndicator", { n: i + 1 })}
            </Button>
          </div>
          <IndicatorFields
            prefix={`indicators.${i}.`}
            values={row.from >= 0 ? subValues(values, `indicators.${row.from}.`) : {}}
            errors={subErrors(errors, `indicators.${i}.`)}
          />
        </section>
      ))}
      <div>
        <Button type="button" variant="secondary" onClick={add}>
          {t("addIndicator")}
        </Button>
      </div>
    </fieldset>
  );
}
