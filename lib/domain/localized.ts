import { startOfUtcDay } from "./day";

/** The text in the reader's language when the record has it, else the record's own text. */
export function localized(
  base: string,
  translations: Record<string, string> | null | undefined,
  locale: string,
): string {
  return translations?.[locale]?.trim() || base;
}

/** Activities whose planned end day has passed and that are neither completed nor cancelled.
 * Due today is not yet overdue (the same rule as the SQL counts). */
export function isOverdue(a: { plannedEnd: Date | null; status: string }, now: Date): boolean {
  return Boolean(
    a.plannedEnd && a.plannedEnd < startOfUtcDay(now) && a.status !== "COMPLETED" && a.status !== "CANCELLED",
  );
}
