import { startOfUtcDay } from "./day";

/** Activities whose planned end day has passed and that are neither completed nor cancelled.
 * Due today is not yet overdue (the same rule as the SQL counts). */
export function isOverdue(a: { plannedEnd: Date | null; status: string }, now: Date): boolean {
  return Boolean(
    a.plannedEnd && a.plannedEnd < startOfUtcDay(now) && a.status !== "COMPLETED" && a.status !== "CANCELLED",
  );
}
