"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { createIndicatorAction, updateIndicatorAction } from "@/lib/actions/indicators";
import { INDICATOR_REASON_FIELDS, changesNeedingReason, checkIndicatorValues } from "@/lib/domain/activity-rules";
import { CreateIndicatorSchema, UpdateIndicatorSchema } from "@/lib/validation/activities";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";
import { ErrorSummary } from "@/components/ui/error-summary";
import { ConflictView, plainValue, asConflict, type ConflictRow } from "./conflict-view";
import { text, validateForm, type Errors, type Values } from "./form-values";
import { IndicatorFields } from "./indicator-fields";

interface Props {
  tenant: string;
  activityId: string;
  /** Absent: the form adds a new indicator to the activity. */
  indicator?: { id: string; version: number; values: Values };
}

const FIELDS = [
  "name",
  "unit",
  "unitLabel",
  "baseline",
  "baselineYear",
  "baselineSource",
  "target",
  "targetYear",
  "direction",
  "valueKind",
  "disaggregation",
];

/** One indicator of an activity, added or edited over its version; moving a set target asks why. */
export function IndicatorForm({ tenant, activityId, indicator }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(indicator ? updateIndicatorAction : createIndicatorAction, null);
  const failed = state && !state.ok ? state : null;
  const conflict = asConflict(failed?.current);
  const version = conflict?.version ?? indicator?.version;
  const stamp = JSON.stringify(failed?.values ?? "") + String(version) + (state?.ok ? JSON.stringify(state.data) : "");
  const rows: ConflictRow[] = FIELDS.map((field) => ({
    field,
    label: t(`indicatorForm.${field}`),
    show: (v) => showValue(field, v, t),
  }));
  return (
    <div className="flex flex-col gap-3">
      {conflict && failed?.values && (
        <ConflictView
          conflict={conflict}
          mine={failed.values}
          rows={rows}
          reloadHref={`/${tenant}/activities/${activityId}/edit`}
        />
      )}
      <IndicatorFormFields
        key={stamp}
        tenant={tenant}
        activityId={activityId}
        indicator={indicator}
        version={version}
        action={action}
        pending={pending}
        state={state}
        values={failed?.values ?? indicator?.values ?? {}}
        serverErrors={failed?.fieldErrors ?? {}}
      />
    </div>
  );
}

function IndicatorFormFields({
  tenant,
  activityId,
  indicator,
  version,
  action,
  pending,
  state,
  values,
  serverErrors,
}: Props & {
  version?: number;
  action: (data: FormData) => void;
  pending: boolean;
  state: Parameters<typeof FormStatus>[0]["state"];
  values: Values;
  serverErrors: Errors;
}) {
  const t = useTranslations("indicatorForm");
  const [clientErrors, setClientErrors] = useState<Errors | null>(null);
  const errors = clientErrors ?? serverErrors;
  const loaded = indicator
    ? { target: text(indicator.values, "target") || null, targetYear: text(indicator.values, "targetYear") || null }
    : null;
  const [target, setTarget] = useState({
    target: text(values, "target") || null,
    targetYear: text(values, "targetYear") || null,
  });
  const moved = loaded ? changesNeedingReason(loaded, target, INDICATOR_REASON_FIELDS).length > 0 : false;
  const askReason = moved || Boolean(errors.reason) || Boolean(text(values, "reason"));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const form = e.currentTarget;
    const found = indicator
      ? validateForm(form, UpdateIndicatorSchema, (i) => ({
          ...checkIndicatorValues(i),
          ...(moved && !i.reason ? { reason: { key: "indicatorForm.validation.reasonRequired" } } : {}),
        }))
      : validateForm(form, CreateIndicatorSchema, checkIndicatorValues);
    setClientErrors(found);
    if (found) {
      e.preventDefault();
    }
  }

  return (
    <form action={action} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <ErrorSummary errors={errors} />
      <input type="hidden" name="tenant" value={tenant} />
      {indicator ? (
        <input type="hidden" name="indicatorId" value={indicator.id} />
      ) : (
        <input type="hidden" name="activityId" value={activityId} />
      )}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <IndicatorFields
        prefix=""
        values={values}
        errors={errors}
        onTargetChange={(v, y) => setTarget({ target: v.trim() || null, targetYear: y.trim() || null })}
      />
      {askReason && (
        <div className="rounded-md border border-amber-600 bg-amber-50 p-3">
          <TextAreaField
            label={t("reason")}
            name="reason"
            required
            defaultValue={text(values, "reason")}
            hint={t("reasonHint")}
            error={errors.reason}
          />
        </div>
      )}
      <FormStatus state={clientErrors ? { ok: false, message: { key: "errors.invalidInput" } } : state} />
      <div>
        <Button disabled={pending}>{indicator ? t("save") : t("create")}</Button>
      </div>
    </form>
  );
}

/** A saved value (typed) or a posted one (text) of an indicator field, as the conflict table shows it. */
function showValue(field: string, v: unknown, t: (key: string) => string): string {
  if (v === null || v === undefined || v === "") return "";
  if (field === "unit") return t(`indicatorForm.units.${String(v)}`);
  if (field === "direction") return t(`indicatorForm.directions.${String(v)}`);
  if (field === "valueKind") return t(`indicatorForm.valueKinds.${String(v)}`);
  if (field === "disaggregation" && Array.isArray(v)) {
    return v
      .map(
        (d: { dimension?: unknown; categories?: unknown }) =>
          `${String(d.dimension ?? "")}: ${Array.isArray(d.categories) ? d.categories.join(", ") : String(d.categories ?? "")}`,
      )
      .join("\n");
  }
  return plainValue(v);
}
