"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/lib/actions/auth";
import { NewPasswordField } from "@/components/account/new-password-field";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";

/** On success the action signs the person in and goes to the start page. */
export function ResetPasswordForm({ token, email, name }: { token: string; email: string; name: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: whose password this is. Not sent. */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordField
        label={t("account.newPassword")}
        name="newPassword"
        error={failed?.fieldErrors?.newPassword}
        userInputs={{ name, email }}
      />
      <TextField
        label={t("account.confirmPassword")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={failed?.fieldErrors?.confirmPassword}
      />
      <FormStatus state={failed} />
      <Button disabled={pending}>{t("passwordReset.submit")}</Button>
    </form>
  );
}
