"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(signInAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <TextField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={(failed?.values?.email as string) ?? ""}
        key={`email-${(failed?.values?.email as string) ?? ""}`}
        error={failed?.fieldErrors?.email}
      />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={failed?.fieldErrors?.password}
      />
      <FormStatus state={failed} />
      <Button disabled={pending}>{pending ? t("signingIn") : t("signIn")}</Button>
    </form>
  );
}
