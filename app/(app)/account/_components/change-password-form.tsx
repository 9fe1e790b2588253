"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/actions/auth";
import { NewPasswordField } from "@/components/account/new-password-field";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/message";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";

export function ChangePasswordForm({ name, email }: { name: string; email: string }) {
  const t = useTranslations("account");
  const router = useRouter();
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const failed = state && !state.ok ? state : null;
  // The other sessions were just ended: show the session list without them.
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ErrorSummary errors={failed?.fieldErrors} />
      {/* Passwords never come back after a refusal: nothing typed is left to lose. */}
      <UnsavedChanges />
      {/* For password managers: whose password this is. Not sent. */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label={t("currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={failed?.fieldErrors?.currentPassword}
      />
      <NewPasswordField
        label={t("newPassword")}
        name="newPassword"
        error={failed?.fieldErrors?.newPassword}
        userInputs={{ name, email }}
      />
      <TextField
        label={t("confirmPassword")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={failed?.fieldErrors?.confirmPassword}
      />
      <FormStatus state={state} />
      <Button disabled={pending} className="self-start">
        {t("changePassword")}
      </Button>
    </form>
  );
}
