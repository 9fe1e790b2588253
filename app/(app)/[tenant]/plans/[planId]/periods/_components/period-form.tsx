"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createPeriodAction, updatePeriodAction } from "@/lib/actions/periods";
import type { Texts } from "@/lib/domain/texts";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";
import { TextsField, typedOrSaved } from "@/components/ui/texts-field";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";

const DAYS = ["startDate", "endDate", "opensOn", "dueDate", "locksOn"] as const;
type Day = (typeof DAYS)[number];

export interface PeriodFormValues extends Record<Day, string> {
  id: string;
  version: number;
  label: Texts;
}

/**
 * Adds a period by hand, or edits one over the version it was loaded with. Every rule the days
 * break (their order, the plan's dates, another period's days) comes back at once.
 */
export function PeriodForm({
  tenant,
  planId,
  period,
  base,
}: {
  tenant: string;
  /** The plan a new period is added to (not needed to edit one). */
  planId?: string;
  period?: PeriodFormValues;
  /** The periods page: where an edit goes back to once saved. */
  base: string;
}) {
  const t = useTranslations("periods.form");
  const router = useRouter();
  const [state, action, pending] = useActionState(period ? updatePeriodAction : createPeriodAction, null);
  const failed = state && !state.ok ? state : null;
  const posted = failed?.values;
  const saved = state?.ok ? state.data?.id : undefined;
  useEffect(() => {
    if (saved && period) router.push(base);
  }, [saved, period, router, base]);
  const day = (k: Day) => (posted?.[k] as string | undefined) ?? period?.[k] ?? "";
  const current = failed?.current;
  // A new period's form starts empty again once added; a refused one keeps what was typed.
  const stamp = JSON.stringify(posted ?? (period ? "" : (saved ?? state?.ok ?? "")));
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={stamp}>
      <input type="hidden" name="tenant" value={tenant} />
      <ErrorSummary errors={failed?.fieldErrors} />
      <UnsavedChanges initiallyDirty={Boolean(failed)} />
      {period ? (
        <>
          <input type="hidden" name="periodId" value={period.id} />
          {/* After a conflict the form keeps what was typed and carries the newer version: saving again is deliberate. */}
          <input type="hidden" name="version" value={Number(current?.version ?? period.version)} />
        </>
      ) : (
        <input type="hidden" name="planId" value={planId} />
      )}
      <TextsField
        label={t("label")}
        name="label"
        required
        maxLength={120}
        hint={t("labelHint")}
        value={typedOrSaved(posted, "label", period?.label)}
        errors={failed?.fieldErrors}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {DAYS.map((k) => (
          <TextField
            key={k}
            label={t(k)}
            name={k}
            type="date"
            required
            defaultValue={day(k)}
            error={failed?.fieldErrors?.[k]}
          />
        ))}
      </div>
      <FormStatus state={state} />
      {current && (
        <div role="note" className="rounded border border-amber-600 bg-amber-50 p-3 text-sm">
          <p className="font-medium">{t("conflict")}</p>
          <ul className="mt-1 list-disc pl-5">
            {DAYS.map((k) => (
              <li key={k}>
                {t(k)}: {String(current[k] ?? "")}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Button disabled={pending} className="self-start">
        {period ? t("save") : t("add")}
      </Button>
    </form>
  );
}
