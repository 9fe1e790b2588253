"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { markReadAction } from "@/lib/actions/notifications";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/message";

/** Marks one notification read, or all of them when no id is given. */
export function MarkReadButton({ tenant, notificationId }: { tenant: string; notificationId?: string }) {
  const t = useTranslations("notifications");
  const [state, action, pending] = useActionState(markReadAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="tenant" value={tenant} />
      {notificationId && <input type="hidden" name="notificationId" value={notificationId} />}
      <Button variant={notificationId ? "ghost" : "secondary"} disabled={pending} className="px-2 py-1">
        {notificationId ? t("markRead") : t("markAllRead")}
      </Button>
      {!notificationId && <FormStatus state={state} />}
    </form>
  );
}
