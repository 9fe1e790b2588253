"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeHandoverAction } from "@/lib/actions/handovers";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/message";

export function RevokeHandoverButton({
  tenant,
  handoverId,
  from,
  to,
}: {
  tenant: string;
  handoverId: string;
  from: string;
  to: string;
}) {
  const t = useTranslations("handover");
  const [state, action, pending] = useActionState(revokeHandoverAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="handoverId" value={handoverId} />
      <Button variant="secondary" disabled={pending} className="px-2 py-1" aria-label={t("revokeFrom", { from, to })}>
        {t("revoke")}
      </Button>
      {state && !state.ok && <FormStatus state={state} />}
    </form>
  );
}
