// The report form's fields as the browser posts them (lib/validation/progress.ts names), from an
// update's saved content: what the form starts with and what a conflict compares.
import type { IndicatorUnit, IndicatorValueKind } from "@/lib/domain/enums";
import type { Disaggregation } from "@/lib/domain/types/indicators";
import type { IndicatorValueInput, UpdateValues } from "@/lib/domain/types/progress";
import { toTexts, type Texts } from "@/lib/domain/texts";

export type Values = Record<string, string | string[]>;

/** An indicator as the form shows it: its name already in the reader's language. */
export interface ReportIndicator {
  id: string;
  label: string;
  unit: IndicatorUnit;
  unitLabel: string;
  /** What to enter: the total so far, or this period's figure only. */
  valueKind: IndicatorValueKind;
  target: number | null;
  disaggregation: Disaggregation[];
}

const texts = (name: string, t: Texts | null | undefined): Values =>
  Object.fromEntries(Object.entries(toTexts(t)).map(([lang, v]) => [`${name}.${lang}`, v]));

/** One indicator's fields at index `i`. */
function valueFields(i: number, indicator: ReportIndicator, v: IndicatorValueInput | undefined): Values {
  const out: Values = { [`values.${i}.indicatorId`]: indicator.id };
  const s = (x: string | null | undefined) => x ?? "";
  out[`values.${i}.value`] = s(v?.value);
  out[`values.${i}.numerator`] = s(v?.numerator);
  out[`values.${i}.denominator`] = s(v?.denominator);
  out[`values.${i}.note`] = s(v?.note);
  indicator.disaggregation.forEach((d, di) => {
    d.categories.forEach((c, ci) => {
      const n = v?.breakdown?.[d.dimension]?.[c];
      out[`values.${i}.breakdown.${di}.cells.${ci}.value`] = n === undefined || n === null ? "" : String(n);
    });
  });
  return out;
}

export function reportValues(
  saved: Pick<UpdateValues, "activityStatus" | "percentComplete" | "achievements" | "challenges" | "nextSteps"> & {
    values: IndicatorValueInput[];
  },
  indicators: ReportIndicator[],
): Values {
  const byId = new Map(saved.values.map((v) => [v.indicatorId, v]));
  return {
    activityStatus: saved.activityStatus,
    percentComplete: String(saved.percentComplete),
    ...texts("achievements", saved.achievements),
    ...texts("challenges", saved.challenges),
    ...texts("nextSteps", saved.nextSteps),
    ...Object.assign({}, ...indicators.map((ind, i) => valueFields(i, ind, byId.get(ind.id)))),
  };
}

export function text(values: Values, name: string): string {
  const v = values[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}
