"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createPlanAction, updatePlanAction } from "@/lib/actions/plans";
import type { PlanStatus } from "@/lib/domain/enums";
import { INITIAL_PLAN_STATUSES, planStatusChoices } from "@/lib/domain/plan-status";
import { planDatesError } from "@/lib/validation/plans";
import { Button } from "@/components/ui/button";
import type { Texts } from "@/lib/domain/texts";
import { SelectField, TextField } from "@/components/ui/field";
import { TextsField, typedOrSaved } from "@/components/ui/texts-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";
import { FormStatus } from "@/components/ui/message";
import { PlanConflict } from "./plan-conflict";

export interface PlanFormValues {
  id: string;
  version: number;
  title: Texts;
  description: Texts;
  startDate: string;
  endDate: string;
  status: PlanStatus;
  predecessorId: string | null;
}

type Field = "startDate" | "endDate" | "status" | "predecessorId";

interface Props {
  tenant: string;
  plan?: PlanFormValues;
  /** Plans this one may follow, labelled in the reader's language (the plan itself left out). */
  predecessors: { value: string; label: string }[];
}

/** Creates a plan, or edits one over the version it was loaded with; opens the plan when saved. */
export function PlanForm({ tenant, plan, predecessors }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [state, action, pending] = useActionState(plan ? updatePlanAction : createPlanAction, null);
  const failed = state && !state.ok ? state : null;
  const value = (k: Field) => (failed?.values?.[k] as string | undefined) ?? String(plan?.[k] ?? "");
  const stamp = JSON.stringify(failed?.values ?? "");
  const savedId = state?.ok ? state.data?.id : undefined;
  useEffect(() => {
    if (savedId) router.push(`/${tenant}/plans/${savedId}`);
  }, [savedId, router, tenant]);
  // After a conflict, the choices follow the status as it is now saved.
  const statuses = plan
    ? planStatusChoices((failed?.current?.status as PlanStatus | undefined) ?? plan.status)
    : INITIAL_PLAN_STATUSES;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={stamp}>
      <input type="hidden" name="tenant" value={tenant} />
      <ErrorSummary errors={failed?.fieldErrors} />
      <UnsavedChanges initiallyDirty={Boolean(failed)} />
      {plan && <input type="hidden" name="planId" value={plan.id} />}
      {/* After a conflict the form keeps what was typed and carries the newer version: saving again is deliberate. */}
      {plan && <input type="hidden" name="version" value={Number(failed?.current?.version ?? plan.version)} />}
      <TextsField
        label={t("planAdmin.title")}
        name="title"
        required
        maxLength={300}
        value={typedOrSaved(failed?.values, "title", plan?.title)}
        errors={failed?.fieldErrors}
      />
      <TextsField
        label={t("planAdmin.description")}
        name="description"
        multiline
        rows={4}
        maxLength={5000}
        value={typedOrSaved(failed?.values, "description", plan?.description)}
        errors={failed?.fieldErrors}
      />
      <PlanDates start={value("startDate")} end={value("endDate")} errors={failed?.fieldErrors} />
      <SelectField
        label={t("planAdmin.status")}
        name="status"
        defaultValue={value("status") || statuses[0]}
        hint={t("planAdmin.statusHint")}
        options={statuses.map((s) => ({ value: s, label: t(`planStatus.${s}`) }))}
        error={failed?.fieldErrors?.status}
      />
      <SelectField
        label={t("planAdmin.predecessor")}
        name="predecessorId"
        defaultValue={value("predecessorId")}
        options={[{ value: "", label: t("planAdmin.noPredecessor") }, ...predecessors]}
        error={failed?.fieldErrors?.predecessorId}
      />
      <FormStatus state={state} />
      {failed?.current && <PlanConflict current={failed.current} predecessors={predecessors} />}
      <Button disabled={pending || Boolean(savedId)}>{plan ? t("common.save") : t("planAdmin.create")}</Button>
    </form>
  );
}

/** Start and end, with "end after start" checked as you type and shown next to the end field. */
function PlanDates({ start, end, errors }: { start: string; end: string; errors?: Record<string, { key: string }> }) {
  const t = useTranslations("planAdmin");
  const [dates, setDates] = useState({ start, end });
  const live = planDatesError(dates.start, dates.end);
  // The server's message stays until the dates it was about are changed.
  const endError = live ?? (dates.start === start && dates.end === end ? errors?.endDate : undefined);
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <TextField
        label={t("startDate")}
        name="startDate"
        type="date"
        required
        value={dates.start}
        onChange={(e) => setDates((d) => ({ ...d, start: e.target.value }))}
        error={errors?.startDate}
      />
      <TextField
        label={t("endDate")}
        name="endDate"
        type="date"
        required
        value={dates.end}
        onChange={(e) => setDates((d) => ({ ...d, end: e.target.value }))}
        error={endError ?? undefined}
      />
    </div>
  );
}
