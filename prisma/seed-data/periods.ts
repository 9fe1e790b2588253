// Reporting periods of a plan: calendar quarters, halves or years from the plan's start up to
// and including the one containing `today` (never past the plan's end). Finished periods are
// CLOSED, the current one OPEN; the due date is 15 days after the period ends.
import type { Cadence } from "./types";
import { addDays, dayOf, minDate, utc } from "./util";

export interface PeriodDraft {
  label: string;
  startDate: Date;
  endDate: Date;
  dueDate: Date;
  status: "OPEN" | "CLOSED";
  closedAt: Date | null;
}

const MONTHS: Record<Cadence, number> = { quarterly: 3, "half-yearly": 6, yearly: 12 };

function label(cadence: Cadence, year: number, index: number): string {
  if (cadence === "quarterly") return `${year} Q${index + 1}`;
  if (cadence === "half-yearly") return `${year} H${index + 1}`;
  return String(year);
}

export function buildPeriods(cadence: Cadence, planStart: Date, planEnd: Date, today: Date): PeriodDraft[] {
  const step = MONTHS[cadence];
  const day = dayOf(today);
  const periods: PeriodDraft[] = [];
  let year = planStart.getUTCFullYear();
  let index = Math.floor(planStart.getUTCMonth() / step);
  for (;;) {
    const startDate = utc(year, index * step + 1, 1);
    if (startDate > planEnd || startDate > day) break;
    const endDate = utc(year, (index + 1) * step + 1, 0);
    const dueDate = addDays(endDate, 15);
    const finished = endDate < day;
    periods.push({
      label: label(cadence, year, index),
      startDate,
      endDate,
      dueDate,
      status: finished ? "CLOSED" : "OPEN",
      closedAt: finished ? minDate(addDays(dueDate, 10), today) : null,
    });
    index += 1;
    if (index * step >= 12) {
      index = 0;
      year += 1;
    }
  }
  return periods;
}
