// What the plan pages render: plain, serialisable shapes returned by lib/data/plans. Pure types,
// so components import them from here and never reach into the data layer.
import type { ActivityStatus, Pillar, PlanStatus } from "@/lib/domain/enums";

import type { Texts } from "@/lib/domain/texts";

/** A plan on the tenant's overview, with its activity counts. */
export interface PlanSummary {
  id: string;
  title: Texts;
  status: PlanStatus;
  startDate: Date;
  endDate: Date;
  activities: number;
  completed: number;
  overdue: number;
}

/** A plan a plan may follow, for the predecessor choice. */
export interface PlanChoice {
  id: string;
  title: Texts;
}

/** A plan with its live sections, objectives and activities, in order. */
export interface PlanTree {
  id: string;
  title: Texts;
  description: Texts;
  status: PlanStatus;
  startDate: Date;
  endDate: Date;
  predecessor: PlanChoice | null;
  version: number;
  sections: {
    id: string;
    code: string;
    title: Texts;
    pillar: Pillar | null;
    position: number;
    version: number;
    /** Never held an objective (archived ones count): may be deleted rather than archived. */
    deletable: boolean;
    objectives: {
      id: string;
      code: string;
      title: Texts;
      position: number;
      version: number;
      /** Never held an activity or indicator: may be deleted rather than archived. */
      deletable: boolean;
      activities: {
        id: string;
        position: number;
        code: string;
        title: Texts;
        status: ActivityStatus;
        percentComplete: number;
        plannedEnd: Date | null;
        leadAgency: { id: string; name: Texts } | null;
      }[];
    }[];
  }[];
}

/** A plan as its edit form needs it; dates as "YYYY-MM-DD". */
export interface PlanForEdit {
  id: string;
  version: number;
  title: Texts;
  description: Texts;
  startDate: string;
  endDate: string;
  status: PlanStatus;
  predecessorId: string | null;
  /** A draft without history (activities, reporting periods, successor plans) may be deleted; others are archived. */
  deletable: boolean;
}
