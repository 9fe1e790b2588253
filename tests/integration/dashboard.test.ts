// Every dashboard figure on a known dataset (tests/factories/dashboard.ts), counted by hand: the
// numbers below are literals, each with the arithmetic that gives it. Today is 2026-10-20, so the
// view is as of Q3 2026 (the latest period opened), whose day is its end, 2026-09-30; the
// previous period is Q2 (day 2026-06-30). The plan runs 2026-01-01 to 2027-12-31.
//
// Each activity as of Q3 (approved updates only), the basis of most figures:
//   code    state        %   planned span             expected@09-30        overdue  at risk
//   1.1.1   COMPLETED  100   01-01..06-30             100                   -        -
//   1.1.2   IN_PROGRESS 30   01-01..12-31             272/364 = 75          -        gap 45
//   1.1.10  IN_PROGRESS 40   03-01..09-15             100                   15 days  -
//   1.2.1   DELAYED     10   04-01..2027-03-31        182/364 = 50          -        delayed
//   1.2.2   NOT_STARTED  0   01-01..03-31 (no report) 100                   183 days -
//   2.1.1   CANCELLED   20   01-01..06-30             (cancelled by its Q3 update)
//   2.1.2   NOT_STARTED  0   none (a draft only)      null                  -        -
//   2.1.3   CANCELLED    0   (its record, no report)
//   3.1.1   COMPLETED  100   07-01..12-31             91/183 = 50           -        -
//   3.1.2   IN_PROGRESS  5   01-01..2027-12-31        272/729 = 37          -        gap 32
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  EMPTY_PROGRESS,
  dashboardAgencies,
  dashboardHeadline,
  dashboardIndicators,
  dashboardRollup,
  dashboardTrend,
  dashboardView,
  dashboardWatchlist,
} from "@/lib/data/dashboard";
import type { DashboardArgs } from "@/lib/data/dashboard";
import { clearFiguresCache } from "@/lib/data/dashboard/cache";
import { INDICATOR_PAGE } from "@/lib/data/dashboard/statements";
import type { TenantContext } from "@/lib/data/context";
import { resolveTenantContext } from "@/lib/data/tenants";
import { expectedPercent, indicatorMark, indicatorProgress, targetDay } from "@/lib/domain/dashboard";
import type { ActivityStatus } from "@/lib/domain/enums";
import type {
  AgencyFigures,
  AgencySort,
  DashboardView,
  IndicatorFigures,
  IndicatorMark,
  MarkReason,
  ProgressFigures,
  RollupRow,
  StatusCounts,
  WatchReason,
} from "@/lib/domain/types/dashboard";
import { createUser } from "../factories/index";
import {
  ACTIVITY_SPECS,
  FIG_TODAY,
  INDICATOR_SPECS,
  QUARTERS,
  dashboardWorld,
  otherDashboardTenant,
  type DashboardWorld,
  type Quarter,
} from "../factories/dashboard";

let w: DashboardWorld;
const opts = { today: FIG_TODAY };
beforeEach(async () => {
  clearFiguresCache();
  w = await dashboardWorld();
});

const view = (ctx: TenantContext, args: DashboardArgs = {}) => dashboardView(ctx, args, opts);
const statuses = (s: Partial<StatusCounts>): StatusCounts => ({
  NOT_STARTED: 0,
  IN_PROGRESS: 0,
  COMPLETED: 0,
  DELAYED: 0,
  CANCELLED: 0,
  ...s,
});
const figures = (f: Omit<ProgressFigures, "statuses" | "pending"> & { s: Partial<StatusCounts>; pending?: number }) => {
  const { s, pending, ...rest } = f;
  return { ...rest, statuses: statuses(s), pending: pending ?? 0 } as ProgressFigures;
};
const period = (q: Quarter) => {
  const { label, startDate, endDate, dueDate } = QUARTERS[q];
  return { id: w.periods[q].id, label: { en: label }, startDate, endDate, dueDate };
};
const agencyRef = (k: keyof DashboardWorld["agencies"]) => ({ id: w.agencies[k].id, name: { en: w.agencies[k].name } });
const activityRef = (code: string) => ({ id: w.activities[code], code, title: { en: `Activity ${code}` } });

// ---- The figures as of Q3, approved updates only: used by several tests. ----

const Q3_CURRENT = figures({
  activities: 10, // 12 made, 1.1.3 archived and 1.9.1 under an archived objective
  s: { NOT_STARTED: 2, IN_PROGRESS: 3, COMPLETED: 2, DELAYED: 1, CANCELLED: 2 },
  completed: 2, // 1.1.1, 3.1.1
  completedShare: 25, // 2 of the 8 not cancelled
  averagePercent: 36, // (100 + 30 + 40 + 10 + 0 + 0 + 100 + 5) / 8 = 35.6
  overdue: 2, // 1.1.10, 1.2.2
  atRisk: 3, // 1.1.2, 1.2.1, 3.1.2
});
// As of Q2 (day 06-30): 1.1.1 COMPLETED 100, 1.1.2 IN_PROGRESS 30 (expected 180/364 = 49, gap 19),
// 1.1.10 IN_PROGRESS 40 (121/198 = 61, gap 21), 1.2.1 DELAYED 10, 1.2.2 not started (overdue),
// 2.1.1 DELAYED 20 (ends 06-30: not yet overdue), 2.1.2 and 3.1.1 not started, 2.1.3 cancelled,
// 3.1.2 IN_PROGRESS 5 (180/729 = 25, gap 20).
const Q2_FIGURES = figures({
  activities: 10,
  s: { NOT_STARTED: 3, IN_PROGRESS: 3, COMPLETED: 1, DELAYED: 2, CANCELLED: 1 },
  completed: 1,
  completedShare: 11, // 1 / 9 = 11.1
  averagePercent: 23, // (100 + 30 + 40 + 10 + 0 + 20 + 0 + 0 + 5) / 9 = 22.8
  overdue: 1, // 1.2.2
  atRisk: 2, // 1.2.1 and 2.1.1, delayed
});
// Due in Q3 (not cancelled, span overlapping 07-01..09-30): 1.1.2, 1.1.10, 1.2.1, 2.1.2, 3.1.1,
// 3.1.2. Reported: all but 2.1.2 (a draft). On time (by 10-15): all but 3.1.2 (10-16).
const Q3_COMPLIANCE = { due: 6, reported: 5, onTime: 4, reportedRate: 83, onTimeRate: 67 }; // 5/6, 4/6
// Due in Q2: 1.1.1, 1.1.2, 1.1.10, 1.2.1, 2.1.2, 3.1.2. Reported: the first four; on time: not
// 1.1.2 (07-20); 1.1.10 at 23:00 on the due day is on time.
const Q2_COMPLIANCE = { due: 6, reported: 4, onTime: 3, reportedRate: 67, onTimeRate: 50 };

