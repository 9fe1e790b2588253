// What the indicator form edits and receives. Pure types, so components import them from here
// and never reach into the data layer (lib/data/indicators returns them).
import type { IndicatorDirection, IndicatorUnit, IndicatorValueKind } from "@/lib/domain/enums";
import type { Texts } from "@/lib/domain/texts";

/** One way a value is broken down ("sex": ["female", "male"]). */
export interface Disaggregation {
  dimension: string;
  categories: string[];
}

/** What the indicator form edits; decimals as plain strings ("1000.5"), comparable field by field. */
export interface IndicatorInput {
  name: Texts;
  unit: IndicatorUnit;
  unitLabel: Texts;
  baseline: string | null;
  baselineYear: number | null;
  baselineSource: Texts;
  target: string | null;
  targetYear: number | null;
  direction: IndicatorDirection;
  /** Whether each reported value is the total so far or what its period achieved. */
  valueKind: IndicatorValueKind;
  disaggregation: Disaggregation[];
}

export interface IndicatorForEdit extends IndicatorInput {
  id: string;
  version: number;
  archived: boolean;
}
