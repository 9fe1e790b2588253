"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { approveSelectedAction } from "@/lib/actions/review";
import { Button } from "@/components/ui/button";
import { useMessage } from "@/components/ui/message";
import { BULK_FORM_ID } from "@/lib/validation/review";

/**
 * "Approve selected": the rows' checkboxes belong to this form (form="approve-selected"), so the
 * table can sit between them. Says how many were approved and which were skipped, and why.
 */
export function BulkApprove({ tenant, reasons }: { tenant: string; reasons: Record<string, string> }) {
  const t = useTranslations("review.bulk");
  const message = useMessage();
  const [state, action, pending] = useActionState(approveSelectedAction, null);
  const skipped = state?.ok ? (state.data?.skipped ?? []) : [];
  const failedField = state && !state.ok ? state.fieldErrors?.selected : undefined;
  return (
    <form
      id={BULK_FORM_ID}
      action={action}
      aria-labelledby="bulk-title"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="bulk-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p id="bulk-hint" className="text-sm text-slate-700">
        {t("hint")}
      </p>
      <input type="hidden" name="tenant" value={tenant} />
      <div>
        <Button disabled={pending} aria-describedby="bulk-hint">
          {t("submit")}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {state && (
          <p className={state.ok && (state.data?.approved ?? 0) > 0 ? "text-green-800" : "text-red-800"}>
            {failedField ? message(failedField) : message(state.message)}
          </p>
        )}
        {skipped.length > 0 && (
          <ul className="mt-1 list-disc pl-5 text-slate-800">
            {skipped.map((s) => (
              <li key={s.id}>{t("skipped", { code: s.code ?? "—", reason: reasons[s.reason] ?? s.reason })}</li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}
