// The life of a plan: draft -> active -> closed, one step at a time and never back. A closed
// plan is a record of what was done; reopening it would rewrite history, so nothing does.
import { PLAN_STATUSES, isOneOf, type PlanStatus } from "./enums";

/** Statuses a new plan may start in: a plan entered after it began may start active. */
export const INITIAL_PLAN_STATUSES = ["DRAFT", "ACTIVE"] as const satisfies readonly PlanStatus[];

export function isPlanStatus(value: unknown): value is PlanStatus {
  return isOneOf(PLAN_STATUSES, value);
}

/** The next step after `from`, or null for a closed plan. */
export function nextPlanStatus(from: PlanStatus): PlanStatus | null {
  const i = PLAN_STATUSES.indexOf(from);
  return PLAN_STATUSES[i + 1] ?? null;
}

/** Staying put is always allowed (an edit that does not touch the status); otherwise one step forward. */
export function canChangePlanStatus(from: PlanStatus, to: PlanStatus): boolean {
  return from === to || nextPlanStatus(from) === to;
}

/** The choices a status select offers for a plan now in `from`: the current one first. */
export function planStatusChoices(from: PlanStatus): PlanStatus[] {
  const next = nextPlanStatus(from);
  return next ? [from, next] : [from];
}

/** A closed plan is read-only: its details, its structure and its status. */
export function isPlanReadOnly(status: PlanStatus): boolean {
  return status === "CLOSED";
}
