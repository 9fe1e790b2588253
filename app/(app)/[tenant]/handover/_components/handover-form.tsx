"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createHandoverAction } from "@/lib/actions/handovers";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";

export function HandoverForm({
  tenant,
  colleagues,
  today,
}: {
  tenant: string;
  colleagues: { id: string; name: string }[];
  today: string;
}) {
  const t = useTranslations("handover");
  const [state, action, pending] = useActionState(createHandoverAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="tenant" value={tenant} />
      <ErrorSummary errors={failed?.fieldErrors} />
      <SelectField
        label={t("colleague")}
        name="toUserId"
        required
        defaultValue={(failed?.values?.toUserId as string) ?? ""}
        key={`c-${failed?.values?.toUserId ?? ""}-${state?.ok ? "ok" : ""}`}
        options={[
          { value: "", label: t("chooseColleague") },
          ...colleagues.map((c) => ({ value: c.id, label: c.name })),
        ]}
        error={failed?.fieldErrors?.toUserId}
      />
      <TextField
        label={t("until")}
        name="until"
        type="date"
        required
        min={today}
        defaultValue={(failed?.values?.until as string) ?? ""}
        key={`u-${failed?.values?.until ?? ""}-${state?.ok ? "ok" : ""}`}
        error={failed?.fieldErrors?.until}
      />
      <FormStatus state={state} />
      <div>
        <Button disabled={pending}>{t("create")}</Button>
      </div>
    </form>
  );
}