const EMPTY_ROW = (pillar: RollupRow["pillar"]): RollupRow => ({
  ...EMPTY_PROGRESS,
  key: String(pillar),
  code: null,
  title: null,
  pillar,
});
const EMPTY_COMPLIANCE = { due: 0, reported: 0, onTime: 0, reportedRate: null, onTimeRate: null };

describe("the view", () => {
  it("is as of the latest period opened, measured on its end, with the one before it", async () => {
    const v = await view(w.ctx.coordinator);
    expect(v).toEqual({
      plan: {
        id: w.plan.id,
        title: { en: "National Action Plan 2026-2027" },
        startDate: "2026-01-01",
        endDate: "2027-12-31",
      },
      periods: [period("q1"), period("q2"), period("q3"), period("q4")],
      asOf: period("q3"), // Q4 opens on 12-16
      previous: period("q2"),
      pillar: null,
      objectiveId: null,
      agencyId: null,
      submitted: false,
      day: "2026-09-30",
      today: "2026-10-20",
      canSeeSubmitted: true,
    } satisfies DashboardView);
    // A period not over yet is measured on today; the first has nothing before it.
    expect(await view(w.ctx.coordinator, { asOf: w.periods.q4.id })).toMatchObject({
      asOf: period("q4"),
      previous: period("q3"),
      day: "2026-10-20",
    });
    expect(await view(w.ctx.coordinator, { asOf: w.periods.q1.id })).toMatchObject({
      asOf: period("q1"),
      previous: null,
      day: "2026-03-31",
    });
    // Before any period opened: the first.
    expect((await dashboardView(w.ctx.coordinator, {}, { today: new Date("2026-02-01") })).asOf).toEqual(period("q1"));
  });

  it("checks every argument: an unknown pillar, an archived objective, a mistyped id fall back", async () => {
    const v = await view(w.ctx.coordinator, {
      pillar: "TRAFFICKING",
      objective: w.objectives["1.9"].id,
      agency: "nope",
      asOf: "nope",
      plan: "nope",
    });
    expect(v).toEqual(await view(w.ctx.coordinator));
    // The objective decides the pillar, whatever the URL says.
    expect(await view(w.ctx.coordinator, { pillar: "PROTECTION", objective: w.objectives["1.2"].id })).toMatchObject({
      pillar: "PREVENTION",
      objectiveId: w.objectives["1.2"].id,
    });
    expect((await view(w.ctx.coordinator, { objective: w.objectives["3.1"].id })).pillar).toBe("NONE");
    expect((await view(w.ctx.coordinator, { pillar: "NONE" })).pillar).toBe("NONE");
    expect((await view(w.ctx.coordinator, { agency: w.agencies.delta.id })).agencyId).toBe(w.agencies.delta.id);
  });

  it("lets everyone who sees work in progress count submitted updates, and never a viewer", async () => {
    for (const ctx of [w.ctx.admin, w.ctx.coordinator, w.ctx.focal])
      expect(await view(ctx, { submitted: true })).toMatchObject({ submitted: true, canSeeSubmitted: true });
    expect(await view(w.ctx.viewer, { submitted: true })).toMatchObject({ submitted: false, canSeeSubmitted: false });
  });
});

