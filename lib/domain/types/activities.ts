// What the activity form receives and what a save answers: plain, serialisable shapes returned by
// lib/data/activities. Pure types, so components import them from here, never from the data layer.
import type { PlanStatus } from "@/lib/domain/enums";
import type { ActivitySnapshot, DateWarning } from "@/lib/domain/activity-rules";
import type { IndicatorForEdit } from "./indicators";

import type { Texts } from "@/lib/domain/texts";

export type ActivityInput = ActivitySnapshot;

export interface ActivityFormOptions {
  plan: { id: string; title: Texts; status: PlanStatus; startDate: string; endDate: string };
  /** nextCode: the first free activity number under the objective, offered as the default code. */
  objectives: { id: string; code: string; title: Texts; nextCode: string }[];
  agencies: { id: string; name: Texts; shortName: Texts; archived: boolean }[];
}

export interface ActivityForEdit extends ActivitySnapshot {
  id: string;
  planId: string;
  planStatus: PlanStatus;
  version: number;
  archived: boolean;
  /** Never reported on nor changed since creation: may be deleted rather than archived. */
  canDelete: boolean;
  indicators: IndicatorForEdit[];
}

export interface SaveResult {
  id: string;
  version: number;
  /** Dates outside the plan's period: saved, but the form says so. */
  warnings: DateWarning[];
}
