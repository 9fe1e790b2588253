"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createObjectiveAction, updateObjectiveAction } from "@/lib/actions/structure";
import { isValidObjectiveCode, normaliseCode } from "@/lib/domain/codes";
import { Button } from "@/components/ui/button";
import type { Texts } from "@/lib/domain/texts";
import { SelectField } from "@/components/ui/field";
import { AllTexts } from "@/components/ui/text";
import { TextsField, typedOrSaved } from "@/components/ui/texts-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/message";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";
import { CodeField } from "./code-field";

export interface ObjectiveValues {
  id: string;
  version: number;
  sectionId: string;
  code: string;
  title: Texts;
}

interface Props {
  tenant: string;
  sectionId: string;
  objective?: ObjectiveValues;
  suggestedCode?: string;
  /** Codes of the plan's other objectives: codes are unique within a plan. */
  takenCodes: string[];
  /** The plan's sections, when editing: an objective may move to another one. */
  sections?: { value: string; label: string }[];
}

type Field = "code" | "title" | "sectionId";

/** Adds an objective to a section, or edits one (code, titles, section) over its loaded version. */
export function ObjectiveForm({ tenant, sectionId, objective, suggestedCode = "", takenCodes, sections }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(objective ? updateObjectiveAction : createObjectiveAction, null);
  const failed = state && !state.ok ? state : null;
  const value = (k: Field) => (failed?.values?.[k] as string | undefined) ?? String(objective?.[k] ?? "");
  // A new key after each outcome re-mounts the fields: typed values after a failure, a fresh form after adding.
  const stamp = JSON.stringify(failed?.values ?? (state?.ok ? (state.data ?? true) : ""));
  const taken = new Set(takenCodes.map(normaliseCode));
  const check = (code: string) =>
    !isValidObjectiveCode(code)
      ? { key: "structure.validation.objectiveCode" }
      : taken.has(normaliseCode(code))
        ? { key: "structure.validation.objectiveCodeTaken" }
        : null;
  const current = failed?.current;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={stamp}>
      <ErrorSummary errors={failed?.fieldErrors} />
      <UnsavedChanges initiallyDirty={Boolean(failed)} />
      <input type="hidden" name="tenant" value={tenant} />
      {objective ? (
        <input type="hidden" name="objectiveId" value={objective.id} />
      ) : (
        <input type="hidden" name="sectionId" value={sectionId} />
      )}
      {objective && <input type="hidden" name="version" value={Number(current?.version ?? objective.version)} />}
      <CodeField
        label={t("structure.objectiveCode")}
        name="code"
        required
        defaultValue={value("code") || suggestedCode}
        hint={t("structure.objectiveCodeHint")}
        serverError={failed?.fieldErrors?.code}
        check={check}
      />
      <TextsField
        label={t("structure.title")}
        name="title"
        required
        maxLength={500}
        value={typedOrSaved(failed?.values, "title", objective?.title)}
        errors={failed?.fieldErrors}
      />
      {objective && sections && (
        <SelectField
          label={t("structure.section")}
          name="sectionId"
          defaultValue={value("sectionId")}
          options={sections}
          error={failed?.fieldErrors?.sectionId}
        />
      )}
      <FormStatus state={state} />
      {current && (
        <div className="rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900">
          <p>{t("structure.conflictDetail")}</p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
            <dt>{t("structure.objectiveCode")}</dt>
            <dd>{String(current.code ?? "")}</dd>
            <dt>{t("structure.title")}</dt>
            <dd>
              <AllTexts value={current.title} />
            </dd>
            {sections && (
              <>
                <dt>{t("structure.section")}</dt>
                <dd>{sections.find((s) => s.value === current.sectionId)?.label ?? "—"}</dd>
              </>
            )}
          </dl>
        </div>
      )}
      <Button disabled={pending} className="self-start">
        {objective ? t("common.save") : t("structure.addObjective")}
      </Button>
    </form>
  );
}
