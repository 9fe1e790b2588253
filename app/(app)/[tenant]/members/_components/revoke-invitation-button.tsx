"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeInvitationAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";

export function RevokeInvitationButton({ tenant, invitationId }: { tenant: string; invitationId: string }) {
  const t = useTranslations("members");
  const [, action, pending] = useActionState(revokeInvitationAction, null);
  return (
    <form action={action} className="ml-auto">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button variant="ghost" disabled={pending} className="px-2 py-1">
        {t("revoke")}
      </Button>
    </form>
  );
}
