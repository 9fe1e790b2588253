"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { inviteMemberAction } from "@/lib/actions/members";
import { ROLES } from "@/lib/domain/enums";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/message";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";
import { InvitationLink } from "@/components/layout/invitation-link";

export function InviteForm({ tenant, agencies }: { tenant: string; agencies: { value: string; label: string }[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(inviteMemberAction, null);
  const failed = state && !state.ok ? state : null;
  const [role, setRole] = useState<string>((failed?.values?.role as string) ?? "VIEWER");
  const created = state?.ok ? state.data : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ErrorSummary errors={failed?.fieldErrors} />
      <UnsavedChanges initiallyDirty={Boolean(failed)} />
      <input type="hidden" name="tenant" value={tenant} />
      <TextField
        label={t("members.email")}
        name="email"
        type="email"
        required
        defaultValue={(failed?.values?.email as string) ?? ""}
        key={`e-${failed?.values?.email ?? created?.email ?? ""}`}
        error={failed?.fieldErrors?.email}
      />
      <SelectField
        label={t("members.role")}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value)}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        error={failed?.fieldErrors?.role}
      />
      {role === "FOCAL_POINT" && (
        <SelectField
          label={t("members.agency")}
          name="agencyId"
          defaultValue={(failed?.values?.agencyId as string) ?? ""}
          options={[{ value: "", label: t("members.chooseAgency") }, ...agencies]}
          error={failed?.fieldErrors?.agencyId}
        />
      )}
      <FormStatus state={failed} />
      {created && <InvitationLink link={created.link} email={created.email} />}
      <Button disabled={pending}>{t("members.invite")}</Button>
    </form>
  );
}
