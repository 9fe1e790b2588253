"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createAgencyAction, updateAgencyAction } from "@/lib/actions/agencies";
import { AGENCY_KINDS } from "@/lib/domain/enums";
import { Button } from "@/components/ui/button";
import type { Texts } from "@/lib/domain/texts";
import { SelectField } from "@/components/ui/field";
import { AllTexts } from "@/components/ui/text";
import { TextsField, typedOrSaved } from "@/components/ui/texts-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/message";

interface Props {
  tenant: string;
  agency?: { id: string; version: number; name: Texts; shortName: Texts; kind: string };
}

/** Creates an agency, or edits one over the version it was loaded with. */
export function AgencyForm({ tenant, agency }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(agency ? updateAgencyAction : createAgencyAction, null);
  const failed = state && !state.ok ? state : null;
  const kind = (failed?.values?.kind as string | undefined) ?? agency?.kind ?? "";
  const stamp = JSON.stringify(failed?.values ?? state?.ok ?? "");
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={stamp}>
      <input type="hidden" name="tenant" value={tenant} />
      <ErrorSummary errors={failed?.fieldErrors} />
      {agency && <input type="hidden" name="agencyId" value={agency.id} />}
      {/* After a conflict the form keeps what was typed and carries the newer version: saving again is a deliberate choice. */}
      {agency && <input type="hidden" name="version" value={Number(failed?.current?.version ?? agency.version)} />}
      <TextsField
        label={t("agencies.name")}
        name="name"
        required
        maxLength={200}
        value={typedOrSaved(failed?.values, "name", agency?.name)}
        errors={failed?.fieldErrors}
      />
      <TextsField
        label={t("agencies.shortName")}
        name="shortName"
        maxLength={40}
        value={typedOrSaved(failed?.values, "shortName", agency?.shortName)}
        errors={failed?.fieldErrors}
      />
      <SelectField
        label={t("agencies.kind")}
        name="kind"
        defaultValue={kind || "MINISTRY"}
        options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencyKind.${k}`) }))}
        error={failed?.fieldErrors?.kind}
      />
      <FormStatus state={state} />
      {failed?.current && (
        <div className="rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900">
          <p>{t("agencies.conflictDetail")}</p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
            <dt>{t("agencies.name")}</dt>
            <dd>
              <AllTexts value={failed.current.name} />
            </dd>
            <dt>{t("agencies.shortName")}</dt>
            <dd>
              <AllTexts value={failed.current.shortName} />
            </dd>
            <dt>{t("agencies.kind")}</dt>
            <dd>{t(`agencyKind.${String(failed.current.kind)}`)}</dd>
          </dl>
        </div>
      )}
      <Button disabled={pending}>{agency ? t("common.save") : t("agencies.create")}</Button>
    </form>
  );
}
