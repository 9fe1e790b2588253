// Every list of values the app chooses from, in one place: the database's enums (prisma/schema.prisma)
// and the few the app adds. Pure and importable anywhere (forms, schemas, the data layer); the order
// is the order people see in selects and tables. Each Prisma list must name every value of its enum,
// which the compiler checks here and enums.test.ts checks against the generated client.
import type * as Db from "@/generated/prisma/enums";

/** The list as given, typed as a tuple; it does not compile while a value of T is missing. */
function every<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => list;
}

export const ROLES = every<Db.Role>()(["ADMIN", "COORDINATOR", "FOCAL_POINT", "VIEWER"]);
export type Role = (typeof ROLES)[number];

export const AGENCY_KINDS = every<Db.AgencyKind>()([
  "MINISTRY",
  "STATE_AGENCY",
  "PARLIAMENT",
  "COURT",
  "NGO",
  "INTERNATIONAL",
  "OTHER",
]);
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** In the order a plan lives through them (lib/domain/plan-status.ts relies on it). */
export const PLAN_STATUSES = every<Db.PlanStatus>()(["DRAFT", "ACTIVE", "CLOSED"]);
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PILLARS = every<Db.Pillar>()(["PREVENTION", "PROTECTION", "PROSECUTION", "PARTNERSHIP"]);
export type Pillar = (typeof PILLARS)[number];

export const ACTIVITY_STATUSES = every<Db.ActivityStatus>()([
  "NOT_STARTED",
  "IN_PROGRESS",
  "COMPLETED",
  "DELAYED",
  "CANCELLED",
]);
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const INDICATOR_UNITS = every<Db.IndicatorUnit>()(["NUMBER", "PERCENT", "YES_NO"]);
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const INDICATOR_DIRECTIONS = every<Db.IndicatorDirection>()(["INCREASE", "DECREASE"]);
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/**
 * How an indicator's reported values add up. CUMULATIVE: each value is the total so far, so the
 * latest approved one is the actual. PER_PERIOD: each value is what its period achieved, so the
 * actual is their sum (for a percentage, the sum of numerators over the sum of denominators).
 */
export const INDICATOR_VALUE_KINDS = every<Db.IndicatorValueKind>()(["CUMULATIVE", "PER_PERIOD"]);
export type IndicatorValueKind = (typeof INDICATOR_VALUE_KINDS)[number];

export const UPDATE_STATUSES = every<Db.UpdateStatus>()(["DRAFT", "SUBMITTED", "SIGNED_OFF", "APPROVED", "RETURNED"]);
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export const EVIDENCE_ACCESS = every<Db.EvidenceAccess>()(["RESTRICTED", "SHAREABLE"]);
export type EvidenceAccess = (typeof EVIDENCE_ACCESS)[number];

export const OUTBOX_STATUSES = every<Db.OutboxStatus>()(["PENDING", "SENT", "FAILED"]);
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

// Not stored as enums: derived by the queries.

/** An agency's part in an activity: it leads it, or is one of its partners. */
export const AGENCY_PARTS = ["lead", "partner"] as const;
export type AgencyPart = (typeof AGENCY_PARTS)[number];

/** Whether `value` is one of `list`, narrowing it to the list's type. */
export function isOneOf<const L extends readonly string[]>(list: L, value: unknown): value is L[number] {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}
