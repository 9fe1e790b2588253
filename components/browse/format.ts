import type { getFormatter } from "next-intl/server";

export type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/**
 * A calendar day (stored as midnight UTC) in the reader's language. Formatted in UTC so that a
 * time zone west of Greenwich never shows the day before.
 */
export function formatDay(format: Formatter, day: Date | null, empty = "—", month: "short" | "long" = "short"): string {
  return day ? format.dateTime(day, { year: "numeric", month, day: "numeric", timeZone: "UTC" }) : empty;
}

export function formatPercent(format: Formatter, percent: number): string {
  return format.number(percent / 100, { style: "percent", maximumFractionDigits: 0 });
}
