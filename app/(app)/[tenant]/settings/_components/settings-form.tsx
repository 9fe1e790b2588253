"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { updateTenantSettingsAction } from "@/lib/actions/tenants";
import { CONTENT_LANGUAGES, CONTENT_LANGUAGE_NAMES, type ContentLanguage, type Texts } from "@/lib/domain/texts";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus, useMessage } from "@/components/ui/message";
import { TextsField, typedOrSaved } from "@/components/ui/texts-field";

interface Props {
  tenant: string;
  name: Texts;
  /** The saved content languages, the default first. */
  languages: ContentLanguage[];
  /** Updates need the lead agency's sign-off before review. */
  agencySignOff: boolean;
}

/** The country's name per language, the default content language and the others forms offer. */
export function SettingsForm({ tenant, name, languages, agencySignOff }: Props) {
  const t = useTranslations("settings");
  const tp = useTranslations("periods.signOff");
  const message = useMessage();
  const [state, action, pending] = useActionState(updateTenantSettingsAction, null);
  const failed = state && !state.ok ? state : null;
  const posted = failed?.values;
  const [defaultLanguage, setDefault] = useState<ContentLanguage>(
    (posted?.defaultLanguage as ContentLanguage | undefined) ?? languages[0],
  );
  const others = posted ? [posted.otherLanguages ?? []].flat() : languages.slice(1);
  const signOff = posted ? Boolean(posted.agencySignOff) : agencySignOff;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={JSON.stringify(posted ?? "")}>
      <input type="hidden" name="tenant" value={tenant} />
      <ErrorSummary errors={failed?.fieldErrors} />
      <TextsField
        label={t("name")}
        name="name"
        languages={[...new Set([defaultLanguage, ...languages])]}
        required
        maxLength={120}
        value={typedOrSaved(posted, "name", name)}
        errors={failed?.fieldErrors}
      />
      <SelectField
        label={t("defaultLanguage")}
        name="defaultLanguage"
        hint={t("defaultLanguageHint")}
        value={defaultLanguage}
        onChange={(e) => setDefault(e.target.value as ContentLanguage)}
        options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: CONTENT_LANGUAGE_NAMES[l] }))}
        error={failed?.fieldErrors?.defaultLanguage}
      />
      <fieldset className="flex flex-col gap-2" aria-describedby="other-languages-hint">
        <legend className="text-sm font-medium text-slate-800">{t("otherLanguages")}</legend>
        <p id="other-languages-hint" className="text-xs text-slate-600">
          {t("otherLanguagesHint")}
        </p>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {CONTENT_LANGUAGES.filter((l) => l !== defaultLanguage).map((l) => (
            <label key={l} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="otherLanguages" value={l} defaultChecked={others.includes(l)} />
              <span lang={l}>{CONTENT_LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
        </div>
        {failed?.fieldErrors?.otherLanguages && (
          <p className="text-sm text-red-800">{message(failed.fieldErrors.otherLanguages)}</p>
        )}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label className="flex items-start gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            name="agencySignOff"
            defaultChecked={signOff}
            aria-describedby="agency-sign-off-hint"
            className="mt-0.5"
          />
          <span>{tp("label")}</span>
        </label>
        <p id="agency-sign-off-hint" className="text-xs text-slate-600">
          {tp("hint")}
        </p>
      </div>
      <FormStatus state={state} />
      <Button disabled={pending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}
