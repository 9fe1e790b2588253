import type { getFormatter } from "next-intl/server";
import { parseIsoDay } from "@/lib/domain/day";

/** The formatter of next-intl, on the server (getFormatter) and in the browser (useFormatter) alike. */
export type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/**
 * A calendar day (stored as midnight UTC, or as a "YYYY-MM-DD" from a form) in the reader's
 * language. Formatted in UTC so that a time zone west of Greenwich never shows the day before.
 */
export function formatDay(
  format: Formatter,
  day: Date | string | null,
  empty = "—",
  month: "short" | "long" = "short",
): string {
  if (!day) return empty;
  const date = typeof day === "string" ? parseIsoDay(day) : day;
  return format.dateTime(date, { year: "numeric", month, day: "numeric", timeZone: "UTC" });
}

export function formatPercent(format: Formatter, percent: number): string {
  return format.number(percent / 100, { style: "percent", maximumFractionDigits: 0 });
}
