// Server-side shaping of what the activity and indicator forms receive: small, serialisable,
// already in the reader's language (client props are DTOs, never records).
import type { ActivityFormOptions } from "@/lib/domain/types/activities";
import type { IndicatorForEdit } from "@/lib/domain/types/indicators";
import { localized } from "@/lib/domain/localized";
import type { ActivityFormProps } from "./activity-form-fields";
import type { Values } from "./form-values";

export function activityFormProps(
  tenant: string,
  options: ActivityFormOptions,
  locale: string,
): Omit<ActivityFormProps, "values" | "activity"> {
  return {
    tenant,
    plan: { id: options.plan.id, startDate: options.plan.startDate, endDate: options.plan.endDate },
    objectives: options.objectives.map((o) => ({
      id: o.id,
      code: o.code,
      nextCode: o.nextCode,
      label: `${o.code} ${localized(o.title, o.titles, locale)}`,
    })),
    agencies: options.agencies.map((a) => ({
      id: a.id,
      archived: a.archived,
      label: `${localized(a.name, a.names, locale)}${a.shortName ? ` (${a.shortName})` : ""}`,
    })),
  };
}

/** An indicator as the flat fields its form posts (disaggregation.<n>.dimension / .categories). */
export function indicatorValues(i: IndicatorForEdit): Values {
  const s = (v: string | number | null) => (v === null ? "" : String(v));
  const values: Values = {
    name: i.name,
    nameRu: s(i.nameRu),
    unit: i.unit,
    unitLabel: s(i.unitLabel),
    baseline: s(i.baseline),
    baselineYear: s(i.baselineYear),
    baselineSource: s(i.baselineSource),
    target: s(i.target),
    targetYear: s(i.targetYear),
    direction: i.direction,
  };
  i.disaggregation.forEach((d, n) => {
    values[`disaggregation.${n}.dimension`] = d.dimension;
    values[`disaggregation.${n}.categories`] = d.categories.join(", ");
  });
  return values;
}
