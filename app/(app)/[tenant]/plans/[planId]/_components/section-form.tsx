"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createSectionAction, updateSectionAction } from "@/lib/actions/structure";
import { isValidSectionCode, normaliseCode } from "@/lib/domain/codes";
import { PILLARS } from "@/lib/domain/enums";
import { Button } from "@/components/ui/button";
import type { Texts } from "@/lib/domain/texts";
import { SelectField } from "@/components/ui/field";
import { AllTexts } from "@/components/ui/text";
import { TextsField, typedOrSaved } from "@/components/ui/texts-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/message";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";
import { CodeField } from "./code-field";

export interface SectionValues {
  id: string;
  version: number;
  code: string;
  title: Texts;
  pillar: string | null;
}

interface Props {
  tenant: string;
  planId: string;
  section?: SectionValues;
  suggestedCode: string;
  /** Codes of the plan's other sections, for the as-you-type check. */
  takenCodes: string[];
}

type Field = "code" | "title" | "pillar";

/** Adds a section at the end of the plan, or renames one (code, titles, pillar) over its loaded version. */
export function SectionForm({ tenant, planId, section, suggestedCode, takenCodes }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(section ? updateSectionAction : createSectionAction, null);
  const failed = state && !state.ok ? state : null;
  const value = (k: Field) => (failed?.values?.[k] as string | undefined) ?? String(section?.[k] ?? "");
  // A new key after each outcome re-mounts the fields: typed values after a failure, a fresh form after adding.
  const stamp = JSON.stringify(failed?.values ?? (state?.ok ? (state.data ?? true) : ""));
  const taken = new Set(takenCodes.map(normaliseCode));
  const check = (code: string) =>
    !isValidSectionCode(code)
      ? { key: "structure.validation.sectionCode" }
      : taken.has(normaliseCode(code))
        ? { key: "structure.validation.sectionCodeTaken" }
        : null;
  const current = failed?.current;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={stamp}>
      <ErrorSummary errors={failed?.fieldErrors} />
      <UnsavedChanges initiallyDirty={Boolean(failed)} />
      <input type="hidden" name="tenant" value={tenant} />
      {section ? (
        <input type="hidden" name="sectionId" value={section.id} />
      ) : (
        <input type="hidden" name="planId" value={planId} />
      )}
      {section && <input type="hidden" name="version" value={Number(current?.version ?? section.version)} />}
      <CodeField
        label={t("structure.sectionCode")}
        name="code"
        required={Boolean(section)}
        defaultValue={value("code")}
        placeholder={section ? undefined : suggestedCode}
        hint={section ? undefined : t("structure.sectionCodeHint", { code: suggestedCode })}
        serverError={failed?.fieldErrors?.code}
        check={check}
      />
      <TextsField
        label={t("structure.title")}
        name="title"
        required
        maxLength={300}
        value={typedOrSaved(failed?.values, "title", section?.title)}
        errors={failed?.fieldErrors}
      />
      <SelectField
        label={t("structure.pillar")}
        name="pillar"
        defaultValue={value("pillar")}
        hint={t("structure.pillarHint")}
        options={[
          { value: "", label: t("pillars.none") },
          ...PILLARS.map((p) => ({ value: p, label: t(`pillars.${p}`) })),
        ]}
        error={failed?.fieldErrors?.pillar}
      />
      <FormStatus state={state} />
      {current && (
        <div className="rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900">
          <p>{t("structure.conflictDetail")}</p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
            <dt>{t("structure.sectionCode")}</dt>
            <dd>{String(current.code ?? "")}</dd>
            <dt>{t("structure.title")}</dt>
            <dd>
              <AllTexts value={current.title} />
            </dd>
            <dt>{t("structure.pillar")}</dt>
            <dd>{current.pillar ? t(`pillars.${String(current.pillar)}`) : t("pillars.none")}</dd>
          </dl>
        </div>
      )}
      <Button disabled={pending} className="self-start">
        {section ? t("common.save") : t("structure.addSection")}
      </Button>
    </form>
  );
}