describe("as of Q3, approved updates only", () => {
  it("headline: progress now and as of Q2, and reporting compliance in both", async () => {
    const v = await view(w.ctx.coordinator);
    expect(await dashboardHeadline(w.ctx.coordinator, v, opts)).toEqual({
      current: Q3_CURRENT,
      previous: Q2_FIGURES,
      compliance: Q3_COMPLIANCE,
      previousCompliance: Q2_COMPLIANCE,
    });
    // Every role reads the same figures.
    for (const ctx of [w.ctx.admin, w.ctx.focal, w.ctx.viewer])
      expect((await dashboardHeadline(ctx, await view(ctx), opts))?.current).toEqual(Q3_CURRENT);
  });

  it("roll-up: the four pillars and 'no pillar', a pillar's objectives, an objective's activities", async () => {
    const pillars = await dashboardRollup(w.ctx.coordinator, await view(w.ctx.coordinator), opts);
    expect(pillars).toEqual({
      level: "pillars",
      rows: [
        {
          key: "PREVENTION",
          code: null,
          title: null,
          pillar: "PREVENTION",
          ...figures({
            activities: 5, // 1.1.1, 1.1.2, 1.1.10, 1.2.1, 1.2.2
            s: { NOT_STARTED: 1, IN_PROGRESS: 2, COMPLETED: 1, DELAYED: 1 },
            completed: 1,
            completedShare: 20, // 1 / 5
            averagePercent: 36, // (100 + 30 + 40 + 10 + 0) / 5
            overdue: 2,
            atRisk: 2,
          }),
        },
        {
          key: "PROTECTION",
          code: null,
          title: null,
          pillar: "PROTECTION",
          ...figures({
            activities: 3, // 2.1.1, 2.1.2, 2.1.3
            s: { NOT_STARTED: 1, CANCELLED: 2 },
            completed: 0,
            completedShare: 0, // 0 / 1
            averagePercent: 0,
            overdue: 0,
            atRisk: 0,
          }),
        },
        EMPTY_ROW("PROSECUTION"), // no section
        EMPTY_ROW("PARTNERSHIP"), // a section and an objective, no activities
        {
          key: "NONE",
          code: null,
          title: null,
          pillar: "NONE",
          ...figures({
            activities: 2, // 3.1.1, 3.1.2
            s: { IN_PROGRESS: 1, COMPLETED: 1 },
            completed: 1,
            completedShare: 50,
            averagePercent: 53, // (100 + 5) / 2 = 52.5, half up
            overdue: 0,
            atRisk: 1,
          }),
        },
      ],
    });

    const objectives = await dashboardRollup(
      w.ctx.coordinator,
      await view(w.ctx.coordinator, { pillar: "PREVENTION" }),
      opts,
    );
    expect(objectives).toEqual({
      level: "objectives",
      pillar: "PREVENTION",
      rows: [
        {
          key: w.objectives["1.1"].id,
          code: "1.1",
          title: { en: "Objective 1.1" },
          pillar: "PREVENTION",
          ...figures({
            activities: 3,
            s: { IN_PROGRESS: 2, COMPLETED: 1 },
            completed: 1,
            completedShare: 33, // 1 / 3
            averagePercent: 57, // (100 + 30 + 40) / 3 = 56.7
            overdue: 1, // 1.1.10
            atRisk: 1, // 1.1.2
          }),
        },
        {
          key: w.objectives["1.2"].id,
          code: "1.2",
          title: { en: "Objective 1.2" },
          pillar: "PREVENTION",
          ...figures({
            activities: 2,
            s: { NOT_STARTED: 1, DELAYED: 1 },
            completed: 0,
            completedShare: 0,
            averagePercent: 5, // (10 + 0) / 2
            overdue: 1, // 1.2.2
            atRisk: 1, // 1.2.1
          }),
        },
      ],
    });

    const activities = await dashboardRollup(
      w.ctx.coordinator,
      await view(w.ctx.coordinator, { objective: w.objectives["1.1"].id }),
      opts,
    );
    // In natural order (1.1.2 before 1.1.10); the archived 1.1.3 is not there.
    expect(activities).toEqual({
      level: "activities",
      pillar: "PREVENTION",
      objective: { id: w.objectives["1.1"].id, code: "1.1", title: { en: "Objective 1.1" } },
      rows: [
        {
          ...activityRef("1.1.1"),
          status: "COMPLETED",
          percentComplete: 100,
          pending: false,
          overdue: false, // ended 06-30, but completed
          atRisk: false,
          plannedEnd: "2026-06-30",
          leadAgency: agencyRef("alpha"),
        },
        {
          ...activityRef("1.1.2"),
          status: "IN_PROGRESS",
          percentComplete: 30,
          pending: false, // its Q3 update is only submitted
          overdue: false,
          atRisk: true, // 75 - 30 >= 25
          plannedEnd: "2026-12-31",
          leadAgency: agencyRef("alpha"),
        },
        {
          ...activityRef("1.1.10"),
          status: "IN_PROGRESS",
          percentComplete: 40, // its Q3 update was returned
          pending: false,
          overdue: true, // ended 09-15
          atRisk: false, // overdue instead
          plannedEnd: "2026-09-15",
          leadAgency: agencyRef("bravo"),
        },
      ],
    });
  });

  it("agencies: every column, and each sort in both directions with empty values last", async () => {
    const v = await view(w.ctx.coordinator);
    const agencies = (by: AgencySort, desc = false) => dashboardAgencies(w.ctx.coordinator, v, { by, desc }, opts);
    const row = (k: "alpha" | "bravo" | "charlie" | "delta", f: Omit<AgencyFigures, "agency">): AgencyFigures => ({
      agency: { ...agencyRef(k), shortName: {} },
      ...f,
    });
    // On-time rates count Q1-Q3 (all due before today, 10-20): the activity-periods each agency's
    // activities were due (span overlapping, not cancelled) and those submitted by the due day.
    const alpha = row("alpha", {
      led: 3, // 1.1.1, 1.1.2, 2.1.2 (not the archived 1.1.3)
      partnered: 1, // 1.2.1
      completed: 1, // 1.1.1
      delayed: 0,
      overdue: 0,
      lastReport: "2026-10-12T09:00:00.000Z", // 1.1.2's Q3 (the archived 1.1.3's 10-18 does not count)
      // due: 1.1.1 Q1 Q2, 1.1.2 Q1 Q2 Q3, 2.1.2 Q1 Q2 Q3 = 8; on time: 1.1.1 both, 1.1.2 Q1 and Q3 = 4
      onTimeRate: 50,
      dueReports: 8,
    });
    const bravo = row("bravo", {
      led: 3, // 1.1.10, 1.2.1, 2.1.3
      partnered: 2, // 1.1.2, 3.1.1
      completed: 0,
      delayed: 1, // 1.2.1
      overdue: 1, // 1.1.10
      lastReport: "2026-10-14T09:00:00.000Z", // 1.1.10's Q3, returned since
      // due: 1.1.10 Q1 Q2 Q3, 1.2.1 Q2 Q3 = 5 (2.1.3 cancelled); on time: all but 1.1.10 Q1 (missing) = 4
      onTimeRate: 80,
      dueReports: 5,
    });
    const charlie = row("charlie", {
      led: 3, // 1.2.2, 2.1.1, 3.1.1
      partnered: 0,
      completed: 1, // 3.1.1
      delayed: 0, // 2.1.1 was delayed in Q2, cancelled in Q3
      overdue: 1, // 1.2.2
      lastReport: "2026-10-01T09:00:00.000Z", // 2.1.1's Q3
      // due: 1.2.2 Q1, 3.1.1 Q3 = 2 (2.1.1 cancelled); on time: 3.1.1 = 1
      onTimeRate: 50,
      dueReports: 2,
    });
    const delta = row("delta", {
      led: 0,
      partnered: 3, // 1.1.1, 1.2.1, 2.1.1 (not the archived 1.1.3, nor 1.9.1 under an archived objective)
      completed: 0,
      delayed: 0,
      overdue: 0,
      lastReport: null,
      onTimeRate: null,
      dueReports: 0,
    });
    // Echo leads only 1.9.1 (archived objective) and the people's agency nothing: not listed.
    expect(await agencies("name")).toEqual([alpha, bravo, charlie, delta]);
    const order = async (by: AgencySort, desc = false) => (await agencies(by, desc)).map((r) => r.agency.id);
    const ids = (...ks: ("alpha" | "bravo" | "charlie" | "delta")[]) => ks.map((k) => w.agencies[k].id);
    // Ties are broken by name, always A-Z.
    expect(await order("name", true)).toEqual(ids("delta", "charlie", "bravo", "alpha"));
    expect(await order("led")).toEqual(ids("delta", "alpha", "bravo", "charlie"));
    expect(await order("led", true)).toEqual(ids("alpha", "bravo", "charlie", "delta"));
    expect(await order("partnered")).toEqual(ids("charlie", "alpha", "bravo", "delta"));
    expect(await order("partnered", true)).toEqual(ids("delta", "bravo", "alpha", "charlie"));
    expect(await order("completed")).toEqual(ids("bravo", "delta", "alpha", "charlie"));
    expect(await order("completed", true)).toEqual(ids("alpha", "charlie", "bravo", "delta"));
    expect(await order("delayed")).toEqual(ids("alpha", "charlie", "delta", "bravo"));
    expect(await order("delayed", true)).toEqual(ids("bravo", "alpha", "charlie", "delta"));
    expect(await order("overdue")).toEqual(ids("alpha", "delta", "bravo", "charlie"));
    expect(await order("overdue", true)).toEqual(ids("bravo", "charlie", "alpha", "delta"));
    expect(await order("lastReport")).toEqual(ids("charlie", "alpha", "bravo", "delta"));
    expect(await order("lastReport", true)).toEqual(ids("bravo", "alpha", "charlie", "delta"));
    expect(await order("onTimeRate")).toEqual(ids("alpha", "charlie", "bravo", "delta"));
    expect(await order("onTimeRate", true)).toEqual(ids("bravo", "alpha", "charlie", "delta"));
  });

  it("indicators: actual, progress, pace, mark and reason of each, most worrying first, and the marks counted", async () => {
    const v = await view(w.ctx.coordinator);
    const result = await dashboardIndicators(w.ctx.coordinator, v, 1, opts);
    // Expected pace on 09-30 from the plan's start (01-01, 272 days in): to 2026-12-31, 272/364 = 75;
    // to 2027-12-31, 272/729 = 37; without a target year, to the activity's end (1.2.2: 03-31, 100;
    // 3.1.2: 2027-12-31, 37) or, for an objective, the plan's end (37).
    expect(result.rows).toEqual([
      // Off track: moving the wrong way, (50 - 40) / (20 - 40) = -50; 5 of 100 against 75.
      indicator("unresolved", { actual: 50, at: "q2", reports: 2, progress: -50, expected: 37 }, "OFF_TRACK", {
        key: "wrongDirection",
        progress: -50,
      }),
      indicator("inspections", { actual: 5, at: "q1", reports: 1, progress: 5, expected: 75 }, "OFF_TRACK", {
        key: "farBehindPace",
        progress: 5,
        expected: 75,
      }),
      // At risk: per period, 10 + 15 (Q3's 30 only submitted) = 25 of 100, against 37 (25 < 27, >= 7).
      indicator("referred", { actual: 25, at: "q2", reports: 2, progress: 25, expected: 37 }, "AT_RISK", {
        key: "behindPace",
        progress: 25,
        expected: 37,
      }),
      // Going down from 120 to 60, at 90 (Q3's 70 was returned): 50, against 75.
      indicator("daysToIdentify", { actual: 90, at: "q2", reports: 1, progress: 50, expected: 75 }, "AT_RISK", {
        key: "behindPace",
        progress: 50,
        expected: 75,
      }),
      // A percentage per period: 10 / 40 = 25 % (Q3's 45 / 60 only signed off); (25 - 20) / 60 = 8.
      indicator("legalAid", { actual: 25, at: "q2", reports: 1, progress: 8, expected: 37 }, "AT_RISK", {
        key: "behindPace",
        progress: 8,
        expected: 37,
      }),
      // Not reported: the objective's (1.1 before 1.2.2), then the activity's.
      indicator("lawAdopted", { actual: null, at: null, reports: 0, progress: null, expected: 37 }, "NOT_REPORTED", {
        key: "noValue",
      }),
      indicator("teachers", { actual: null, at: null, reports: 0, progress: null, expected: 100 }, "NOT_REPORTED", {
        key: "noValue",
      }),
      // On track: 150 of 200 against 75; yes against yes.
      indicator("trained", { actual: 150, at: "q2", reports: 2, progress: 75, expected: 75 }, "ON_TRACK", {
        key: "onPace",
        progress: 75,
        expected: 75,
      }),
      indicator("mechanism", { actual: 1, at: "q3", reports: 1, progress: 100, expected: 75 }, "ON_TRACK", {
        key: "targetReached",
        progress: 100,
      }),
      // No target, or going down without a baseline to start from; objective 2.1 before activity 3.1.2.
      indicator("backlog", { actual: 15, at: "q2", reports: 1, progress: null, expected: 75 }, "NO_TARGET", {
        key: "noBaseline",
      }),
      indicator("shelterBeds", { actual: null, at: null, reports: 0, progress: null, expected: 37 }, "NO_TARGET", {
        key: "noTarget",
      }),
      indicator("calls", { actual: 70, at: "q1", reports: 1, progress: null, expected: 37 }, "NO_TARGET", {
        key: "noTarget",
      }),
    ]);
    expect(result.marks).toEqual({ ON_TRACK: 2, AT_RISK: 3, OFF_TRACK: 2, NOT_REPORTED: 2, NO_TARGET: 3 });
    expect(result.total).toBe(12); // 14 made: one archived, one of the archived 1.1.3
    expectDomainAgrees(v, result.rows);
  });

  it("indicators: a page of INDICATOR_PAGE, the marks and total over all of them", async () => {
    const db = await getDb();
    // Twenty more without a target on 3.1.2, after its "calls" (position 0): 32 in all, 23 without a target.
    await db.indicator.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({
        tenantId: w.tenant.id,
        activityId: w.activities["3.1.2"],
        name: { en: `Extra ${i + 10}` },
        position: i + 10,
      })),
    });
    const v = await view(w.ctx.coordinator);
    const marks = { ON_TRACK: 2, AT_RISK: 3, OFF_TRACK: 2, NOT_REPORTED: 2, NO_TARGET: 23 };
    const first = await dashboardIndicators(w.ctx.coordinator, v, 1, opts);
    expect(INDICATOR_PAGE).toBe(25);
    expect(first).toMatchObject({ total: 32, marks });
    // 9 with a mark, then backlog (1.1.10), shelterBeds (2.1), calls and the first 13 extras (3.1.2).
    expect(first.rows.slice(9, 12).map((r) => r.id)).toEqual(
      ["backlog", "shelterBeds", "calls"].map((k) => w.indicators[k]),
    );
    expect(first.rows.slice(12).map((r) => r.name.en)).toEqual(Array.from({ length: 13 }, (_, i) => `Extra ${i + 10}`));
    const second = await dashboardIndicators(w.ctx.coordinator, v, 2, opts);
    expect(second).toMatchObject({ total: 32, marks });
    expect(second.rows.map((r) => r.name.en)).toEqual(Array.from({ length: 7 }, (_, i) => `Extra ${i + 23}`));
    expect((await dashboardIndicators(w.ctx.coordinator, v, 3, opts)).rows).toEqual([]);
    // A page below 1 is the first.
    expect((await dashboardIndicators(w.ctx.coordinator, v, 0, opts)).rows).toEqual(first.rows);
    expectDomainAgrees(v, [...first.rows, ...second.rows]);
  });

  it("trend: actual against planned, period by period", async () => {
    const v = await view(w.ctx.coordinator);
    expect(await dashboardTrend(w.ctx.coordinator, v, opts)).toEqual([
      {
        period: period("q1"),
        // As of Q1 (03-31): 1.1.1 50, 1.1.2 20, 2.1.1 10, 3.1.2 5, the rest not started; 2.1.3 cancelled.
        actualPercent: 9, // 85 / 9 = 9.4
        // planned: 1.1.1 89/180 = 49, 1.1.2 89/364 = 24, 1.1.10 30/198 = 15, 1.2.1 0, 1.2.2 100,
        // 2.1.1 49, 3.1.1 0, 3.1.2 89/729 = 12 (2.1.2 has no span): 249 / 8 = 31.1
        plannedPercent: 31,
        completed: 0,
        plannedCompleted: 1, // 1.2.2
      },
      {
        period: period("q2"),
        actualPercent: 23, // as the headline's previous figures
        // 1.1.1 100, 1.1.2 49, 1.1.10 61, 1.2.1 90/364 = 25, 1.2.2 100, 2.1.1 100, 3.1.1 0, 3.1.2 25: 460 / 8 = 57.5
        plannedPercent: 58,
        completed: 1,
        // 1.1.1, 1.2.2, and 2.1.1: delayed as of Q2 (cancelled only in Q3), planned to end 06-30
        plannedCompleted: 3,
      },
      {
        period: period("q3"),
        actualPercent: 36,
        // 1.1.1 100, 1.1.2 75, 1.1.10 100, 1.2.1 50, 1.2.2 100, 3.1.1 50, 3.1.2 37: 512 / 7 = 73.1
        plannedPercent: 73,
        completed: 2,
        plannedCompleted: 3, // 1.1.1, 1.1.10, 1.2.2 (2.1.1 cancelled)
      },
    ]);
    // As of Q4 (not over: measured on today, 10-20), the same reports, more time elapsed.
    const q4 = await dashboardTrend(w.ctx.coordinator, await view(w.ctx.coordinator, { asOf: w.periods.q4.id }), opts);
    expect(q4.map((p) => p.period.id)).toEqual([w.periods.q1.id, w.periods.q2.id, w.periods.q3.id, w.periods.q4.id]);
    expect(q4[3]).toEqual({
      period: period("q4"),
      actualPercent: 36,
      // 1.1.1 100, 1.1.2 292/364 = 80, 1.1.10 100, 1.2.1 202/364 = 55, 1.2.2 100, 3.1.1 111/183 = 61,
      // 3.1.2 292/729 = 40: 536 / 7 = 76.6
      plannedPercent: 77,
      completed: 2,
      plannedCompleted: 3,
    });
  });

  it("watch list: overdue by their end, at risk delayed first then by the gap, with reasons", async () => {
    const v = await view(w.ctx.coordinator);
    expect(await dashboardWatchlist(w.ctx.coordinator, v, opts)).toEqual({
      overdue: [
        watch("1.2.2", "NOT_STARTED", 0, "2026-03-31", "charlie", { kind: "overdue", days: 183 }), // 03-31 to 09-30
        watch("1.1.10", "IN_PROGRESS", 40, "2026-09-15", "bravo", { kind: "overdue", days: 15 }),
      ],
      atRisk: [
        watch("1.2.1", "DELAYED", 10, "2027-03-31", "bravo", { kind: "delayed" }),
        watch("1.1.2", "IN_PROGRESS", 30, "2026-12-31", "alpha", { kind: "behind", expected: 75, actual: 30 }), // gap 45
        watch("3.1.2", "IN_PROGRESS", 5, "2027-12-31", null, { kind: "behind", expected: 37, actual: 5 }), // gap 32
      ],
      overdueTotal: 2,
      atRiskTotal: 3,
    });
  });
});

