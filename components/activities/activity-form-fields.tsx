"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/result";
import type { SaveResult } from "@/lib/domain/types/activities";
import {
  ACTIVITY_REASON_FIELDS,
  changesNeedingReason,
  checkActivityConsistency,
  checkActivityDates,
  checkIndicatorValues,
} from "@/lib/domain/activity-rules";
import { isChildCode, normaliseCode } from "@/lib/domain/codes";
import { ACTIVITY_STATUSES } from "@/lib/domain/enums";
import { CreateActivitySchema, UpdateActivitySchema } from "@/lib/validation/activities";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { TextsField } from "@/components/ui/texts-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { UnsavedChanges } from "@/components/ui/unsaved-changes";
import { FormStatus } from "@/components/ui/message";
import { StickyBar } from "@/components/ui/sticky-bar";
import { CodeField } from "./code-field";
import { DateWarnings, useDay } from "./date-warnings";
import { list, text, validateForm, type Errors, type Values } from "./form-values";
import { IndicatorListFields } from "./indicator-list-fields";
import { PartnerChecklist, type AgencyOption } from "./partner-checklist";

export interface ActivityFormProps {
  tenant: string;
  plan: { id: string; startDate: string; endDate: string };
  objectives: { id: string; code: string; label: string; nextCode: string }[];
  agencies: AgencyOption[];
  /** Where the fields start: the saved activity, or a new one's defaults. */
  values: Values;
  /** When editing: what was loaded, to tell which changes need a reason. */
  activity?: {
    id: string;
    version: number;
    code: string;
    plannedStart: string | null;
    plannedEnd: string | null;
    leadAgencyId: string | null;
  };
}

interface Props extends ActivityFormProps {
  action: (formData: FormData) => void;
  pending: boolean;
  state: ActionState<SaveResult>;
  serverErrors: Errors;
  version?: number;
}

const section = "flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
const legend = "px-1 text-lg font-semibold";

