"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createTenantAction } from "@/lib/actions/tenants";
import { Button } from "@/components/ui/button";
import { DEFAULT_CONTENT_LANGUAGES } from "@/lib/domain/texts";
import { SelectField, TextField } from "@/components/ui/field";
import { TextsField } from "@/components/ui/texts-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/message";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";
import { InvitationLink } from "@/components/layout/invitation-link";
import { LOCALES, LOCALE_NAMES } from "@/i18n/locales";

export function CreateTenantForm() {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(createTenantAction, null);
  const failed = state && !state.ok ? state : null;
  const v = (k: string) => (failed?.values?.[k] as string) ?? "";
  const created = state?.ok ? state.data : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={created?.slug ?? "form"}>
      <ErrorSummary errors={failed?.fieldErrors} />
      <UnsavedChanges initiallyDirty={Boolean(failed)} />
      <TextsField
        label={t("name")}
        name="name"
        languages={DEFAULT_CONTENT_LANGUAGES}
        required
        maxLength={120}
        value={(lang) => v(`name.${lang}`)}
        errors={failed?.fieldErrors}
      />
      <TextField
        label={t("slug")}
        name="slug"
        required
        hint={t("slugHint")}
        defaultValue={v("slug")}
        key={`s-${v("slug")}`}
        error={failed?.fieldErrors?.slug}
      />
      <TextField
        label={t("country")}
        name="countryCode"
        required
        maxLength={2}
        hint={t("countryHint")}
        defaultValue={v("countryCode")}
        key={`c-${v("countryCode")}`}
        error={failed?.fieldErrors?.countryCode}
      />
      <SelectField
        label={t("defaultLocale")}
        name="defaultLocale"
        defaultValue={v("defaultLocale") || "en"}
        options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
      />
      <TextField
        label={t("adminEmail")}
        name="adminEmail"
        type="email"
        required
        defaultValue={v("adminEmail")}
        key={`e-${v("adminEmail")}`}
        error={failed?.fieldErrors?.adminEmail}
      />
      <FormStatus state={failed} />
      {created && <InvitationLink link={created.link} email={created.email} />}
      <Button disabled={pending}>{t("create")}</Button>
    </form>
  );
}
