"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeExceptionAction } from "@/lib/actions/periods";
import { Button } from "@/components/ui/button";
import { useMessage } from "@/components/ui/message";

/** Ends an exception before its day, after asking. */
export function RevokeException({ tenant, exceptionId, name }: { tenant: string; exceptionId: string; name: string }) {
  const t = useTranslations("periods.exceptions");
  const message = useMessage();
  const [state, action, pending] = useActionState(revokeExceptionAction, null);
  return (
    <form
      action={action}
      className="inline-flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        if (!window.confirm(t("revokeConfirm", { name }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="exceptionId" value={exceptionId} />
      <Button variant="danger" disabled={pending} className="px-2 py-0.5">
        {t("revoke")}
        <span className="sr-only"> {name}</span>
      </Button>
      {state && !state.ok && (
        <span role="status" className="text-xs text-red-800">
          {message(state.message)}
        </span>
      )}
    </form>
  );
}
