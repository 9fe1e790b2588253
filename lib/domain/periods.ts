// Reporting periods: their state from their dates, their labels in every content language, and
// the periods a cadence cuts a plan into. Three dates that trackers tend to confuse are kept
// apart: when reporting opens, when it is due, and when it locks (the grace period after the due
// date ends). Pure: runs on the server and in the browser; days are midnight UTC (./day.ts).
import { parseIsoDay, toIsoDay } from "./day";
import type { ContentLanguage, Texts } from "./texts";

export const CADENCES = ["monthly", "quarterly", "half-yearly", "yearly"] as const;
export type Cadence = (typeof CADENCES)[number];

export const PERIOD_STATES = ["UPCOMING", "OPEN", "DUE_SOON", "OVERDUE", "LOCKED"] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];

/** Days before the due date from which a period is "due soon" (and reminders go out). */
export const DUE_SOON_DAYS = 7;

export interface PeriodDays {
  startDate: Date;
  endDate: Date;
  opensOn: Date;
  dueDate: Date;
  locksOn: Date;
  /** A coordinator closed it (or the lock job recorded its lock). */
  closedAt: Date | null;
  /** A coordinator reopened it after it locked, until this day (inclusive). */
  reopenedUntil: Date | null;
}

/**
 * Why a period is in its state, as a message key (under `periods.reason`) and the days it names,
 * as "YYYY-MM-DD" for the page to format in the reader's language.
 */
export interface PeriodStatus {
  state: PeriodState;
  reason:
    | { key: "opensOn"; day: string }
    | { key: "openUntil"; day: string }
    | { key: "dueOn"; day: string; days: number }
    | { key: "overdue"; day: string; locksOn: string }
    | { key: "lockedSince"; day: string }
    | { key: "closedOn"; day: string }
    | { key: "reopenedUntil"; day: string };
  /** Focal points may write and submit. */
  acceptsReports: boolean;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);

/** The state of a period on `today` (midnight UTC), with the reason in words-to-be. */
export function periodStatus(p: PeriodDays, today: Date): PeriodStatus {
  if (p.reopenedUntil && today <= p.reopenedUntil)
    return { state: "OPEN", reason: { key: "reopenedUntil", day: toIsoDay(p.reopenedUntil) }, acceptsReports: true };
  if (p.closedAt && p.closedAt < p.locksOn)
    return { state: "LOCKED", reason: { key: "closedOn", day: toIsoDay(p.closedAt) }, acceptsReports: false };
  if (p.closedAt || today >= p.locksOn)
    return { state: "LOCKED", reason: { key: "lockedSince", day: toIsoDay(p.locksOn) }, acceptsReports: false };
  if (today < p.opensOn)
    return { state: "UPCOMING", reason: { key: "opensOn", day: toIsoDay(p.opensOn) }, acceptsReports: false };
  if (today > p.dueDate)
    return {
      state: "OVERDUE",
      reason: { key: "overdue", day: toIsoDay(p.dueDate), locksOn: toIsoDay(p.locksOn) },
      acceptsReports: true,
    };
  const left = daysBetween(today, p.dueDate);
  if (left <= DUE_SOON_DAYS)
    return { state: "DUE_SOON", reason: { key: "dueOn", day: toIsoDay(p.dueDate), days: left }, acceptsReports: true };
  return { state: "OPEN", reason: { key: "openUntil", day: toIsoDay(p.dueDate) }, acceptsReports: true };
}

/** An exception to a lock: for the period, until a day (inclusive), unless revoked. */
export interface LockException {
  until: Date;
  revokedAt: Date | null;
}

export function exceptionActive(e: LockException, today: Date): boolean {
  return !e.revokedAt && today <= e.until;
}

/** Whether updates of this period may change today, given the exceptions that apply to the activity. */
export function acceptsReports(p: PeriodDays, today: Date, exceptions: readonly LockException[] = []): boolean {
  const status = periodStatus(p, today);
  if (status.acceptsReports) return true;
  return status.state === "LOCKED" && exceptions.some((e) => exceptionActive(e, today));
}

// Labels ---------------------------------------------------------------------------------------

const ORDINAL_RU_QUARTER = ["I", "II", "III", "IV"];

/** How each language names a quarter, a half and a year; months come from Intl. */
const LABELS: Record<
  ContentLanguage,
  { quarter: (y: number, n: number) => string; half: (y: number, n: number) => string; year: (y: number) => string }
> = {
  en: { quarter: (y, n) => `Q${n} ${y}`, half: (y, n) => `H${n} ${y}`, year: (y) => String(y) },
  ru: {
    quarter: (y, n) => `${ORDINAL_RU_QUARTER[n - 1]} квартал ${y}`,
    half: (y, n) => `${n}-е полугодие ${y}`,
    year: (y) => `${y} год`,
  },
  tk: {
    quarter: (y, n) => `${y} ý. ${n}-nji çärýek`,
    half: (y, n) => `${y} ý. ${n}-nji ýarym ýyl`,
    year: (y) => `${y} ý.`,
  },
  kk: { quarter: (y, n) => `${y} ж. ${n}-тоқсан`, half: (y, n) => `${y} ж. ${n}-жартыжылдық`, year: (y) => `${y} ж.` },
  ky: { quarter: (y, n) => `${y}-ж. ${n}-чейрек`, half: (y, n) => `${y}-ж. ${n}-жарым жыл`, year: (y) => `${y}-ж.` },
  uz: { quarter: (y, n) => `${y}-yil ${n}-chorak`, half: (y, n) => `${y}-yil ${n}-yarim yil`, year: (y) => `${y}-yil` },
};

