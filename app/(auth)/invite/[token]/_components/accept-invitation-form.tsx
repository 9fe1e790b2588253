"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { acceptInvitationAction } from "@/lib/actions/auth";
import { NewPasswordField } from "@/components/account/new-password-field";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";

export function AcceptInvitationForm({
  token,
  email,
  hasAccount,
}: {
  token: string;
  email: string;
  hasAccount: boolean;
}) {
  const t = useTranslations("invite");
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  const failed = state && !state.ok ? state : null;
  // The strength hint compares the password with the name being typed.
  const [name, setName] = useState("");
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
          onChange={(e) => setName(e.target.value)}
          error={failed?.fieldErrors?.name}
        />
      )}
      {hasAccount ? (
        <TextField
          label={t("currentPassword")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={failed?.fieldErrors?.password}
        />
      ) : (
        <NewPasswordField
          label={t("newPassword")}
          name="password"
          hint={t("passwordHint")}
          error={failed?.fieldErrors?.password}
          userInputs={{ name, email }}
        />
      )}
      <FormStatus state={failed} />
      <Button disabled={pending}>{t("accept")}</Button>
    </form>
  );
}