/** Every field of the activity form; remounted with each server answer (see ActivityForm). */
export function ActivityFormFields({
  tenant,
  plan,
  objectives,
  agencies,
  values,
  activity,
  action,
  pending,
  state,
  serverErrors,
  version,
}: Props) {
  const t = useTranslations();
  const day = useDay();
  const [clientErrors, setClientErrors] = useState<Errors | null>(null);
  const errors = clientErrors ?? serverErrors;
  const [objectiveId, setObjectiveId] = useState(text(values, "objectiveId") || objectives[0]?.id || "");
  const objective = objectives.find((o) => o.id === objectiveId);
  const [code, setCode] = useState(text(values, "code") || (activity ? "" : (objective?.nextCode ?? "")));
  const [lead, setLead] = useState(text(values, "leadAgencyId"));
  const [dates, setDates] = useState({
    plannedStart: text(values, "plannedStart") || null,
    plannedEnd: text(values, "plannedEnd") || null,
  });
  const warnings = checkActivityDates(dates, plan).warnings;
  const loaded = activity && {
    plannedStart: activity.plannedStart,
    plannedEnd: activity.plannedEnd,
    leadAgencyId: activity.leadAgencyId,
  };
  const reasonFor = loaded
    ? changesNeedingReason(loaded, { ...dates, leadAgencyId: lead || null }, ACTIVITY_REASON_FIELDS)
    : [];
  const askReason = reasonFor.length > 0 || Boolean(errors.reason) || Boolean(text(values, "reason"));

  function chooseObjective(id: string) {
    // A code still following the old objective's suggestion follows the new one.
    const old = objectives.find((o) => o.id === objectiveId);
    if (!activity && (!code || normaliseCode(code) === old?.nextCode))
      setCode(objectives.find((o) => o.id === id)?.nextCode ?? "");
    setObjectiveId(id);
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const form = e.currentTarget;
    const found = activity
      ? validateForm(form, UpdateActivitySchema, (a) => ({
          ...rules(a),
          ...(reasonFor.length && !a.reason ? { reason: { key: "activityForm.validation.reasonRequired" } } : {}),
        }))
      : validateForm(form, CreateActivitySchema, (a) => ({ ...rules(a), ...indicatorRules(a.indicators) }));
    setClientErrors(found);
    // The error summary at the top takes the focus and links to each field.
    if (found) e.preventDefault();
  }

  function rules(a: Parameters<typeof checkActivityConsistency>[0] & { code: string; objectiveId: string }): Errors {
    const parent = objectives.find((o) => o.id === a.objectiveId);
    const errors: Errors = checkActivityConsistency(a);
    if (parent && !isChildCode(a.code, parent.code))
      errors.code = { key: "activityForm.validation.codeNotUnderObjective", values: { objective: parent.code } };
    return errors;
  }

  const status = clientErrors ? { ok: false, message: { key: "errors.invalidInput" } } : state;
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ErrorSummary errors={errors} />
      <UnsavedChanges initiallyDirty={Object.keys(serverErrors).length > 0} />
      <input type="hidden" name="tenant" value={tenant} />
      {activity ? (
        <input type="hidden" name="activityId" value={activity.id} />
      ) : (
        <input type="hidden" name="planId" value={plan.id} />
      )}
      {/* After a conflict the form carries the newer version: saving again is a deliberate choice. */}
      {version !== undefined && <input type="hidden" name="version" value={version} />}

      <fieldset className={section}>
        <legend className={legend}>{t("activityForm.sectionWhat")}</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr]">
          <SelectField
            label={t("activityForm.objective")}
            name="objectiveId"
            value={objectiveId}
            onChange={(e) => chooseObjective(e.target.value)}
            error={errors.objectiveId}
            options={objectives.map((o) => ({ value: o.id, label: o.label }))}
          />
          <CodeField
            tenant={tenant}
            planId={plan.id}
            activityId={activity?.id}
            code={code}
            onChange={setCode}
            ownCode={activity?.code}
            error={errors.code}
          />
        </div>
        <TextsField
          label={t("activityForm.title")}
          name="title"
          required
          maxLength={500}
          value={(lang) => text(values, `title.${lang}`)}
          errors={errors}
        />
        <TextsField
          label={t("activityForm.description")}
          name="description"
          multiline
          maxLength={5000}
          value={(lang) => text(values, `description.${lang}`)}
          errors={errors}
        />
        <TextsField
          label={t("activityForm.expectedResults")}
          name="expectedResults"
          multiline
          maxLength={5000}
          value={(lang) => text(values, `expectedResults.${lang}`)}
          errors={errors}
        />
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{t("activityForm.sectionWho")}</legend>
        <SelectField
          label={t("activityForm.leadAgency")}
          name="leadAgencyId"
          value={lead}
          onChange={(e) => setLead(e.target.value)}
          error={errors.leadAgencyId}
          options={[
            { value: "", label: t("activityForm.noLead") },
            ...agencies.map((a) => ({
              value: a.id,
              label: a.archived ? t("activityForm.archivedAgency", { name: a.label }) : a.label,
            })),
          ]}
        />
        <PartnerChecklist
          agencies={agencies}
          selected={list(values, "partnerAgencyIds")}
          leadAgencyId={lead}
          error={errors.partnerAgencyIds}
        />
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{t("activityForm.sectionWhen")}</legend>
        <p className="text-sm text-slate-700">
          {t("activityForm.planPeriod", { start: day(plan.startDate), end: day(plan.endDate) })}
        </p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {(["plannedStart", "plannedEnd"] as const).map((f) => (
            <TextField
              key={f}
              type="date"
              label={t(`activityForm.${f}`)}
              name={f}
              defaultValue={text(values, f)}
              error={errors[f]}
              onChange={(e) => setDates((d) => ({ ...d, [f]: e.target.value || null }))}
            />
          ))}
        </div>
        <div aria-live="polite">
          <DateWarnings warnings={warnings} plan={plan} />
        </div>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_8rem_2fr]">
          <TextField
            label={t("activityForm.budget")}
            name="budget"
            inputMode="decimal"
            defaultValue={text(values, "budget")}
            hint={t("activityForm.budgetHint")}
            error={errors.budget}
          />
          <TextField
            label={t("activityForm.currency")}
            name="currency"
            maxLength={3}
            defaultValue={text(values, "currency")}
            hint={t("activityForm.currencyHint")}
            error={errors.currency}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm uppercase aria-[invalid=true]:border-red-700"
          />
          <TextsField
            label={t("activityForm.fundingSource")}
            name="fundingSource"
            maxLength={300}
            value={(lang) => text(values, `fundingSource.${lang}`)}
            hint={t("activityForm.fundingSourceHint")}
            errors={errors}
          />
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{t("activityForm.sectionProgress")}</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <SelectField
            label={t("activityForm.status")}
            name="status"
            defaultValue={text(values, "status") || "NOT_STARTED"}
            error={errors.status}
            options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activityStatus.${s}`) }))}
          />
          <TextField
            label={t("activityForm.percentComplete")}
            name="percentComplete"
            type="number"
            min={0}
            max={100}
            step={1}
            defaultValue={text(values, "percentComplete") || "0"}
            hint={t("activityForm.percentHint")}
            error={errors.percentComplete}
          />
        </div>
      </fieldset>

      {!activity && (
        <div className={section}>
          <IndicatorListFields values={values} errors={errors} />
        </div>
      )}

      {askReason && (
        <div className="rounded-lg border border-amber-600 bg-amber-50 p-4">
          <TextAreaField
            label={t("activityForm.reason")}
            name="reason"
            required
            defaultValue={text(values, "reason")}
            hint={t("activityForm.reasonHint")}
            error={errors.reason}
          />
        </div>
      )}

      <StickyBar>
        <FormStatus state={status} />
        <div className="flex flex-wrap items-center gap-4">
          <Button disabled={pending}>
            {pending ? t("activityForm.saving") : activity ? t("activityForm.save") : t("activityForm.create")}
          </Button>
          {/* Leaves the form: asks first about unsaved changes, like any other way out. */}
          <Link
            href={activity ? `/${tenant}/activities/${activity.id}` : `/${tenant}/plans/${plan.id}`}
            data-leaves-form=""
            className="text-sm text-brand-700 underline"
          >
            {t("ui.form.cancel")}
          </Link>
        </div>
      </StickyBar>
    </form>
  );
}

function indicatorRules(indicators: Parameters<typeof checkIndicatorValues>[0][]): Errors {
  return Object.assign(
    {},
    ...indicators.map((i, n) =>
      Object.fromEntries(Object.entries(checkIndicatorValues(i)).map(([k, v]) => [`indicators.${n}.${k}`, v])),
    ),
  );
}