describe("as of an earlier period", () => {
  it("gives the state of then: Q1's reports, measured on 03-31, nothing before it", async () => {
    const ctx = w.ctx.coordinator;
    const v = await view(ctx, { asOf: w.periods.q1.id });
    expect(await dashboardHeadline(ctx, v, opts)).toEqual({
      current: figures({
        activities: 10,
        // 1.1.1, 1.1.2, 2.1.1 (not yet cancelled), 3.1.2 in progress; 2.1.3 cancelled on its record
        s: { NOT_STARTED: 5, IN_PROGRESS: 4, CANCELLED: 1 },
        completed: 0,
        completedShare: 0,
        averagePercent: 9, // 85 / 9
        overdue: 0, // 1.2.2 ends on 03-31 itself
        atRisk: 2, // 1.2.2 (100 - 0), 2.1.1 (49 - 10)
      }),
      previous: null,
      // Due in Q1: 1.1.1, 1.1.2, 1.1.10, 1.2.2, 2.1.2, 3.1.2; reported and on time: 1.1.1, 1.1.2, 3.1.2 (10:00 on the due day)
      compliance: { due: 6, reported: 3, onTime: 3, reportedRate: 50, onTimeRate: 50 },
      previousCompliance: null,
    });
    expect(await dashboardWatchlist(ctx, v, opts)).toEqual({
      overdue: [],
      atRisk: [
        watch("1.2.2", "NOT_STARTED", 0, "2026-03-31", "charlie", { kind: "behind", expected: 100, actual: 0 }),
        watch("2.1.1", "IN_PROGRESS", 10, "2026-06-30", "charlie", { kind: "behind", expected: 49, actual: 10 }),
      ],
      overdueTotal: 0,
      atRiskTotal: 2,
    });
    expect((await dashboardTrend(ctx, v, opts)).map((p) => [p.period.id, p.actualPercent, p.plannedPercent])).toEqual([
      [w.periods.q1.id, 9, 31],
    ]);
    // On 03-31 (89 days in): to 2026-12-31 89/364 = 24, to 2027-12-31 89/729 = 12.
    const indicators = await dashboardIndicators(ctx, v, 1, opts);
    expect(indicators.marks).toEqual({
      ON_TRACK: 2, // trained 80 of 200 = 40 against 24; referred 10 against 12
      AT_RISK: 1, // inspections 5 against 24
      OFF_TRACK: 1, // unresolved (45 - 40) / (20 - 40) = -25
      NOT_REPORTED: 6, // legalAid, daysToIdentify, backlog, mechanism, teachers, lawAdopted
      NO_TARGET: 2, // calls, shelterBeds
    });
    expect(indicators.rows.find((r) => r.id === w.indicators.trained)).toMatchObject({
      actual: 80,
      actualPeriod: { en: "Q1 2026" },
      progress: 40,
      expected: 24,
    });
    expectDomainAgrees(v, indicators.rows);
    // Agencies count the periods up to Q1 only.
    const agencies = await dashboardAgencies(ctx, v, { by: "name", desc: false }, opts);
    expect(agencies.map(({ agency, ...f }) => [agency.id, f])).toEqual([
      [
        w.agencies.alpha.id,
        // 1.1.1 and 1.1.2 in progress; due in Q1: 1.1.1, 1.1.2, 2.1.2, the first two on time
        {
          led: 3,
          partnered: 1,
          completed: 0,
          delayed: 0,
          overdue: 0,
          lastReport: "2026-04-14T09:00:00.000Z",
          onTimeRate: 67,
          dueReports: 3,
        },
      ],
      [
        w.agencies.bravo.id,
        // 1.2.1 had no report yet; 1.1.10 was due and not reported
        { led: 3, partnered: 2, completed: 0, delayed: 0, overdue: 0, lastReport: null, onTimeRate: 0, dueReports: 1 },
      ],
      [
        w.agencies.charlie.id,
        // 2.1.1's Q1 came late (04-20); 1.2.2 was due and not reported
        {
          led: 3,
          partnered: 0,
          completed: 0,
          delayed: 0,
          overdue: 0,
          lastReport: "2026-04-20T09:00:00.000Z",
          onTimeRate: 0,
          dueReports: 1,
        },
      ],
      [
        w.agencies.delta.id,
        {
          led: 0,
          partnered: 3,
          completed: 0,
          delayed: 0,
          overdue: 0,
          lastReport: null,
          onTimeRate: null,
          dueReports: 0,
        },
      ],
    ]);
  });
});

