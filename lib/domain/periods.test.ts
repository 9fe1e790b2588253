import { describe, expect, it } from "vitest";
import { parseIsoDay, toIsoDay } from "./day";
import {
  DUE_SOON_DAYS,
  acceptsReports,
  generatePeriods,
  periodDayErrors,
  periodLabel,
  periodStatus,
  type PeriodDays,
} from "./periods";

const d = parseIsoDay;
/** Q2 2026: opens 16 June, due 15 July, locks 30 July. */
const q2: PeriodDays = {
  startDate: d("2026-04-01"),
  endDate: d("2026-06-30"),
  opensOn: d("2026-06-16"),
  dueDate: d("2026-07-15"),
  locksOn: d("2026-07-30"),
  closedAt: null,
  reopenedUntil: null,
};
const on = (day: string, p: Partial<PeriodDays> = {}) => periodStatus({ ...q2, ...p }, d(day));

describe("periodStatus", () => {
  it("is upcoming before reporting opens, saying when it opens", () => {
    expect(on("2026-06-15")).toEqual({
      state: "UPCOMING",
      reason: { key: "opensOn", day: "2026-06-16" },
      acceptsReports: false,
    });
  });

  it("is open from its opening day, saying when it is due", () => {
    expect(on("2026-06-16")).toEqual({
      state: "OPEN",
      reason: { key: "openUntil", day: "2026-07-15" },
      acceptsReports: true,
    });
    expect(on("2026-07-07").state).toBe("OPEN"); // 8 days left
  });

  it(`is due soon from ${DUE_SOON_DAYS} days before the due date to the due day itself, counting the days left`, () => {
    expect(on("2026-07-08")).toEqual({
      state: "DUE_SOON",
      reason: { key: "dueOn", day: "2026-07-15", days: 7 },
      acceptsReports: true,
    });
    expect(on("2026-07-14").reason).toEqual({ key: "dueOn", day: "2026-07-15", days: 1 });
    expect(on("2026-07-15").reason).toEqual({ key: "dueOn", day: "2026-07-15", days: 0 });
  });

  it("is overdue after the due date and before the lock, still accepting reports", () => {
    expect(on("2026-07-16")).toEqual({
      state: "OVERDUE",
      reason: { key: "overdue", day: "2026-07-15", locksOn: "2026-07-30" },
      acceptsReports: true,
    });
    expect(on("2026-07-29").state).toBe("OVERDUE");
  });

  it("is locked from its lock day: the period closed", () => {
    expect(on("2026-07-30")).toEqual({
      state: "LOCKED",
      reason: { key: "lockedSince", day: "2026-07-30" },
      acceptsReports: false,
    });
  });

  it("is locked once a coordinator closed it early, saying on which day", () => {
    expect(on("2026-07-01", { closedAt: new Date("2026-06-20T10:30:00Z") })).toEqual({
      state: "LOCKED",
      reason: { key: "closedOn", day: "2026-06-20" },
      acceptsReports: false,
    });
  });

  it("reads a lock recorded by the job (closed on or after the lock day) as the period's own lock", () => {
    expect(on("2026-08-01", { closedAt: new Date("2026-07-30T01:00:00Z") }).reason).toEqual({
      key: "lockedSince",
      day: "2026-07-30",
    });
  });

  it("is open again while reopened, until the reopened day inclusive, then locked again", () => {
    const reopened = { closedAt: new Date("2026-06-20T10:00:00Z"), reopenedUntil: d("2026-08-10") };
    expect(on("2026-08-10", reopened)).toEqual({
      state: "OPEN",
      reason: { key: "reopenedUntil", day: "2026-08-10" },
      acceptsReports: true,
    });
    expect(on("2026-08-11", reopened)).toMatchObject({ state: "LOCKED", reason: { key: "closedOn" } });
    expect(on("2026-08-11", { reopenedUntil: d("2026-08-10") })).toMatchObject({
      state: "LOCKED",
      reason: { key: "lockedSince" },
    });
  });
});

describe("acceptsReports", () => {
  it("lets a locked period take reports only under an active exception, which expires on its own", () => {
    const exception = { until: d("2026-08-05"), revokedAt: null };
    expect(acceptsReports(q2, d("2026-08-01"))).toBe(false);
    expect(acceptsReports(q2, d("2026-08-05"), [exception])).toBe(true);
    expect(acceptsReports(q2, d("2026-08-06"), [exception])).toBe(false);
    expect(acceptsReports(q2, d("2026-08-01"), [{ ...exception, revokedAt: new Date("2026-08-01") }])).toBe(false);
  });

  it("needs no exception while the period is open, and an exception cannot open an upcoming one", () => {
    expect(acceptsReports(q2, d("2026-07-01"))).toBe(true);
    expect(acceptsReports(q2, d("2026-05-01"), [{ until: d("2026-12-31"), revokedAt: null }])).toBe(false);
  });
});

