// What the browse pages render (the activity list, one activity, an agency's and a focal point's
// activities): plain, serialisable shapes returned by lib/data/activity-queries. Pure types, so
// components import them from here and never reach into the data layer.
import type {
  ActivityStatus,
  AgencyKind,
  AgencyPart,
  IndicatorDirection,
  IndicatorUnit,
  IndicatorValueKind,
  Pillar,
  PlanStatus,
} from "@/lib/domain/enums";
import type { Texts } from "@/lib/domain/texts";
import type { Disaggregation } from "./indicators";

export type { Disaggregation, Texts };

export interface AgencyRef {
  id: string;
  name: Texts;
}
export interface PlanRef {
  id: string;
  title: Texts;
  status: PlanStatus;
  startDate: Date;
  endDate: Date;
}

export interface ActivityRow {
  id: string;
  code: string;
  title: Texts;
  status: ActivityStatus;
  percentComplete: number;
  plannedEnd: Date | null;
  overdue: boolean;
  leadAgency: AgencyRef | null;
  partners: AgencyRef[];
}
export interface ActivityPage {
  plan: PlanRef | null;
  rows: ActivityRow[];
  total: number;
  page: number;
  size: number;
  pageCount: number;
}

export interface QueryOptions {
  /** "Today" for the overdue rule; a day ending today is not overdue yet. */
  today?: Date;
  /** Sorting by title follows the reader's language. */
  locale?: string;
}

export interface FilterOptions {
  plans: PlanRef[];
  plan: PlanRef | null;
  sections: { id: string; code: string; title: Texts; pillar: Pillar | null }[];
  objectives: { id: string; code: string; title: Texts; sectionId: string }[];
  agencies: { id: string; name: Texts; archived: boolean }[];
}

export interface IndicatorDetail {
  id: string;
  name: Texts;
  unit: IndicatorUnit;
  unitLabel: Texts;
  baseline: number | null;
  baselineYear: number | null;
  baselineSource: Texts;
  target: number | null;
  targetYear: number | null;
  direction: IndicatorDirection;
  /** CUMULATIVE: `latest` is the total so far; PER_PERIOD: it is that period's figure only. */
  valueKind: IndicatorValueKind;
  disaggregation: Disaggregation[];
  /** From the newest approved progress update of the activity; null when that update has no value for it. */
  latest: { value: number | null; breakdown: Record<string, Record<string, number>> | null } | null;
}

export interface ActivityDetail {
  id: string;
  code: string;
  title: Texts;
  description: Texts;
  expectedResults: Texts;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  budget: number | null;
  currency: string | null;
  fundingSource: Texts;
  status: ActivityStatus;
  percentComplete: number;
  version: number;
  archived: boolean;
  overdue: boolean;
  updatedAt: Date;
  plan: PlanRef;
  section: { id: string; code: string; title: Texts; pillar: Pillar | null };
  objective: { id: string; code: string; title: Texts };
  leadAgency: AgencyRef | null;
  partners: AgencyRef[];
  indicators: IndicatorDetail[];
  /** The progress update the latest values come from. */
  latestApproved: { periodLabel: Texts; periodEnd: Date; reviewedAt: Date | null } | null;
}

export type AgencyActivityRow = ActivityRow & {
  role: AgencyPart;
  plan: { id: string; title: Texts; status: PlanStatus };
};

export interface MyActivities {
  agency: AgencyRef | null;
  rows: AgencyActivityRow[];
}

export type StatusCounts = Record<ActivityStatus, number>;
export interface AgencyOverview {
  agency: AgencyRef & { shortName: Texts; kind: AgencyKind; archived: boolean };
  /** Per plan (newest first): counts by status and overdue, computed by the database, and the activities. */
  plans: {
    plan: AgencyActivityRow["plan"];
    counts: StatusCounts;
    total: number;
    overdue: number;
    rows: AgencyActivityRow[];
  }[];
  totals: { counts: StatusCounts; total: number; overdue: number };
}
