"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { setFocalPointRoleAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { useMessage } from "@/components/ui/message";

/**
 * A focal point's role for their agency: primary (signs off, gets the reminders first) or
 * alternate. For tenant administrators on the members page; render it for FOCAL_POINT members only.
 */
export function FocalPointRole({
  tenant,
  membershipId,
  name,
  primary,
}: {
  tenant: string;
  membershipId: string;
  name: string;
  primary: boolean;
}) {
  const t = useTranslations("focalPoint");
  const message = useMessage();
  const [state, action, pending] = useActionState(setFocalPointRoleAction, null);
  const id = useId();
  return (
    <form action={action} className="mt-2 flex flex-wrap items-center gap-2">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <label className="sr-only" htmlFor={`${id}-role`}>
        {t("label", { name })}
      </label>
      <select
        id={`${id}-role`}
        name="role"
        defaultValue={primary ? "primary" : "alternate"}
        aria-describedby={`${id}-status`}
        className="max-w-56 rounded border border-slate-400 bg-white px-2 py-1 text-sm"
      >
        <option value="primary">{t("primary")}</option>
        <option value="alternate">{t("alternate")}</option>
      </select>
      <Button variant="secondary" disabled={pending} className="px-2 py-1" aria-label={`${t("save")}: ${name}`}>
        {t("save")}
      </Button>
      <p
        id={`${id}-status`}
        aria-live="polite"
        className={`w-full text-xs ${state?.ok ? "text-green-800" : "text-red-800"}`}
      >
        {state ? message(state.message) : ""}
      </p>
    </form>
  );
}
