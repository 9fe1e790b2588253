// Rules for activities and their indicators that hold on the form and on the server alike.
// Pure: no database, no dates "now"; dates are ISO days ("2025-06-30"), compared as strings.
import type { ActivityStatus, IndicatorDirection, IndicatorUnit } from "./enums";
import type { MessageRef } from "./errors";
import type { Texts } from "./texts";

/** Everything the activity form edits, in comparable form (partner ids sorted, decimals as strings). */
export interface ActivitySnapshot {
  objectiveId: string;
  code: string;
  title: Texts;
  description: Texts;
  expectedResults: Texts;
  leadAgencyId: string | null;
  partnerAgencyIds: string[];
  plannedStart: string | null;
  plannedEnd: string | null;
  budget: string | null;
  currency: string | null;
  fundingSource: Texts;
  status: ActivityStatus;
  percentComplete: number;
}

export type ActivityField = keyof ActivitySnapshot;

/** Form order: the conflict view and the audit list fields in this order. */
export const ACTIVITY_FIELDS: readonly ActivityField[] = [
  "objectiveId",
  "code",
  "title",
  "description",
  "expectedResults",
  "leadAgencyId",
  "partnerAgencyIds",
  "plannedStart",
  "plannedEnd",
  "budget",
  "currency",
  "fundingSource",
  "status",
  "percentComplete",
];

/**
 * Changing these re-plans the work (when, who answers for it, what counts as success), so the
 * audit trail must say why. Filling in a value that was empty is not a change of plan and needs
 * no reason; changing or clearing a value that was set does. The target year belongs to the target.
 */
export const ACTIVITY_REASON_FIELDS = [
  "plannedStart",
  "plannedEnd",
  "leadAgencyId",
] as const satisfies readonly ActivityField[];
export const INDICATOR_REASON_FIELDS = ["target", "targetYear"] as const;

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export interface SnapshotDiff<T> {
  changed: (keyof T & string)[];
  before: Partial<T>;
  after: Partial<T>;
}

/** The fields that differ, with only those values on each side: what an audit event stores. */
export function diffSnapshots<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[] = Object.keys(after) as (keyof T & string)[],
): SnapshotDiff<T> {
  const diff: SnapshotDiff<T> = { changed: [], before: {}, after: {} };
  for (const field of fields) {
    if (sameValue(before[field], after[field])) continue;
    diff.changed.push(field);
    diff.before[field] = before[field];
    diff.after[field] = after[field];
  }
  return diff;
}

/** Which of `fields` changed from a value that was set (see ACTIVITY_REASON_FIELDS). */
export function changesNeedingReason<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): (keyof T & string)[] {
  return fields.filter((f) => before[f] !== null && before[f] !== undefined && !sameValue(before[f], after[f]));
}

export interface DateWarning {
  field: "plannedStart" | "plannedEnd";
  key: string;
}

/**
 * An end before the start is an error (on the end field); the same day is a one-day activity and
 * fine. Dates outside the plan's period are allowed, since real plans carry over work, but warned about.
 */
export function checkActivityDates(
  dates: { plannedStart: string | null; plannedEnd: string | null },
  plan?: { startDate: string; endDate: string } | null,
): { errors: Record<string, MessageRef>; warnings: DateWarning[] } {
  const { plannedStart: start, plannedEnd: end } = dates;
  const errors: Record<string, MessageRef> = {};
  const warnings: DateWarning[] = [];
  if (start && end && end < start) errors.plannedEnd = { key: "activityForm.validation.endBeforeStart" };
  if (plan) {
    if (start && start < plan.startDate)
      warnings.push({ field: "plannedStart", key: "activityForm.warnings.startBeforePlan" });
    if (start && start > plan.endDate)
      warnings.push({ field: "plannedStart", key: "activityForm.warnings.startAfterPlan" });
    if (end && end < plan.startDate) warnings.push({ field: "plannedEnd", key: "activityForm.warnings.endBeforePlan" });
    if (end && end > plan.endDate) warnings.push({ field: "plannedEnd", key: "activityForm.warnings.endAfterPlan" });
  }
  return { errors, warnings };
}

/**
 * Status and percent must tell the same story: COMPLETED means 100 %, and 100 % means COMPLETED;
 * NOT_STARTED means 0 %. IN_PROGRESS and DELAYED sit in 0-99 (0 % right after starting is normal).
 * CANCELLED keeps whatever was done before it stopped.
 */
export function checkStatusPercent(status: ActivityStatus, percent: number): MessageRef | null {
  if (status === "COMPLETED" && percent !== 100) return { key: "activityForm.validation.completedNeeds100" };
  if (status === "NOT_STARTED" && percent !== 0) return { key: "activityForm.validation.notStartedNeeds0" };
  if ((status === "IN_PROGRESS" || status === "DELAYED") && percent === 100)
    return { key: "activityForm.validation.fullNeedsCompleted" };
  return null;
}

