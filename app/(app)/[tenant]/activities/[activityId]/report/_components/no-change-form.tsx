"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { carryForwardAction } from "@/lib/actions/progress";
import { NARRATIVE_MAX } from "@/lib/validation/progress";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/message";
import { TextsField, typedOrSaved } from "@/components/ui/texts-field";

/** "No change this period": the previous approved figures carried forward, with a required note. */
export function NoChangeForm({
  tenant,
  activityId,
  periodId,
  version,
}: {
  tenant: string;
  activityId: string;
  periodId: string;
  version: number | null;
}) {
  const t = useTranslations("progress.noChange");
  const [state, action, pending] = useActionState(carryForwardAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer text-base font-semibold">{t("title")}</summary>
      <form action={action} className="mt-3 flex flex-col gap-3">
        <p className="text-sm text-slate-700">{t("text")}</p>
        <input type="hidden" name="tenant" value={tenant} />
        <input type="hidden" name="activityId" value={activityId} />
        <input type="hidden" name="periodId" value={periodId} />
        <input type="hidden" name="version" value={version ?? ""} />
        <TextsField
          key={JSON.stringify(failed?.values ?? "")}
          label={t("note")}
          name="note"
          multiline
          rows={2}
          required
          maxLength={NARRATIVE_MAX}
          value={typedOrSaved(failed?.values, "note", undefined)}
          errors={failed?.fieldErrors}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("button")}
          </Button>
        </div>
        <FormStatus state={state} />
      </form>
    </details>
  );
}