describe("submitted updates", () => {
  it("count for a coordinator who asks, marked pending; a viewer asking gets the approved figures", async () => {
    const ctx = w.ctx.coordinator;
    const v = await view(ctx, { submitted: true });
    // Q3 also counts 1.1.2 at 60 (submitted), 1.2.1 at 35 (signed off), 3.1.2 at 50 (submitted); not
    // 1.1.10's returned update nor 2.1.2's draft.
    const headline = await dashboardHeadline(ctx, v, opts);
    expect(headline).toEqual({
      current: figures({
        activities: 10,
        s: { NOT_STARTED: 2, IN_PROGRESS: 4, COMPLETED: 2, CANCELLED: 2 },
        completed: 2,
        completedShare: 25,
        averagePercent: 48, // (100 + 60 + 40 + 35 + 0 + 0 + 100 + 50) / 8 = 48.1
        overdue: 2,
        atRisk: 0, // 1.1.2: 75 - 60 = 15; 1.2.1: 50 - 35 = 15; 3.1.2: ahead
        pending: 3,
      }),
      previous: Q2_FIGURES, // nothing waits in Q1 and Q2
      compliance: Q3_COMPLIANCE,
      previousCompliance: Q2_COMPLIANCE,
    });
    const rollup = await dashboardRollup(ctx, v, opts);
    expect(
      rollup?.level === "pillars" && rollup.rows.map((r) => [r.key, r.averagePercent, r.atRisk, r.pending]),
    ).toEqual([
      ["PREVENTION", 47, 0, 2], // (100 + 60 + 40 + 35 + 0) / 5
      ["PROTECTION", 0, 0, 0],
      ["PROSECUTION", null, 0, 0],
      ["PARTNERSHIP", null, 0, 0],
      ["NONE", 75, 0, 1], // (100 + 50) / 2
    ]);
    const watch = await dashboardWatchlist(ctx, v, opts);
    expect([watch.overdueTotal, watch.atRiskTotal, watch.atRisk]).toEqual([2, 0, []]);
    expect(watch.overdue.map((r) => [r.code, r.pending])).toEqual([
      ["1.2.2", false],
      ["1.1.10", false],
    ]);
    const trend = await dashboardTrend(ctx, v, opts);
    expect(trend.map((p) => p.actualPercent)).toEqual([9, 23, 48]);
    const bravo = (await dashboardAgencies(ctx, v, { by: "name", desc: false }, opts)).find(
      (r) => r.agency.id === w.agencies.bravo.id,
    );
    expect(bravo).toMatchObject({ delayed: 0, overdue: 1 }); // 1.2.1 in progress at 35

    const indicators = await dashboardIndicators(ctx, v, 1, opts);
    const byKey = (key: string) => indicators.rows.find((r) => r.id === w.indicators[key]);
    // 10 + 15 + 30 = 55 of 100 against 37.
    expect(byKey("referred")).toMatchObject({ actual: 55, reports: 3, pending: true, progress: 55, mark: "ON_TRACK" });
    // (10 + 45) / (40 + 60) = 55 % (not the mean of 25 and 75); (55 - 20) / 60 = 58.
    expect(byKey("legalAid")).toMatchObject({ actual: 55, reports: 2, pending: true, progress: 58, mark: "ON_TRACK" });
    expect(byKey("legalAid")?.actualPeriod).toEqual({ en: "Q3 2026" });
    expect(byKey("calls")).toMatchObject({ actual: 80, reports: 2, pending: true, mark: "NO_TARGET" });
    expect(byKey("daysToIdentify")).toMatchObject({ actual: 90, pending: false }); // returned: still not counted
    expect(byKey("trained")).toMatchObject({ actual: 150, pending: false });
    expect(indicators.marks).toEqual({ ON_TRACK: 4, AT_RISK: 1, OFF_TRACK: 2, NOT_REPORTED: 2, NO_TARGET: 3 });
    expectDomainAgrees(v, indicators.rows);

    const asViewer = await view(w.ctx.viewer, { submitted: true });
    expect(await dashboardHeadline(w.ctx.viewer, asViewer, opts)).toEqual({
      current: Q3_CURRENT,
      previous: Q2_FIGURES,
      compliance: Q3_COMPLIANCE,
      previousCompliance: Q2_COMPLIANCE,
    });
    expect((await dashboardIndicators(w.ctx.viewer, asViewer, 1, opts)).marks).toEqual({
      ON_TRACK: 2,
      AT_RISK: 3,
      OFF_TRACK: 2,
      NOT_REPORTED: 2,
      NO_TARGET: 3,
    });
  });
});