function monthName(language: ContentLanguage, month: number): string {
  const name = new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, month, 1)),
  );
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** The label of the period of `cadence` that starts on `start`, in each of `languages`. */
export function periodLabel(cadence: Cadence, start: Date, languages: readonly ContentLanguage[]): Texts {
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  const label: Texts = {};
  for (const language of languages) {
    const l = LABELS[language];
    label[language] =
      cadence === "monthly"
        ? `${monthName(language, month)} ${year}`
        : cadence === "quarterly"
          ? l.quarter(year, Math.floor(month / 3) + 1)
          : cadence === "half-yearly"
            ? l.half(year, Math.floor(month / 6) + 1)
            : l.year(year);
  }
  return label;
}

// Generation ----------------------------------------------------------------------------------

const MONTHS: Record<Cadence, number> = { monthly: 1, quarterly: 3, "half-yearly": 6, yearly: 12 };

/** When reporting opens, is due and locks, counted in days from the period's end. */
export interface PeriodRules {
  /** Reporting opens this many days before the period ends (0: on its last day). */
  opensBeforeEnd: number;
  /** Due this many days after the period ends. */
  dueAfterEnd: number;
  /** Locks this many days after it was due (the grace period). */
  graceDays: number;
}

export const DEFAULT_PERIOD_RULES: PeriodRules = { opensBeforeEnd: 14, dueAfterEnd: 15, graceDays: 15 };

export interface PeriodDraft {
  label: Texts;
  startDate: Date;
  endDate: Date;
  opensOn: Date;
  dueDate: Date;
  locksOn: Date;
}

const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day));

/**
 * The periods of `cadence` covering a plan from `planStart` to `planEnd`: calendar months,
 * quarters, halves or years, the first and last cut to the plan's days.
 */
export function generatePeriods(
  cadence: Cadence,
  planStart: Date,
  planEnd: Date,
  languages: readonly ContentLanguage[],
  rules: PeriodRules = DEFAULT_PERIOD_RULES,
): PeriodDraft[] {
  const step = MONTHS[cadence];
  const periods: PeriodDraft[] = [];
  let year = planStart.getUTCFullYear();
  let index = Math.floor(planStart.getUTCMonth() / step);
  for (let guard = 0; guard < 1200; guard++) {
    const calendarStart = utc(year, index * step, 1);
    if (calendarStart > planEnd) break;
    const calendarEnd = utc(year, (index + 1) * step, 0);
    const startDate = calendarStart < planStart ? planStart : calendarStart;
    const endDate = calendarEnd > planEnd ? planEnd : calendarEnd;
    const dueDate = addDays(endDate, rules.dueAfterEnd);
    const opensOn = addDays(endDate, -rules.opensBeforeEnd);
    periods.push({
      label: periodLabel(cadence, calendarStart, languages),
      startDate,
      endDate,
      opensOn: opensOn < startDate ? startDate : opensOn,
      dueDate,
      locksOn: addDays(dueDate, rules.graceDays),
    });
    index += 1;
    if (index * step >= 12) {
      index = 0;
      year += 1;
    }
  }
  return periods;
}

/** "YYYY-MM-DD" days of a period, for forms. */
export function periodDaysAsIso(p: Pick<PeriodDays, "startDate" | "endDate" | "opensOn" | "dueDate" | "locksOn">) {
  return {
    startDate: toIsoDay(p.startDate),
    endDate: toIsoDay(p.endDate),
    opensOn: toIsoDay(p.opensOn),
    dueDate: toIsoDay(p.dueDate),
    locksOn: toIsoDay(p.locksOn),
  };
}

/** The rule a period's days must keep, by field: the first broken ones, all at once. */
export function periodDayErrors(days: {
  startDate: string;
  endDate: string;
  opensOn: string;
  dueDate: string;
  locksOn: string;
}) {
  const d = {
    startDate: parseIsoDay(days.startDate),
    endDate: parseIsoDay(days.endDate),
    opensOn: parseIsoDay(days.opensOn),
    dueDate: parseIsoDay(days.dueDate),
    locksOn: parseIsoDay(days.locksOn),
  };
  const errors: Partial<Record<keyof typeof d, string>> = {};
  if (d.endDate < d.startDate) errors.endDate = "periods.errors.endBeforeStart";
  if (d.dueDate < d.opensOn) errors.dueDate = "periods.errors.dueBeforeOpen";
  if (d.locksOn < d.dueDate) errors.locksOn = "periods.errors.lockBeforeDue";
  return errors;
}