/** The lead agency answers for the work; it is not also one of its partners. */
export function checkLeadPartners(
  a: Pick<ActivitySnapshot, "leadAgencyId" | "partnerAgencyIds">,
): Record<string, MessageRef> {
  return a.leadAgencyId && a.partnerAgencyIds.includes(a.leadAgencyId)
    ? { partnerAgencyIds: { key: "activityForm.validation.leadIsPartner" } }
    : {};
}

/** A budget names its currency. */
export function checkBudgetCurrency(a: Pick<ActivitySnapshot, "budget" | "currency">): Record<string, MessageRef> {
  return a.budget !== null && !a.currency ? { currency: { key: "activityForm.validation.currencyNeeded" } } : {};
}

/** checkStatusPercent as a field error on the percent. */
export function checkProgress(a: Pick<ActivitySnapshot, "status" | "percentComplete">): Record<string, MessageRef> {
  const progress = checkStatusPercent(a.status, a.percentComplete);
  return progress ? { percentComplete: progress } : {};
}

/**
 * The rules across activity fields, each with the fields it reads: the schema runs each one as
 * soon as its own fields parse (lib/validation/rules.ts), so none waits for the others.
 */
export const ACTIVITY_RULES = [
  { reads: ["plannedStart", "plannedEnd"], check: (a: ActivitySnapshot) => checkActivityDates(a).errors },
  { reads: ["leadAgencyId", "partnerAgencyIds"], check: checkLeadPartners },
  { reads: ["budget", "currency"], check: checkBudgetCurrency },
  { reads: ["status", "percentComplete"], check: checkProgress },
] as const satisfies readonly {
  reads: readonly ActivityField[];
  check: (a: ActivitySnapshot) => Record<string, MessageRef>;
}[];

/** Errors of the activity fields that depend on each other, keyed by the field they show next to. */
export function checkActivityConsistency(
  a: Pick<
    ActivitySnapshot,
    | "leadAgencyId"
    | "partnerAgencyIds"
    | "plannedStart"
    | "plannedEnd"
    | "budget"
    | "currency"
    | "status"
    | "percentComplete"
  >,
): Record<string, MessageRef> {
  return {
    ...checkActivityDates(a).errors,
    ...checkLeadPartners(a),
    ...checkBudgetCurrency(a),
    ...checkProgress(a),
  };
}

export interface IndicatorValues {
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  baseline: string | null;
  target: string | null;
  baselineYear: number | null;
  targetYear: number | null;
}

/**
 * A percent lies in 0-100, a yes/no is 0 or 1; the target must lie on the side of the baseline the
 * direction names (equal is allowed: "keep at"); the target year cannot precede the baseline year.
 */
export function checkIndicatorValues(i: IndicatorValues): Record<string, MessageRef> {
  return { ...checkIndicatorAmounts(i), ...checkIndicatorYears(i) };
}

/** The baseline and target against the unit and the direction. */
export function checkIndicatorAmounts(
  i: Pick<IndicatorValues, "unit" | "direction" | "baseline" | "target">,
): Record<string, MessageRef> {
  const errors: Record<string, MessageRef> = {};
  for (const field of ["baseline", "target"] as const) {
    const v = i[field];
    if (v === null) continue;
    const n = Number(v);
    if (i.unit === "PERCENT" && (n < 0 || n > 100)) errors[field] = { key: "indicatorForm.validation.percentRange" };
    if (i.unit === "YES_NO" && n !== 0 && n !== 1) errors[field] = { key: "indicatorForm.validation.yesNo" };
  }
  if (!errors.target && !errors.baseline && i.baseline !== null && i.target !== null) {
    const [b, t] = [Number(i.baseline), Number(i.target)];
    if (i.direction === "INCREASE" && t < b) errors.target = { key: "indicatorForm.validation.targetBelowBaseline" };
    if (i.direction === "DECREASE" && t > b) errors.target = { key: "indicatorForm.validation.targetAboveBaseline" };
  }
  return errors;
}

/** The target year cannot precede the baseline year. */
export function checkIndicatorYears(
  i: Pick<IndicatorValues, "baselineYear" | "targetYear">,
): Record<string, MessageRef> {
  return i.baselineYear !== null && i.targetYear !== null && i.targetYear < i.baselineYear
    ? { targetYear: { key: "indicatorForm.validation.targetYearBeforeBaseline" } }
    : {};
}

/** The indicator's rules across fields with the fields each reads (see ACTIVITY_RULES). */
export const INDICATOR_RULES = [
  { reads: ["unit", "direction", "baseline", "target"], check: checkIndicatorAmounts },
  { reads: ["baselineYear", "targetYear"], check: checkIndicatorYears },
] as const satisfies readonly {
  reads: readonly (keyof IndicatorValues)[];
  check: (i: IndicatorValues) => Record<string, MessageRef>;
}[];
