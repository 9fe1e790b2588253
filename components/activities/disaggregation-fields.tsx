"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useMessage } from "@/components/ui/message";
import { rowCount, subErrors, text, type Errors, type Values } from "./form-values";
import { useRows } from "./use-rows";

/**
 * The dimensions an indicator is broken down by ("sex": female, male), as rows the user adds and
 * removes. Posted as <prefix>disaggregation.<n>.dimension and .categories (comma-separated).
 */
export function DisaggregationFields({ prefix, values, errors }: { prefix: string; values: Values; errors: Errors }) {
  const t = useTranslations("indicatorForm");
  const message = useMessage();
  const { rows, add, remove } = useRows(rowCount(values, "disaggregation."));
  const own = subErrors(errors, "disaggregation.");
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">{t("disaggregation")}</legend>
      <p className="text-xs text-slate-600">{t("disaggregationHint")}</p>
      {errors.disaggregation && <p className="text-sm text-red-800">{message(errors.disaggregation)}</p>}
      {rows.map((row, i) => {
        const at = (f: string) => (row.from >= 0 ? text(values, `disaggregation.${row.from}.${f}`) : "");
        // Names, and so errors, follow the row's current position.
        const err = (f: string) => own[`${i}.${f}`];
        return (
          <div key={row.key} className="grid grid-cols-1 items-end gap-2 sm:grid-cols-[1fr_2fr_auto]">
            <TextField
              label={t("dimension", { n: i + 1 })}
              name={`${prefix}disaggregation.${i}.dimension`}
              defaultValue={at("dimension")}
              error={err("dimension")}
            />
            <TextField
              label={t("categories", { n: i + 1 })}
              name={`${prefix}disaggregation.${i}.categories`}
              defaultValue={at("categories")}
              hint={t("categoriesHint")}
              error={err("categories")}
            />
            <Button type="button" variant="ghost" onClick={() => remove(row.key)}>
              {t("removeDimension", { n: i + 1 })}
            </Button>
          </div>
        );
      })}
      <div>
        <Button type="button" variant="secondary" onClick={add}>
          {t("addDimension")}
        </Button>
      </div>
    </fieldset>
  );
}
