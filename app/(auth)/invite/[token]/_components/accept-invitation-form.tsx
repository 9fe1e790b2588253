"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { acceptInvitationAction } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";

export function AcceptInvitationForm({ token, email, hasAccount }: { token: string; email: string; hasAccount: boolean }) {
  const t = useTranslations("invite");
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="hasAccount" value={hasAccount ? "yes" : "no"} />
      <TextField label={t("email")} name="emailShown" type="email" value={email} readOnly autoComplete="username" />
      {hasAccount ? (
        <p className="text-sm text-slate-700">{t("existingAccount")}</p>
      ) : (
        <TextField
          label={t("name")}
          name="name"
          autoComplete="name"
          required
          defaultValue={(failed?.values?.name as string) ?? ""}
          key={`name-${(failed?.values?.name as string) ?? ""}`}
          error={failed?.fieldErrors?.name}
        />
      )}
      <TextField
        label={hasAccount ? t("currentPassword") : t("newPassword")}
        name="password"
        type="password"
        autoComplete={hasAccount ? "current-password" : "new-password"}
        required
        hint={hasAccount ? undefined : t("passwordHint")}
        error={failed?.fieldErrors?.password}
      />
      <FormStatus state={failed} />
      <Button disabled={pending}>{t("accept")}</Button>
    </form>
  );
}
