"use client";

import { useTranslations } from "next-intl";
import type { MessageRef } from "@/lib/domain/errors";
import { SelectField, TextField } from "@/components/ui/field";
import { text, type ReportIndicator, type Values } from "./report-values";

type Errors = Record<string, MessageRef>;

/**
 * One value per indicator, labelled by its name, with a hint saying its unit, its target and what
 * to enter (the total so far, or this period's figure only); for a percentage also its numerator and
 * denominator; for a broken-down one a cell per category and a note for when the cells do not
 * add up. Names and categories travel in hidden fields (they may hold any character).
 */
export function IndicatorInputs({
  indicators,
  values,
  errors,
}: {
  indicators: ReportIndicator[];
  values: Values;
  errors: Errors;
}) {
  const t = useTranslations("progress.form");
  const tUnits = useTranslations("activityPage.indicators.units");
  if (indicators.length === 0) return <p className="text-sm text-slate-700">{t("noIndicators")}</p>;
  return (
    <div className="flex flex-col gap-4">
      {indicators.map((ind, i) => {
        const at = (f: string) => `values.${i}.${f}`;
        const unit = ind.unitLabel || tUnits(ind.unit);
        // What to enter matters as much as the unit: a per-period figure entered as a total (or the
        // reverse) would be counted wrongly, so every indicator says which it wants.
        const hint = `${t("unitHint", { unit, target: ind.target === null ? "—" : String(ind.target) })} ${t(
          ind.valueKind === "PER_PERIOD" ? "enterPeriodOnly" : "enterTotal",
        )}`;
        return (
          <div key={ind.id} className="flex flex-col gap-2 border-t border-slate-200 pt-3 first:border-t-0 first:pt-0">
            <input type="hidden" name={at("indicatorId")} value={ind.id} />
            {ind.unit === "YES_NO" ? (
              <SelectField
                label={ind.label}
                name={at("value")}
                defaultValue={text(values, at("value"))}
                error={errors[at("value")]}
                hint={hint}
                options={[
                  { value: "", label: t("notGiven") },
                  { value: "1", label: t("yes") },
                  { value: "0", label: t("no") },
                ]}
              />
            ) : (
              <TextField
                label={ind.label}
                name={at("value")}
                inputMode="decimal"
                autoComplete="off"
                defaultValue={text(values, at("value"))}
                error={errors[at("value")]}
                hint={hint}
              />
            )}
            {ind.unit === "PERCENT" && (
              <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
                <p className="text-xs text-slate-600 sm:col-span-2">{t("percentParts")}</p>
                <TextField
                  label={t("numerator")}
                  group={ind.label}
                  name={at("numerator")}
                  inputMode="decimal"
                  autoComplete="off"
                  defaultValue={text(values, at("numerator"))}
                  error={errors[at("numerator")]}
                />
                <TextField
                  label={t("denominator")}
                  group={ind.label}
                  name={at("denominator")}
                  inputMode="decimal"
                  autoComplete="off"
                  defaultValue={text(values, at("denominator"))}
                  error={errors[at("denominator")]}
                />
              </div>
            )}
            {ind.disaggregation.map((d, di) => (
              <fieldset key={d.dimension} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
                <legend className="px-1 text-sm font-medium text-slate-800">
                  {ind.label}: {t("cells", { dimension: d.dimension })}
                </legend>
                <input type="hidden" name={at(`breakdown.${di}.dimension`)} value={d.dimension} />
                <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
                  {d.categories.map((c, ci) => (
                    <div key={c}>
                      <input type="hidden" name={at(`breakdown.${di}.cells.${ci}.category`)} value={c} />
                      <TextField
                        label={c}
                        group={`${ind.label}, ${d.dimension}`}
                        name={at(`breakdown.${di}.cells.${ci}.value`)}
                        inputMode="decimal"
                        autoComplete="off"
                        defaultValue={text(values, at(`breakdown.${di}.cells.${ci}.value`))}
                        error={errors[at(`breakdown.${di}.cells.${ci}.value`)]}
                      />
                    </div>
                  ))}
                </div>
              </fieldset>
            ))}
            {ind.disaggregation.length > 0 && (
              <TextField
                label={t("cellsNote")}
                group={ind.label}
                name={at("note")}
                defaultValue={text(values, at("note"))}
                error={errors[at("note")]}
                hint={t("cellsNoteHint")}
                maxLength={1000}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