describe("filters", () => {
  it("by pillar: its figures, its objectives, its indicators; a pillar without activities has none", async () => {
    const ctx = w.ctx.coordinator;
    const v = await view(ctx, { pillar: "PREVENTION" });
    expect(await dashboardHeadline(ctx, v, opts)).toEqual({
      current: figures({
        activities: 5,
        s: { NOT_STARTED: 1, IN_PROGRESS: 2, COMPLETED: 1, DELAYED: 1 },
        completed: 1,
        completedShare: 20,
        averagePercent: 36,
        overdue: 2,
        atRisk: 2,
      }),
      // As of Q2: 1.1.1 100, 1.1.2 30, 1.1.10 40, 1.2.1 delayed 10, 1.2.2 overdue
      previous: figures({
        activities: 5,
        s: { NOT_STARTED: 1, IN_PROGRESS: 2, COMPLETED: 1, DELAYED: 1 },
        completed: 1,
        completedShare: 20,
        averagePercent: 36,
        overdue: 1,
        atRisk: 1,
      }),
      compliance: { due: 3, reported: 3, onTime: 3, reportedRate: 100, onTimeRate: 100 }, // 1.1.2, 1.1.10, 1.2.1
      previousCompliance: { due: 4, reported: 4, onTime: 3, reportedRate: 100, onTimeRate: 75 }, // + 1.1.1; 1.1.2 late
    });
    const indicators = await dashboardIndicators(ctx, v, 1, opts);
    expect(indicators.total).toBe(9); // not mechanism (3.1.1), calls (3.1.2), shelterBeds (2.1)
    expect(indicators.marks).toEqual({ ON_TRACK: 1, AT_RISK: 3, OFF_TRACK: 2, NOT_REPORTED: 2, NO_TARGET: 1 });
    const watch = await dashboardWatchlist(ctx, v, opts);
    expect([...watch.overdue, ...watch.atRisk].map((r) => r.code)).toEqual(["1.2.2", "1.1.10", "1.2.1", "1.1.2"]);

    const none = await dashboardRollup(ctx, await view(ctx, { pillar: "NONE" }), opts);
    expect(none).toEqual({
      level: "objectives",
      pillar: "NONE",
      rows: [
        {
          key: w.objectives["3.1"].id,
          code: "3.1",
          title: { en: "Objective 3.1" },
          pillar: "NONE",
          ...figures({
            activities: 2,
            s: { IN_PROGRESS: 1, COMPLETED: 1 },
            completed: 1,
            completedShare: 50,
            averagePercent: 53,
            overdue: 0,
            atRisk: 1,
          }),
        },
      ],
    });

    const partnership = await view(ctx, { pillar: "PARTNERSHIP" });
    expect(await dashboardRollup(ctx, partnership, opts)).toEqual({
      level: "objectives",
      pillar: "PARTNERSHIP",
      rows: [],
    });
    expect(await dashboardHeadline(ctx, partnership, opts)).toEqual({
      current: EMPTY_PROGRESS,
      previous: EMPTY_PROGRESS,
      compliance: EMPTY_COMPLIANCE,
      previousCompliance: EMPTY_COMPLIANCE,
    });
    expect((await dashboardIndicators(ctx, partnership, 1, opts)).total).toBe(0);
    expect(await dashboardWatchlist(ctx, partnership, opts)).toEqual({
      overdue: [],
      atRisk: [],
      overdueTotal: 0,
      atRiskTotal: 0,
    });
  });

  it("by objective: its activities' figures, whatever pillar the URL names", async () => {
    const ctx = w.ctx.coordinator;
    const v = await view(ctx, { objective: w.objectives["1.2"].id, pillar: "PROTECTION" });
    expect((await dashboardHeadline(ctx, v, opts))?.current).toEqual(
      figures({
        activities: 2,
        s: { NOT_STARTED: 1, DELAYED: 1 },
        completed: 0,
        completedShare: 0,
        averagePercent: 5,
        overdue: 1,
        atRisk: 1,
      }),
    );
    expect(await dashboardRollup(ctx, v, opts)).toEqual({
      level: "activities",
      pillar: "PREVENTION",
      objective: { id: w.objectives["1.2"].id, code: "1.2", title: { en: "Objective 1.2" } },
      rows: [
        {
          ...activityRef("1.2.1"),
          status: "DELAYED",
          percentComplete: 10,
          pending: false,
          overdue: false,
          atRisk: true,
          plannedEnd: "2027-03-31",
          leadAgency: agencyRef("bravo"),
        },
        {
          ...activityRef("1.2.2"),
          status: "NOT_STARTED", // its record says 60 %, but nothing was reported
          percentComplete: 0,
          pending: false,
          overdue: true,
          atRisk: false,
          plannedEnd: "2026-03-31",
          leadAgency: agencyRef("charlie"),
        },
      ],
    });
  });

  it("by agency: the activities it leads or partners, also for an agency that only partners", async () => {
    const ctx = w.ctx.coordinator;
    // Bravo leads 1.1.10, 1.2.1, 2.1.3 and partners 1.1.2, 3.1.1.
    const bravo = await view(ctx, { agency: w.agencies.bravo.id });
    expect((await dashboardHeadline(ctx, bravo, opts))?.current).toEqual(
      figures({
        activities: 5,
        s: { IN_PROGRESS: 2, COMPLETED: 1, DELAYED: 1, CANCELLED: 1 },
        completed: 1,
        completedShare: 25, // 1 / 4
        averagePercent: 45, // (30 + 40 + 10 + 100) / 4
        overdue: 1,
        atRisk: 2,
      }),
    );
    const watch = await dashboardWatchlist(ctx, bravo, opts);
    expect([watch.overdue.map((r) => r.code), watch.atRisk.map((r) => r.code)]).toEqual([
      ["1.1.10"],
      ["1.2.1", "1.1.2"],
    ]);

    // Delta leads nothing and partners 1.1.1, 1.2.1, 2.1.1.
    const delta = await view(ctx, { agency: w.agencies.delta.id });
    expect((await dashboardHeadline(ctx, delta, opts))?.current).toEqual(
      figures({
        activities: 3,
        s: { COMPLETED: 1, DELAYED: 1, CANCELLED: 1 },
        completed: 1,
        completedShare: 50,
        averagePercent: 55, // (100 + 10) / 2
        overdue: 0,
        atRisk: 1,
      }),
    );
    const rollup = await dashboardRollup(ctx, delta, opts);
    expect(rollup).toEqual({
      level: "pillars",
      rows: [
        {
          key: "PREVENTION",
          code: null,
          title: null,
          pillar: "PREVENTION",
          ...figures({
            activities: 2,
            s: { COMPLETED: 1, DELAYED: 1 },
            completed: 1,
            completedShare: 50,
            averagePercent: 55,
            overdue: 0,
            atRisk: 1,
          }),
        },
        {
          key: "PROTECTION",
          code: null,
          title: null,
          pillar: "PROTECTION",
          ...figures({
            activities: 1,
            s: { CANCELLED: 1 },
            completed: 0,
            completedShare: null, // nothing not cancelled
            averagePercent: null,
            overdue: 0,
            atRisk: 0,
          }),
        },
        EMPTY_ROW("PROSECUTION"),
        EMPTY_ROW("PARTNERSHIP"),
      ],
    });
    // The agencies of those three activities, counted over them only.
    const agencies = await dashboardAgencies(ctx, delta, { by: "name", desc: false }, opts);
    expect(agencies.map(({ agency, ...f }) => [agency.id, f])).toEqual([
      [
        w.agencies.alpha.id,
        // leads 1.1.1 (due Q1 Q2, both on time), partners 1.2.1
        {
          led: 1,
          partnered: 1,
          completed: 1,
          delayed: 0,
          overdue: 0,
          lastReport: "2026-07-10T09:00:00.000Z",
          onTimeRate: 100,
          dueReports: 2,
        },
      ],
      [
        w.agencies.bravo.id,
        // leads 1.2.1 (due Q2 Q3, both on time)
        {
          led: 1,
          partnered: 0,
          completed: 0,
          delayed: 1,
          overdue: 0,
          lastReport: "2026-10-10T09:00:00.000Z",
          onTimeRate: 100,
          dueReports: 2,
        },
      ],
      [
        w.agencies.charlie.id,
        // leads 2.1.1, cancelled: never due
        {
          led: 1,
          partnered: 0,
          completed: 0,
          delayed: 0,
          overdue: 0,
          lastReport: "2026-10-01T09:00:00.000Z",
          onTimeRate: null,
          dueReports: 0,
        },
      ],
      [
        w.agencies.delta.id,
        {
          led: 0,
          partnered: 3,
          completed: 0,
          delayed: 0,
          overdue: 0,
          lastReport: null,
          onTimeRate: null,
          dueReports: 0,
        },
      ],
    ]);
    // Its activities' indicators (1.1.1's two, 1.2.1's), and the objectives' (1.1, 2.1), which belong to no agency.
    const indicators = await dashboardIndicators(ctx, delta, 1, opts);
    expect(indicators.rows.map((r) => r.id)).toEqual(
      ["unresolved", "legalAid", "lawAdopted", "trained", "shelterBeds"].map((k) => w.indicators[k]),
    );

    // Echo leads only an activity under an archived objective: nothing.
    const echo = await view(ctx, { agency: w.agencies.echo.id });
    expect((await dashboardHeadline(ctx, echo, opts))?.current).toEqual(EMPTY_PROGRESS);
    expect(await dashboardAgencies(ctx, echo, { by: "name", desc: false }, opts)).toEqual([]);
  });
});

