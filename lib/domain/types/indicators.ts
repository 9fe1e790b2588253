// What the indicator form edits and receives. Pure types, so components import them from here
// and never reach into the data layer (lib/data/indicators returns them).
import type { IndicatorDirection, IndicatorUnit } from "@/lib/domain/enums";

/** One way a value is broken down ("sex": ["female", "male"]). */
export interface Disaggregation {
  dimension: string;
  categories: string[];
}

/** What the indicator form edits; decimals as plain strings ("1000.5"), comparable field by field. */
export interface IndicatorInput {
  name: string;
  nameRu: string | null;
  unit: IndicatorUnit;
  unitLabel: string | null;
  baseline: string | null;
  baselineYear: number | null;
  baselineSource: string | null;
  target: string | null;
  targetYear: number | null;
  direction: IndicatorDirection;
  disaggregation: Disaggregation[];
}

export interface IndicatorForEdit extends IndicatorInput {
  id: string;
  version: number;
  archived: boolean;
}
