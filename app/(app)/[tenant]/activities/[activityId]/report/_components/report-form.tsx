"use client";

import { useActionState, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { saveReportAction } from "@/lib/actions/progress";
import { ACTIVITY_STATUSES } from "@/lib/domain/enums";
import type { MessageRef } from "@/lib/domain/errors";
import { checkIndicatorValue } from "@/lib/domain/progress";
import { fieldErrorsFrom, formDataToObject, unflatten } from "@/lib/validation/form";
import { IndicatorValueSchema, NARRATIVE_MAX, ReportFieldsSchema } from "@/lib/validation/progress";
import { withDottedFields } from "@/lib/validation/form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";
import { TextsField, typedOrSaved } from "@/components/ui/texts-field";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";
import { UpdateConflict } from "@/components/reporting/update-conflict";
import { EvidenceInput } from "./evidence-input";
import { IndicatorInputs } from "./indicator-inputs";
import { text, type ReportIndicator, type Values } from "./report-values";
import { useDraftOnLeave } from "./use-draft-on-leave";

type Errors = Record<string, MessageRef>;

export interface ReportFormProps {
  tenant: string;
  activityId: string;
  periodId: string;
  /** The update's version as loaded; null when there is none yet. */
  version: number | null;
  values: Values;
  indicators: ReportIndicator[];
  canSubmit: boolean;
}

const FieldsSchema = withDottedFields(ReportFieldsSchema);

/** The schema's errors and the indicators' rules, all at once, before anything is sent. */
function validate(form: HTMLFormElement, indicators: ReportIndicator[]): Errors | null {
  const raw = formDataToObject(new FormData(form));
  const parsed = FieldsSchema.safeParse(raw);
  const errors: Errors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const posted = (unflatten(raw).values as unknown[] | undefined) ?? [];
  posted.forEach((v, i) => {
    const value = IndicatorValueSchema.safeParse(v);
    const indicator = indicators[i];
    if (!value.success || !indicator) return;
    for (const [k, e] of Object.entries(checkIndicatorValue(indicator, value.data, i).errors)) errors[k] ??= e;
  });
  return Object.keys(errors).length ? errors : null;
}

const section = "flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

/**
 * The focal point's update for one activity and period: saved as a draft (explicitly, and when
 * the page is left), or submitted for review. A refused save brings back what was typed; a stale
 * version shows the other person's values beside these.
 */
export function ReportForm(props: ReportFormProps) {
  const { tenant, activityId, periodId, indicators, canSubmit } = props;
  const t = useTranslations("progress.form");
  const tStatus = useTranslations("activityStatus");
  const [state, action, pending] = useActionState(saveReportAction, null);
  const [clientErrors, setClientErrors] = useState<Errors | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const draft = useDraftOnLeave(form, `/${tenant}/activities/${activityId}/report/draft`, pending);

  const failed = state && !state.ok ? state : null;
  const conflict = failed?.current && typeof failed.current.version === "number" ? failed.current : null;
  const okVersion = state?.ok ? state.data?.version : undefined;
  // Versions only grow: the newest one seen (loaded, saved here, saved on leaving, or the other person's).
  const version =
    Math.max(props.version ?? 0, okVersion ?? 0, Number(conflict?.version ?? 0), draft.savedVersion ?? 0) || null;
  const values = failed?.values ?? props.values;
  const errors = clientErrors ?? failed?.fieldErrors ?? {};
  // A new refusal remounts the fields, so they start from what the server echoed back.
  const stamp = JSON.stringify(failed?.values ?? "") + String(conflict?.version ?? "");

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const found = validate(e.currentTarget, indicators);
    setClientErrors(found);
    if (found) e.preventDefault();
  }

  return (
    <div className="flex flex-col gap-4">
      {conflict && failed?.values && (
        <UpdateConflict
          current={conflict}
          mine={failed.values}
          indicators={indicators}
          reloadHref={`/${tenant}/activities/${activityId}/report?period=${periodId}`}
          hadFiles
        />
      )}
      <form ref={form} action={action} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <ErrorSummary errors={errors} />
        <UnsavedChanges initiallyDirty={Boolean(failed?.values)} />
        <input type="hidden" name="tenant" value={tenant} />
        <input type="hidden" name="activityId" value={activityId} />
        <input type="hidden" name="periodId" value={periodId} />
        <input type="hidden" name="version" value={version ?? ""} />
        <div key={stamp} className="flex flex-col gap-4">
          <fieldset className={section}>
            <legend className="px-1 text-lg font-semibold">{t("title")}</legend>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <SelectField
                label={t("status")}
                name="activityStatus"
                defaultValue={text(values, "activityStatus")}
                error={errors.activityStatus}
                options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))}
              />
              <TextField
                label={t("percentComplete")}
                name="percentComplete"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={text(values, "percentComplete")}
                error={errors.percentComplete}
                hint={t("percentHint")}
              />
            </div>
            {(["achievements", "challenges", "nextSteps"] as const).map((name) => (
              <TextsField
                key={name}
                label={t(name)}
                name={name}
                multiline
                rows={4}
                maxLength={NARRATIVE_MAX}
                value={typedOrSaved(values, name, undefined)}
                errors={errors}
              />
            ))}
          </fieldset>
          <fieldset className={section}>
            <legend className="px-1 text-lg font-semibold">{t("indicatorsTitle")}</legend>
            <IndicatorInputs indicators={indicators} values={values} errors={errors} />
          </fieldset>
          <div className={section}>
            <EvidenceInput error={errors.evidence} />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
            {t("saveDraft")}
          </Button>
          {canSubmit && (
            <Button type="submit" name="intent" value="submit" disabled={pending}>
              {t("submit")}
            </Button>
          )}
          {pending && <span className="text-sm text-slate-700">{t("saving")}</span>}
        </div>
        <FormStatus state={clientErrors ? { ok: false, message: { key: "errors.invalidInput" } } : state} />
        {draft.failed && <p className="text-sm text-red-800">{t("autosaveFailed")}</p>}
      </form>
    </div>
  );
}
