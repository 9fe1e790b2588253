"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { generatePeriodsAction } from "@/lib/actions/periods";
import { CADENCES, DEFAULT_PERIOD_RULES } from "@/lib/domain/periods";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";

const RULES = ["opensBeforeEnd", "dueAfterEnd", "graceDays"] as const;

/** Cuts the plan into periods of a cadence, with the days reporting opens, is due and locks counted from each period's end. */
export function GenerateForm({ tenant, planId }: { tenant: string; planId: string }) {
  const t = useTranslations("periods.generate");
  const [state, action, pending] = useActionState(generatePeriodsAction, null);
  const failed = state && !state.ok ? state : null;
  const posted = failed?.values;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={JSON.stringify(posted ?? "")}>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="planId" value={planId} />
      <ErrorSummary errors={failed?.fieldErrors} />
      <SelectField
        label={t("cadence")}
        name="cadence"
        defaultValue={(posted?.cadence as string | undefined) ?? "quarterly"}
        options={CADENCES.map((c) => ({ value: c, label: t(`cadences.${c}`) }))}
        error={failed?.fieldErrors?.cadence}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">{t("rules")}</legend>
        <p className="text-xs text-slate-600">{t("rulesHint")}</p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          {RULES.map((rule) => (
            <TextField
              key={rule}
              label={t(rule)}
              name={rule}
              type="number"
              inputMode="numeric"
              min={0}
              max={366}
              step={1}
              defaultValue={(posted?.[rule] as string | undefined) ?? String(DEFAULT_PERIOD_RULES[rule])}
              error={failed?.fieldErrors?.[rule]}
            />
          ))}
        </div>
      </fieldset>
      <FormStatus state={state} />
      <Button disabled={pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
