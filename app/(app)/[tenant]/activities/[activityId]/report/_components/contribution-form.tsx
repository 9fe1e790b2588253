"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveContributionAction } from "@/lib/actions/progress";
import type { Texts } from "@/lib/domain/texts";
import { NARRATIVE_MAX } from "@/lib/validation/progress";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/message";
import { TextsField, typedOrSaved } from "@/components/ui/texts-field";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";
import { EvidenceInput } from "./evidence-input";

/** A partner agency's focal point: the agency's note and files on the lead agency's update. */
export function ContributionForm({
  tenant,
  activityId,
  periodId,
  version,
  note,
}: {
  tenant: string;
  activityId: string;
  periodId: string;
  version: number | null;
  note: Texts | undefined;
}) {
  const t = useTranslations("progress.contribution");
  const [state, action, pending] = useActionState(saveContributionAction, null);
  const failed = state && !state.ok ? state : null;
  const savedVersion = state?.ok ? state.data?.version : undefined;
  const current = failed?.current && typeof failed.current.version === "number" ? failed.current.version : undefined;
  const v = Math.max(version ?? 0, savedVersion ?? 0, current ?? 0) || null;
  return (
    <section
      aria-labelledby="contribution-title"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="contribution-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("text")}</p>
      <form action={action} noValidate className="flex flex-col gap-3">
        <ErrorSummary errors={failed?.fieldErrors} />
        <UnsavedChanges initiallyDirty={Boolean(failed?.values)} />
        <input type="hidden" name="tenant" value={tenant} />
        <input type="hidden" name="activityId" value={activityId} />
        <input type="hidden" name="periodId" value={periodId} />
        <input type="hidden" name="version" value={v ?? ""} />
        <div key={JSON.stringify(failed?.values ?? "")} className="flex flex-col gap-3">
          <TextsField
            label={t("note")}
            name="note"
            multiline
            rows={4}
            maxLength={NARRATIVE_MAX}
            value={typedOrSaved(failed?.values, "note", note)}
            errors={failed?.fieldErrors}
          />
          <EvidenceInput error={failed?.fieldErrors?.evidence} />
        </div>
        <div>
          <Button type="submit" disabled={pending}>
            {t("save")}
          </Button>
        </div>
        <FormStatus state={state} />
      </form>
    </section>
  );
}