describe("tenants", () => {
  it("a context of one tenant never sees another's figures, whatever ids it is handed", async () => {
    const b = await otherDashboardTenant();
    const vb = await view(b.ctx.coordinator);
    expect(vb).toMatchObject({ plan: { id: b.plan.id }, asOf: { id: b.period.id }, previous: null, day: "2026-09-30" });
    // B's own figures, counted for B: one activity, completed in its Q3, reported on 10-01.
    expect(await dashboardHeadline(b.ctx.coordinator, vb, opts)).toEqual({
      current: figures({
        activities: 1,
        s: { COMPLETED: 1 },
        completed: 1,
        completedShare: 100,
        averagePercent: 100,
        overdue: 0,
        atRisk: 0,
      }),
      previous: null,
      compliance: { due: 1, reported: 1, onTime: 1, reportedRate: 100, onTimeRate: 100 },
      previousCompliance: null,
    });
    expect(await dashboardAgencies(b.ctx.coordinator, vb, { by: "name", desc: false }, opts)).toEqual([
      {
        agency: { id: b.people.agency.id, name: { en: b.people.agency.name }, shortName: {} },
        led: 1,
        partnered: 0,
        completed: 1,
        delayed: 0,
        overdue: 0,
        lastReport: "2026-10-01T09:00:00.000Z",
        onTimeRate: 100,
        dueReports: 1,
      },
    ]);
    expect((await dashboardIndicators(b.ctx.coordinator, vb, 1, opts)).rows.map((r) => [r.id, r.mark])).toEqual([
      [b.indicator.id, "ON_TRACK"],
    ]);

    // A naming B's plan, period, objective and agency: A's own default view and figures.
    const ctx = w.ctx.coordinator;
    const tampered = await view(ctx, {
      plan: b.plan.id,
      asOf: b.period.id,
      objective: b.objective.id,
      agency: b.people.agency.id,
    });
    expect(tampered).toEqual(await view(ctx));
    expect((await dashboardHeadline(ctx, tampered, opts))?.current).toEqual(Q3_CURRENT);
    // And B naming A's: B's own.
    expect(
      await view(b.ctx.coordinator, { plan: w.plan.id, asOf: w.periods.q3.id, agency: w.agencies.alpha.id }),
    ).toEqual(vb);

    // A's context handed B's view itself: every statement is scoped to A's tenant, so nothing of B's.
    expect(await dashboardHeadline(ctx, vb, opts)).toEqual({
      current: EMPTY_PROGRESS,
      previous: null,
      compliance: EMPTY_COMPLIANCE,
      previousCompliance: null,
    });
    expect(await dashboardRollup(ctx, vb, opts)).toEqual({
      level: "pillars",
      rows: ["PREVENTION", "PROTECTION", "PROSECUTION", "PARTNERSHIP"].map((p) => EMPTY_ROW(p as RollupRow["pillar"])),
    });
    expect(await dashboardAgencies(ctx, vb, { by: "name", desc: false }, opts)).toEqual([]);
    expect(await dashboardIndicators(ctx, vb, 1, opts)).toMatchObject({ rows: [], total: 0 });
    expect(await dashboardTrend(ctx, vb, opts)).toEqual([
      { period: vb.asOf, actualPercent: null, plannedPercent: null, completed: 0, plannedCompleted: 0 },
    ]);
    expect(await dashboardWatchlist(ctx, vb, opts)).toEqual({
      overdue: [],
      atRisk: [],
      overdueTotal: 0,
      atRiskTotal: 0,
    });
  });

  it("gives no context to ask with to someone who is not a member", async () => {
    const b = await otherDashboardTenant();
    const outsider = await createUser();
    expect(await resolveTenantContext(outsider, w.tenant.slug)).toBeNull();
    // A member of B only (an admin there) is no member of A.
    expect(await resolveTenantContext(b.people.admin, w.tenant.slug)).toBeNull();
    expect((await resolveTenantContext(w.people.viewer, w.tenant.slug))?.role).toBe("VIEWER");
  });
});

