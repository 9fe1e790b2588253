// The life of a plan: draft -> active -> closed, one step at a time and never back. A closed
// plan is a record of what was done; reopening it would rewrite history, so nothing does.
export const PLAN_STATUSES = ["DRAFT", "ACTIVE", "CLOSED"] as const;
export type PlanStatusValue = (typeof PLAN_STATUSES)[number];

/** Statuses a new plan may start in: a plan entered after it began may start active. */
export const INITIAL_PLAN_STATUSES: readonly PlanStatusValue[] = ["DRAFT", "ACTIVE"];

export function isPlanStatus(value: unknown): value is PlanStatusValue {
  return typeof value === "string" && (PLAN_STATUSES as readonly string[]).includes(value);
}

/** The next step after `from`, or null for a closed plan. */
export function nextPlanStatus(from: PlanStatusValue): PlanStatusValue | null {
  const i = PLAN_STATUSES.indexOf(from);
  return PLAN_STATUSES[i + 1] ?? null;
}

/** Staying put is always allowed (an edit that does not touch the status); otherwise one step forward. */
export function canChangePlanStatus(from: PlanStatusValue, to: PlanStatusValue): boolean {
  return from === to || nextPlanStatus(from) === to;
}

/** The choices a status select offers for a plan now in `from`: the current one first. */
export function planStatusChoices(from: PlanStatusValue): PlanStatusValue[] {
  const next = nextPlanStatus(from);
  return next ? [from, next] : [from];
}

/** A closed plan is read-only: its details, its structure and its status. */
export function isPlanReadOnly(status: PlanStatusValue): boolean {
  return status === "CLOSED";
}