const spans = (periods: ReturnType<typeof generatePeriods>) =>
  periods.map((p) => `${toIsoDay(p.startDate)}..${toIsoDay(p.endDate)}`);

describe("generatePeriods", () => {
  it("cuts a plan into calendar quarters, the first and last cut to the plan's days", () => {
    const periods = generatePeriods("quarterly", d("2025-02-15"), d("2025-11-10"), ["en", "ru"]);
    expect(spans(periods)).toEqual([
      "2025-02-15..2025-03-31",
      "2025-04-01..2025-06-30",
      "2025-07-01..2025-09-30",
      "2025-10-01..2025-11-10",
    ]);
    expect(periods.map((p) => p.label)).toEqual([
      { en: "Q1 2025", ru: "I квартал 2025" },
      { en: "Q2 2025", ru: "II квартал 2025" },
      { en: "Q3 2025", ru: "III квартал 2025" },
      { en: "Q4 2025", ru: "IV квартал 2025" },
    ]);
  });

  it("counts open, due and lock days from each period's end (by default 14 before, 15 after, 15 of grace)", () => {
    const [q1] = generatePeriods("quarterly", d("2026-01-01"), d("2026-12-31"), ["en"]);
    expect(toIsoDay(q1.opensOn)).toBe("2026-03-17");
    expect(toIsoDay(q1.dueDate)).toBe("2026-04-15");
    expect(toIsoDay(q1.locksOn)).toBe("2026-04-30");
    const [custom] = generatePeriods("quarterly", d("2026-01-01"), d("2026-12-31"), ["en"], {
      opensBeforeEnd: 0,
      dueAfterEnd: 10,
      graceDays: 5,
    });
    expect([custom.opensOn, custom.dueDate, custom.locksOn].map(toIsoDay)).toEqual([
      "2026-03-31",
      "2026-04-10",
      "2026-04-15",
    ]);
  });

  it("never opens a cut period before it starts", () => {
    const [first] = generatePeriods("monthly", d("2026-01-25"), d("2026-03-31"), ["en"]);
    expect(toIsoDay(first.startDate)).toBe("2026-01-25");
    expect(toIsoDay(first.opensOn)).toBe("2026-01-25");
  });

  it("cuts months, with month names in each language", () => {
    const periods = generatePeriods("monthly", d("2026-11-01"), d("2027-02-28"), ["en", "ru", "kk"]);
    expect(spans(periods)).toEqual([
      "2026-11-01..2026-11-30",
      "2026-12-01..2026-12-31",
      "2027-01-01..2027-01-31",
      "2027-02-01..2027-02-28",
    ]);
    expect(periods[0].label.en).toBe("November 2026");
    expect(periods[0].label.ru).toBe("Ноябрь 2026");
    expect(periods[2].label.kk).toMatch(/^Қаңтар 2027$/);
  });

  it("cuts halves and years across a multi-year plan", () => {
    const halves = generatePeriods("half-yearly", d("2025-03-01"), d("2026-12-31"), ["en", "ru", "kk"]);
    expect(spans(halves)).toEqual([
      "2025-03-01..2025-06-30",
      "2025-07-01..2025-12-31",
      "2026-01-01..2026-06-30",
      "2026-07-01..2026-12-31",
    ]);
    expect(halves[1].label).toEqual({ en: "H2 2025", ru: "2-е полугодие 2025", kk: "2025 ж. 2-жартыжылдық" });
    const years = generatePeriods("yearly", d("2025-03-01"), d("2027-06-30"), ["en", "ru", "kk"]);
    expect(spans(years)).toEqual(["2025-03-01..2025-12-31", "2026-01-01..2026-12-31", "2027-01-01..2027-06-30"]);
    expect(years[2].label).toEqual({ en: "2027", ru: "2027 год", kk: "2027 ж." });
  });
});

describe("periodLabel", () => {
  it("names a quarter in English, Russian and Kazakh", () => {
    expect(periodLabel("quarterly", d("2026-07-01"), ["en", "ru", "kk"])).toEqual({
      en: "Q3 2026",
      ru: "III квартал 2026",
      kk: "2026 ж. 3-тоқсан",
    });
  });
});

describe("periodDayErrors", () => {
  it("names every broken rule at once, by field", () => {
    expect(
      periodDayErrors({
        startDate: "2026-04-01",
        endDate: "2026-03-31",
        opensOn: "2026-07-20",
        dueDate: "2026-07-15",
        locksOn: "2026-07-10",
      }),
    ).toEqual({
      endDate: "periods.errors.endBeforeStart",
      dueDate: "periods.errors.dueBeforeOpen",
      locksOn: "periods.errors.lockBeforeDue",
    });
    expect(
      periodDayErrors({
        startDate: "2026-04-01",
        endDate: "2026-06-30",
        opensOn: "2026-06-16",
        dueDate: "2026-07-15",
        locksOn: "2026-07-15",
      }),
    ).toEqual({});
  });
});