// ---- helpers ----

/** The expected row of one indicator of the dataset: its definition from the factory, its figures from the test. */
function indicator(
  key: string,
  f: { actual: number | null; at: Quarter | null; reports: number; progress: number | null; expected: number | null },
  mark: IndicatorMark,
  reason: MarkReason,
  pending = false,
): IndicatorFigures {
  const spec = INDICATOR_SPECS.find((i) => i.key === key)!;
  const objective = spec.of.startsWith("objective:") ? spec.of.slice("objective:".length) : null;
  return {
    id: w.indicators[key],
    name: { en: `Indicator ${key}` },
    of: objective
      ? { kind: "objective", id: w.objectives[objective].id, code: objective }
      : { kind: "activity", id: w.activities[spec.of], code: spec.of },
    unit: spec.unit,
    unitLabel: {},
    direction: spec.direction,
    valueKind: spec.valueKind,
    baseline: spec.baseline,
    target: spec.target,
    targetYear: spec.targetYear,
    actual: f.actual,
    actualPeriod: f.at ? { en: QUARTERS[f.at].label } : null,
    reports: f.reports,
    pending,
    progress: f.progress,
    expected: f.expected,
    mark,
    reason,
  };
}

/** The SQL's progress, pace and mark are those of lib/domain/dashboard.ts on every row. */
function expectDomainAgrees(v: DashboardView, rows: IndicatorFigures[]): void {
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    const numbers = { unit: r.unit, direction: r.direction, baseline: r.baseline, target: r.target, actual: r.actual };
    const end = r.of.kind === "activity" ? ACTIVITY_SPECS.find((a) => a.code === r.of.code)!.span[1] : null;
    const due = targetDay(r.targetYear, end ?? v.plan!.endDate);
    expect(r.progress, r.of.code).toBe(indicatorProgress(numbers));
    expect(r.expected, r.of.code).toBe(expectedPercent(v.plan!.startDate, due, v.day));
    expect(indicatorMark(numbers, r.progress, r.expected), r.of.code).toEqual({ mark: r.mark, reason: r.reason });
  }
}

function watch(
  code: string,
  status: ActivityStatus,
  percentComplete: number,
  plannedEnd: string,
  lead: keyof DashboardWorld["agencies"] | null,
  reason: WatchReason,
  pending = false,
) {
  return {
    ...activityRef(code),
    status,
    percentComplete,
    plannedEnd,
    leadAgency: lead ? agencyRef(lead) : null,
    pending,
    reason,
  };
}
