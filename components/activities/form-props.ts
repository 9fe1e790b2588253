// Server-side shaping of what the activity and indicator forms receive: small, serialisable,
// already in the reader's language (client props are DTOs, never records).
import type { ActivityFormOptions } from "@/lib/domain/types/activities";
import type { IndicatorForEdit } from "@/lib/domain/types/indicators";
import { textOf, toTexts, type Reading } from "@/lib/domain/texts";
import type { ActivityFormProps } from "./activity-form-fields";
import { textValues, type Values } from "./form-values";

export function activityFormProps(
  tenant: string,
  options: ActivityFormOptions,
  reading: Reading,
): Omit<ActivityFormProps, "values" | "activity"> {
  return {
    tenant,
    plan: { id: options.plan.id, startDate: options.plan.startDate, endDate: options.plan.endDate },
    objectives: options.objectives.map((o) => ({
      id: o.id,
      code: o.code,
      nextCode: o.nextCode,
      label: `${o.code} ${textOf(o.title, reading)}`,
    })),
    agencies: options.agencies.map((a) => ({
      id: a.id,
      archived: a.archived,
      label: `${textOf(a.name, reading)}${textOf(a.shortName, reading) ? ` (${textOf(a.shortName, reading)})` : ""}`,
      // The search matches the agency in any language it is written in.
      keywords: [...Object.values(toTexts(a.name)), ...Object.values(toTexts(a.shortName))].join(" "),
    })),
  };
}

/** An indicator as the flat fields its form posts (disaggregation.<n>.dimension / .categories). */
export function indicatorValues(i: IndicatorForEdit): Values {
  const s = (v: string | number | null) => (v === null ? "" : String(v));
  const values: Values = {
    ...textValues("name", i.name),
    unit: i.unit,
    ...textValues("unitLabel", i.unitLabel),
    baseline: s(i.baseline),
    baselineYear: s(i.baselineYear),
    ...textValues("baselineSource", i.baselineSource),
    target: s(i.target),
    targetYear: s(i.targetYear),
    direction: i.direction,
    valueKind: i.valueKind,
  };
  i.disaggregation.forEach((d, n) => {
    values[`disaggregation.${n}.dimension`] = d.dimension;
    values[`disaggregation.${n}.categories`] = d.categories.join(", ");
  });
  return values;
}
