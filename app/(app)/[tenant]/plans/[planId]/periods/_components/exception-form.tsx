"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { grantExceptionAction } from "@/lib/actions/periods";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";

type Choice = { value: string; label: string };

/** Opens a period's lock for one agency or one activity until a day, with a reason. */
export function ExceptionForm({
  tenant,
  periods,
  agencies,
  activities,
}: {
  tenant: string;
  periods: Choice[];
  agencies: Choice[];
  activities: Choice[];
}) {
  const t = useTranslations("periods.exceptions");
  const [state, action, pending] = useActionState(grantExceptionAction, null);
  const failed = state && !state.ok ? state : null;
  const posted = failed?.values;
  const [scope, setScope] = useState<"agency" | "activity">(posted?.scope === "activity" ? "activity" : "agency");
  const value = (k: string) => (posted?.[k] as string | undefined) ?? "";
  const stamp = JSON.stringify(posted ?? (state?.ok ? "granted" : ""));
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={stamp}>
      <input type="hidden" name="tenant" value={tenant} />
      <ErrorSummary errors={failed?.fieldErrors} />
      <UnsavedChanges initiallyDirty={Boolean(failed)} />
      <SelectField
        label={t("period")}
        name="periodId"
        defaultValue={value("periodId") || periods[periods.length - 1]?.value}
        options={periods}
        error={failed?.fieldErrors?.periodId}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t("scope")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-1">
          {(["agency", "activity"] as const).map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
              {t(s === "agency" ? "scopeAgency" : "scopeActivity")}
            </label>
          ))}
        </div>
      </fieldset>
      {scope === "agency" ? (
        <SelectField
          label={t("agency")}
          name="agencyId"
          defaultValue={value("agencyId")}
          options={[{ value: "", label: t("chooseAgency") }, ...agencies]}
          error={failed?.fieldErrors?.agencyId}
        />
      ) : (
        <SelectField
          label={t("activity")}
          name="activityId"
          defaultValue={value("activityId")}
          options={[{ value: "", label: t("chooseActivity") }, ...activities]}
          error={failed?.fieldErrors?.activityId}
        />
      )}
      <TextField
        label={t("until")}
        name="until"
        type="date"
        required
        defaultValue={value("until")}
        error={failed?.fieldErrors?.until}
      />
      <TextAreaField
        label={t("reason")}
        name="reason"
        required
        rows={2}
        maxLength={1000}
        defaultValue={value("reason")}
        error={failed?.fieldErrors?.reason}
      />
      <FormStatus state={state} />
      <Button disabled={pending} className="self-start">
        {t("grant")}
      </Button>
    </form>
  );
}
