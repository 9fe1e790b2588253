"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { closePeriodAction, deletePeriodAction, reopenPeriodAction } from "@/lib/actions/periods";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";

const REASON_MAX = 1000;

/** Locks the period now, before its lock day, with a reason the audit log keeps. */
export function ClosePeriodForm({ tenant, periodId }: { tenant: string; periodId: string }) {
  const t = useTranslations("periods.lock");
  const [state, action, pending] = useActionState(closePeriodAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={JSON.stringify(failed?.values ?? "")}>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="periodId" value={periodId} />
      <p className="text-sm text-slate-700">{t("closeHint")}</p>
      <ErrorSummary errors={failed?.fieldErrors} />
      <TextAreaField
        label={t("reason")}
        name="reason"
        required
        rows={2}
        maxLength={REASON_MAX}
        defaultValue={(failed?.values?.reason as string | undefined) ?? ""}
        error={failed?.fieldErrors?.reason}
      />
      <FormStatus state={state} />
      <Button variant="secondary" disabled={pending} className="self-start">
        {t("close")}
      </Button>
    </form>
  );
}

/** Opens a locked period again for everyone until a day, with a reason. */
export function ReopenPeriodForm({ tenant, periodId }: { tenant: string; periodId: string }) {
  const t = useTranslations("periods.lock");
  const [state, action, pending] = useActionState(reopenPeriodAction, null);
  const failed = state && !state.ok ? state : null;
  const posted = failed?.values;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={JSON.stringify(posted ?? "")}>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="periodId" value={periodId} />
      <p className="text-sm text-slate-700">{t("reopenHint")}</p>
      <ErrorSummary errors={failed?.fieldErrors} />
      <TextField
        label={t("until")}
        name="until"
        type="date"
        required
        defaultValue={(posted?.until as string | undefined) ?? ""}
        error={failed?.fieldErrors?.until}
      />
      <TextAreaField
        label={t("reason")}
        name="reason"
        required
        rows={2}
        maxLength={REASON_MAX}
        defaultValue={(posted?.reason as string | undefined) ?? ""}
        error={failed?.fieldErrors?.reason}
      />
      <FormStatus state={state} />
      <Button variant="secondary" disabled={pending} className="self-start">
        {t("reopen")}
      </Button>
    </form>
  );
}

/** Deletes a period with no update, after asking; then back to the list. */
export function DeletePeriodForm({
  tenant,
  periodId,
  label,
  base,
}: {
  tenant: string;
  periodId: string;
  label: string;
  base: string;
}) {
  const t = useTranslations("periods.lock");
  const router = useRouter();
  const [state, action, pending] = useActionState(deletePeriodAction, null);
  const done = Boolean(state?.ok);
  useEffect(() => {
    if (done) router.push(base);
  }, [done, router, base]);
  return (
    <form
      action={action}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        if (!window.confirm(t("deleteConfirm", { label }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="periodId" value={periodId} />
      <Button variant="danger" disabled={pending || done} className="self-start">
        {t("delete")}
        <span className="sr-only"> {label}</span>
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
