// Reporting periods of a plan: calendar quarters, halves or years from the plan's start up to
// and including the one containing `today` (never past the plan's end). Finished periods are
// CLOSED, the current one OPEN; reporting opens with the period, is due 15 days after it ends and
// locks 15 days after that (lib/domain/periods.ts DEFAULT_PERIOD_RULES).
import { DEFAULT_PERIOD_RULES, periodLabel } from "@/lib/domain/periods";
import type { Texts } from "@/lib/domain/texts";
import type { Cadence } from "./types";
import { addDays, dayOf, utc } from "./util";

export interface PeriodDraft {
  label: Texts;
  startDate: Date;
  endDate: Date;
  opensOn: Date;
  dueDate: Date;
  locksOn: Date;
  /** For the seed only (not a column): finished periods carry approved history. */
  status: "OPEN" | "CLOSED";
  /** The lock the job recorded, for periods whose lock day has passed. */
  closedAt: Date | null;
}

const MONTHS: Record<Cadence, number> = { quarterly: 3, "half-yearly": 6, yearly: 12 };

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
    const dueDate = addDays(endDate, DEFAULT_PERIOD_RULES.dueAfterEnd);
    const locksOn = addDays(dueDate, DEFAULT_PERIOD_RULES.graceDays);
    const finished = endDate < day;
    periods.push({
      label: periodLabel(cadence, startDate, ["en", "ru"]),
      startDate,
      endDate,
      // The demo's working groups report as the work happens: reporting opens with the period.
      opensOn: startDate,
      dueDate,
      locksOn,
      status: finished ? "CLOSED" : "OPEN",
      closedAt: locksOn <= day ? locksOn : null,
    });
    index += 1;
    if (index * step >= 12) {
      index = 0;
      year += 1;
    }
  }
  return periods;
}
