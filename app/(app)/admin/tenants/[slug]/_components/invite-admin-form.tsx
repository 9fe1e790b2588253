"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { inviteTenantAdminAction } from "@/lib/actions/tenants";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/message";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";
import { InvitationLink } from "@/components/layout/invitation-link";

/** One more administrator for a tenant: the link to send them appears once made. */
export function InviteAdminForm({ slug }: { slug: string }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(inviteTenantAdminAction, null);
  const failed = state && !state.ok ? state : null;
  const made = state?.ok ? state.data : undefined;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={made?.email ?? "form"}>
      <ErrorSummary errors={failed?.fieldErrors} />
      <UnsavedChanges initiallyDirty={Boolean(failed)} />
      <input type="hidden" name="slug" value={slug} />
      <TextField
        label={t("adminEmailMore")}
        name="adminEmail"
        type="email"
        required
        defaultValue={(failed?.values?.adminEmail as string | undefined) ?? ""}
        error={failed?.fieldErrors?.adminEmail}
      />
      <FormStatus state={failed} />
      {made && <InvitationLink link={made.link} email={made.email} />}
      <Button disabled={pending} className="self-start">
        {t("inviteAdmin")}
      </Button>
    </form>
  );
}
