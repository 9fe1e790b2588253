"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { INDICATOR_DIRECTIONS, INDICATOR_UNITS, INDICATOR_VALUE_KINDS } from "@/lib/domain/enums";
import type { MessageRef } from "@/lib/domain/errors";
import { SelectField, TextField } from "@/components/ui/field";
import { RadioGroupField } from "@/components/ui/radio-group-field";
import { TextsField } from "@/components/ui/texts-field";
import { DisaggregationFields } from "./disaggregation-fields";
import { text, type Errors, type Values } from "./form-values";

interface Props {
  /** Put before every name: "indicators.0." inside the activity form, "" in an indicator's own form. */
  prefix: string;
  values: Values;
  errors: Errors;
  /** Called with the target fields' values when they change (the edit form asks for a reason). */
  onTargetChange?: (target: string, targetYear: string) => void;
}

/** Every field of one indicator. A yes/no indicator takes yes or no as baseline and target. */
export function IndicatorFields({ prefix, values, errors, onTargetChange }: Props) {
  const t = useTranslations("indicatorForm");
  const [unit, setUnit] = useState(text(values, "unit") || "NUMBER");
  const name = (f: string) => `${prefix}${f}`;
  // TextsField looks its errors up by the posted names ("indicators.0.name.ru").
  const prefixed = Object.fromEntries(Object.entries(errors).map(([k, v]) => [name(k), v]));
  const targetChanged = (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const form = e.currentTarget.form;
    if (!form || !onTargetChange) return;
    const get = (f: string) => (form.elements.namedItem(name(f)) as HTMLInputElement | null)?.value ?? "";
    onTargetChange(get("target"), get("targetYear"));
  };
  const value = (f: "baseline" | "target") => {
    const common = {
      label: t(f),
      name: name(f),
      defaultValue: text(values, f),
      error: errors[f] as MessageRef | undefined,
      onChange: f === "target" ? targetChanged : undefined,
    };
    return unit === "YES_NO" ? (
      <SelectField
        key={`${f}-yn`}
        {...common}
        options={[
          { value: "", label: t("notSet") },
          { value: "0", label: t("no") },
          { value: "1", label: t("yes") },
        ]}
      />
    ) : (
      <TextField key={`${f}-n`} {...common} inputMode="decimal" autoComplete="off" />
    );
  };
  return (
    <div className="flex flex-col gap-3">
      <div>
        <TextsField
          label={t("name")}
          name={name("name")}
          required
          maxLength={300}
          value={(lang) => text(values, `name.${lang}`)}
          errors={prefixed}
        />
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <SelectField
          label={t("unit")}
          name={name("unit")}
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          error={errors.unit}
          options={INDICATOR_UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))}
        />
        <TextsField
          label={t("unitLabel")}
          name={name("unitLabel")}
          maxLength={80}
          value={(lang) => text(values, `unitLabel.${lang}`)}
          hint={t("unitLabelHint")}
          errors={prefixed}
        />
        <SelectField
          label={t("direction")}
          name={name("direction")}
          defaultValue={text(values, "direction") || "INCREASE"}
          error={errors.direction}
          options={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: t(`directions.${d}`) }))}
        />
      </div>
      <RadioGroupField
        label={t("valueKind")}
        name={name("valueKind")}
        defaultValue={text(values, "valueKind") || "CUMULATIVE"}
        error={errors.valueKind}
        options={INDICATOR_VALUE_KINDS.map((k) => ({
          value: k,
          label: t(`valueKinds.${k}`),
          hint: t(`valueKindHints.${k}`),
        }))}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {value("baseline")}
        <TextField
          label={t("baselineYear")}
          name={name("baselineYear")}
          inputMode="numeric"
          defaultValue={text(values, "baselineYear")}
          error={errors.baselineYear}
        />
        <TextsField
          label={t("baselineSource")}
          name={name("baselineSource")}
          maxLength={300}
          value={(lang) => text(values, `baselineSource.${lang}`)}
          errors={prefixed}
        />
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {value("target")}
        <TextField
          label={t("targetYear")}
          name={name("targetYear")}
          inputMode="numeric"
          defaultValue={text(values, "targetYear")}
          error={errors.targetYear}
          onChange={targetChanged}
        />
      </div>
      <DisaggregationFields prefix={prefix} values={values} errors={errors} />
    </div>
  );
}
