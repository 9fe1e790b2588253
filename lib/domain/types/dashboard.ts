// What the dashboard renders: plain, serialisable shapes returned by lib/data/dashboard. Every
// figure here was counted by the database; the page only formats it.
import type { ActivityStatus, IndicatorDirection, IndicatorUnit, IndicatorValueKind, Pillar } from "@/lib/domain/enums";
import type { Texts } from "@/lib/domain/texts";
import type { AgencyRef } from "./activity-browse";

/** The longest lists the dashboard shows at once: overdue and at-risk activities, a page of indicators. */
export const WATCH_LIMIT = 20;
export const INDICATOR_PAGE = 25;

/** A pillar, or the sections mapped to none. */
export type PillarKey = Pillar | "NONE";

export interface DashboardPeriod {
  id: string;
  label: Texts;
  startDate: string;
  endDate: string;
  dueDate: string;
}

/** What the URL asks for, checked against the tenant's data: the figures' cache key. */
export interface DashboardView {
  plan: { id: string; title: Texts; startDate: string; endDate: string } | null;
  /** The plan's periods, oldest first. */
  periods: DashboardPeriod[];
  /** The period the figures are "as of": the requested one, else the latest that has opened. */
  asOf: DashboardPeriod | null;
  /** The period before it, for the changes. */
  previous: DashboardPeriod | null;
  pillar: PillarKey | null;
  objectiveId: string | null;
  agencyId: string | null;
  /** Submitted (not yet approved) updates count too; never for a viewer. */
  submitted: boolean;
  /** The day overdue and "planned" are measured on: the as-of period's end, or today if sooner. */
  day: string;
  /** Today, as the figures were counted. */
  today: string;
  /** May this person ask for submitted updates (everyone who sees work in progress). */
  canSeeSubmitted: boolean;
}

export type StatusCounts = Record<ActivityStatus, number>;

export interface ProgressFigures {
  activities: number;
  statuses: StatusCounts;
  completed: number;
  /** Share completed of the activities not cancelled, 0-100; null without any. */
  completedShare: number | null;
  /** Average percent complete of the activities not cancelled. */
  averagePercent: number | null;
  overdue: number;
  atRisk: number;
  /** Activities whose figures come from an update not yet approved. */
  pending: number;
}

export interface ComplianceFigures {
  /** Activities due to report in the period. */
  due: number;
  /** Of them, with an update submitted (in any state after draft). */
  reported: number;
  /** Of them, submitted on or before the due day. */
  onTime: number;
  reportedRate: number | null;
  onTimeRate: number | null;
}

export interface HeadlineFigures {
  current: ProgressFigures;
  /** The same figures as of the previous period; null when there is none. */
  previous: ProgressFigures | null;
  compliance: ComplianceFigures | null;
  previousCompliance: ComplianceFigures | null;
}

/** One row of the roll-up: a pillar, an objective of a pillar, or an activity of an objective. */
export interface RollupRow extends ProgressFigures {
  key: string;
  code: string | null;
  title: Texts | null;
  pillar: PillarKey | null;
}

export interface ActivityRollupRow {
  id: string;
  code: string;
  title: Texts;
  status: ActivityStatus;
  percentComplete: number;
  pending: boolean;
  overdue: boolean;
  atRisk: boolean;
  plannedEnd: string | null;
  leadAgency: AgencyRef | null;
}

export type Rollup =
  | { level: "pillars"; rows: RollupRow[] }
  | { level: "objectives"; pillar: PillarKey; rows: RollupRow[] }
  | {
      level: "activities";
      pillar: PillarKey;
      objective: { id: string; code: string; title: Texts };
      rows: ActivityRollupRow[];
    };

export const AGENCY_SORTS = [
  "name",
  "led",
  "partnered",
  "completed",
  "delayed",
  "overdue",
  "lastReport",
  "onTimeRate",
] as const;
export type AgencySort = (typeof AGENCY_SORTS)[number];

export interface AgencyFigures {
  agency: AgencyRef & { shortName: Texts };
  led: number;
  partnered: number;
  completed: number;
  delayed: number;
  overdue: number;
  lastReport: string | null;
  /** Updates due so far and submitted by their due day, 0-100; null when none was due yet. */
  onTimeRate: number | null;
  /** The periods counted for the rate (activity-periods due). */
  dueReports: number;
}

export type IndicatorMark = "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "NOT_REPORTED" | "NO_TARGET";

/** Why an indicator has its mark, as a message key and its values (the page translates). */
export interface MarkReason {
  key:
    | "targetReached"
    | "noValue"
    | "noTarget"
    | "noBaseline"
    | "wrongDirection"
    | "onPace"
    | "behindPace"
    | "farBehindPace";
  progress?: number;
  expected?: number;
}

export interface IndicatorFigures {
  id: string;
  name: Texts;
  /** The activity or objective it measures. */
  of: { kind: "activity" | "objective"; id: string; code: string };
  unit: IndicatorUnit;
  unitLabel: Texts;
  direction: IndicatorDirection;
  valueKind: IndicatorValueKind;
  baseline: number | null;
  target: number | null;
  targetYear: number | null;
  /** The actual as of the period: the latest value, or the periods' sum (per-period indicators). */
  actual: number | null;
  /** The period of the latest value counted. */
  actualPeriod: Texts | null;
  /** Values counted (periods reported). */
  reports: number;
  pending: boolean;
  /** Progress from the baseline towards the target, 0 at the baseline, 100 at the target. */
  progress: number | null;
  /** Where progress would be by now if it went evenly from the plan's start to the target. */
  expected: number | null;
  mark: IndicatorMark;
  reason: MarkReason;
}

export interface IndicatorSummary {
  rows: IndicatorFigures[];
  /** The rows' marks counted. */
  marks: Record<IndicatorMark, number>;
  total: number;
}

export interface TrendPoint {
  period: DashboardPeriod;
  /** Average percent complete (not cancelled activities), from the updates counted. */
  actualPercent: number | null;
  /** Average percent planned by the period's end (time elapsed of each activity's planned span). */
  plannedPercent: number | null;
  completed: number;
  /** Activities planned to end by the period's end. */
  plannedCompleted: number;
}

export type WatchReason =
  { kind: "overdue"; days: number } | { kind: "delayed" } | { kind: "behind"; expected: number; actual: number };

export interface WatchRow {
  id: string;
  code: string;
  title: Texts;
  status: ActivityStatus;
  percentComplete: number;
  plannedEnd: string | null;
  leadAgency: AgencyRef | null;
  pending: boolean;
  reason: WatchReason;
}

export interface Watchlist {
  overdue: WatchRow[];
  atRisk: WatchRow[];
  overdueTotal: number;
  atRiskTotal: number;
}

/** One tenant's line on the overview across countries. */
export interface CountryOverview {
  tenant: { slug: string; name: Texts };
  view: DashboardView;
  headline: HeadlineFigures | null;
  pillars: RollupRow[];
}
