// The dashboard's cache and cost: figures are served from the per-tenant cache until something
// they count changes (the triggers bump "Tenant"."figuresVersion" once per transaction, at its commit), and each
// function sends as many statements for 400 activities as for 10. The figures themselves are
// proved in dashboard.test.ts; the literals here are the same dataset's.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  dashboardAgencies,
  dashboardHeadline,
  dashboardIndicators,
  dashboardRollup,
  dashboardTrend,
  dashboardView,
  dashboardWatchlist,
} from "@/lib/data/dashboard";
import { clearFiguresCache, figuresCacheStats } from "@/lib/data/dashboard/cache";
import { getActivityForEdit, updateActivity } from "@/lib/data/activities";
import type { TenantContext } from "@/lib/data/context";
import { approveSelected } from "@/lib/data/reporting/review";
import { saveReport } from "@/lib/data/reporting/updates";
import { updateSection } from "@/lib/data/structure";
import type { UpdateInput } from "@/lib/domain/types/progress";
import { countSqlQueries, createLargePlan } from "../factories/browse";
import { createTenant, createUser, ctxFor } from "../factories/index";
import { FIG_TODAY, dashboardWorld, figuresVersionOf, type DashboardWorld } from "../factories/dashboard";

let w: DashboardWorld;
const opts = { today: FIG_TODAY };
beforeEach(async () => {
  clearFiguresCache();
  w = await dashboardWorld();
});

const report = (percentComplete: number): UpdateInput => ({
  activityStatus: "IN_PROGRESS",
  percentComplete,
  achievements: { en: "Drafted the referral guide" },
  challenges: {},
  nextSteps: {},
  values: [],
});

describe("the figures cache", () => {
  it("serves a repeated call from the cache, each part and argument under its own key", async () => {
    const ctx = w.ctx.coordinator;
    const v = await dashboardView(ctx, {}, { ...opts, fresh: true });
    const first = await dashboardHeadline(ctx, v, opts);
    expect(figuresCacheStats()).toEqual({ hits: 0, misses: 1 });
    expect(await dashboardHeadline(ctx, v, opts)).toBe(first);
    expect(figuresCacheStats()).toEqual({ hits: 1, misses: 1 });
    // Another part, another sort, another page, another view: each computed once.
    await dashboardAgencies(ctx, v, { by: "name", desc: false }, opts);
    await dashboardAgencies(ctx, v, { by: "name", desc: true }, opts);
    await dashboardIndicators(ctx, v, 2, opts);
    await dashboardHeadline(ctx, await dashboardView(ctx, { pillar: "NONE" }, { ...opts, fresh: true }), opts);
    expect(figuresCacheStats()).toEqual({ hits: 1, misses: 5 });
    await dashboardAgencies(ctx, v, { by: "name", desc: true }, opts);
    expect(figuresCacheStats()).toEqual({ hits: 2, misses: 5 });
    // Another day is another key (overdue and on time depend on it); `fresh` skips the cache.
    await dashboardHeadline(ctx, v, { today: new Date("2026-10-21") });
    expect(figuresCacheStats()).toEqual({ hits: 2, misses: 6 });
    expect(await dashboardHeadline(ctx, v, { ...opts, fresh: true })).toEqual(first);
    expect(figuresCacheStats()).toEqual({ hits: 2, misses: 6 });
  });

  it("recomputes after an approval, an activity's edit and a change of structure, and not after a draft", async () => {
    const ctx = w.ctx.coordinator;
    const v = await dashboardView(ctx, {}, { ...opts, fresh: true });
    const headline = () => dashboardHeadline(ctx, v, opts);
    const misses = () => figuresCacheStats().misses;
    const before = await headline();
    expect(before?.current).toMatchObject({ averagePercent: 36, overdue: 2, atRisk: 3 });
    await headline();
    expect(figuresCacheStats()).toEqual({ hits: 1, misses: 1 });

    // A draft saved (over the existing draft, and a first save) changes nothing counted.
    let version = await figuresVersionOf(w.tenant);
    const draft = await saveReport(
      w.ctx.alphaFocal,
      {
        activityId: w.activities["2.1.2"],
        periodId: w.periods.q3.id,
        version: w.updates["2.1.2 q3"].version,
        input: report(25),
        submit: false,
      },
      opts,
    );
    await saveReport(
      w.ctx.alphaFocal,
      { activityId: w.activities["1.1.1"], periodId: w.periods.q3.id, version: null, input: report(90), submit: false },
      opts,
    );
    expect(await figuresVersionOf(w.tenant)).toBe(version);
    expect(await headline()).toBe(before);
    expect(figuresCacheStats()).toEqual({ hits: 2, misses: 1 });

    // Submitting the draft: one statement moves one update out of draft, one bump. Progress counts
    // approved updates only; Q3's compliance counts it reported (6 of 6 due). Whether on time
    // depends on the clock (saveReport stamps the real time), so that is not asserted here.
    await saveReport(
      w.ctx.alphaFocal,
      {
        activityId: w.activities["2.1.2"],
        periodId: w.periods.q3.id,
        version: draft.version,
        input: report(25),
        submit: true,
      },
      opts,
    );
    expect(await figuresVersionOf(w.tenant)).toBe(version + 1);
    const submitted = await headline();
    expect(misses()).toBe(2);
    expect(submitted?.current).toEqual(before?.current);
    expect(submitted?.compliance).toMatchObject({ due: 6, reported: 6, reportedRate: 100 });

    // Approving 1.1.2's Q3 update through the review: it counts now, at 60 %.
    version = await figuresVersionOf(w.tenant);
    const u = w.updates["1.1.2 q3"];
    expect((await approveSelected(ctx, [{ updateId: u.id, version: u.version }], opts)).approved).toHaveLength(1);
    expect(await figuresVersionOf(w.tenant)).toBeGreaterThan(version);
    const approved = await headline();
    expect(misses()).toBe(3);
    // (285 - 30 + 60) / 8 = 39.4; 1.1.2 is 15 behind its 75, no longer at risk.
    expect(approved?.current).toMatchObject({ averagePercent: 39, overdue: 2, atRisk: 2, pending: 0 });

    // Re-planning 1.2.2 to end on 12-31: no longer overdue, but 75 behind (at risk), and due in Q2 and Q3.
    const edit = await getActivityForEdit(w.ctx.admin, w.activities["1.2.2"]);
    await updateActivity(w.ctx.admin, edit.id, edit.version, { ...edit, plannedEnd: "2026-12-31" }, "Extended");
    const replanned = await headline();
    expect(misses()).toBe(4);
    expect(replanned?.current).toMatchObject({ averagePercent: 39, overdue: 1, atRisk: 3 });
    // Q3: due 6 + 1 = 7, reported 6 (1.2.2 never reported): 86 %; Q2: due 7, reported 4 (57 %), on time 3 (43 %).
    expect(replanned?.compliance).toMatchObject({ due: 7, reported: 6, reportedRate: 86 });
    expect(replanned?.previousCompliance).toEqual({ due: 7, reported: 4, onTime: 3, reportedRate: 57, onTimeRate: 43 });

    // Section 3 moves from no pillar to Prosecution: the roll-up follows.
    const rollup = () => dashboardRollup(ctx, v, opts);
    const pillarsOf = async () => {
      const r = await rollup();
      return r?.level === "pillars" ? r.rows.map((row) => [row.key, row.activities]) : null;
    };
    expect(await pillarsOf()).toEqual([
      ["PREVENTION", 5],
      ["PROTECTION", 3],
      ["PROSECUTION", 0],
      ["PARTNERSHIP", 0],
      ["NONE", 2],
    ]);
    await rollup();
    const hits = figuresCacheStats().hits;
    await updateSection(w.ctx.admin, w.sections.none.id, w.sections.none.version, {
      code: "3",
      title: { en: "Coordination" },
      pillar: "PROSECUTION",
    });
    expect(await pillarsOf()).toEqual([
      ["PREVENTION", 5],
      ["PROTECTION", 3],
      ["PROSECUTION", 2],
      ["PARTNERSHIP", 0],
    ]);
    expect(figuresCacheStats().hits).toBe(hits);
  });

  it("keeps each tenant's entries apart: another tenant's change leaves them cached", async () => {
    const ctx = w.ctx.coordinator;
    const v = await dashboardView(ctx, {}, { ...opts, fresh: true });
    await dashboardHeadline(ctx, v, opts);
    const other = await createTenant();
    const db = await getDb();
    await db.agency.create({ data: { tenantId: other.id, name: { en: "Elsewhere" } } });
    await dashboardHeadline(ctx, v, opts);
    expect(figuresCacheStats()).toEqual({ hits: 1, misses: 1 });
  });
});

describe("the figures version", () => {
  it("moves by one per transaction that changes what the figures count, at its commit, however many rows it writes", async () => {
    const db = await getDb();
    const tenantId = w.tenant.id;
    const at = () => figuresVersionOf(w.tenant);
    let version = await at();
    const step = async (expected: number, write: () => Promise<unknown>) => {
      await write();
      const now = await at();
      expect(now - version).toBe(expected);
      version = now;
    };
    const ids = Array.from({ length: 5 }, (_, i) => `bulk-${tenantId}-${i}`);
    await step(1, () =>
      db.activity.createMany({
        data: ids.map((id, i) => ({
          id,
          tenantId,
          planId: w.plan.id,
          objectiveId: w.objectives["4.1"].id,
          code: `4.1.${i + 1}`,
          title: { en: `Bulk ${i}` },
          position: i + 1,
        })),
      }),
    );
    await step(1, () => db.activity.updateMany({ where: { tenantId }, data: { percentComplete: 1 } }));
    await step(1, () =>
      db.activityPartner.createMany({
        data: ids.map((activityId) => ({ tenantId, activityId, agencyId: w.agencies.echo.id })),
      }),
    );
    await step(1, () =>
      db.indicator.createMany({ data: ids.map((activityId) => ({ tenantId, activityId, name: { en: "Bulk" } })) }),
    );
    // Updates: drafts count for nothing; leaving draft, and deleting what is not a draft, do.
    const update = (activityId: string) => ({
      tenantId,
      activityId,
      periodId: w.periods.q4.id,
      activityStatus: "IN_PROGRESS" as const,
      percentComplete: 10,
    });
    await step(0, () => db.progressUpdate.createMany({ data: ids.map(update) }));
    await step(0, () =>
      db.progressUpdate.updateMany({ where: { tenantId, activityId: { in: ids } }, data: { percentComplete: 20 } }),
    );
    await step(1, () =>
      db.progressUpdate.updateMany({
        where: { tenantId, activityId: { in: ids } },
        data: { status: "SUBMITTED", submittedAt: new Date() },
      }),
    );
    // A counted column of an update that is not a draft, and a value of such an update, do too.
    await step(1, () =>
      db.progressUpdate.updateMany({ where: { tenantId, activityId: { in: ids } }, data: { percentComplete: 30 } }),
    );
    const [submitted] = await db.progressUpdate.findMany({ where: { tenantId, activityId: { in: ids } }, take: 1 });
    const [bulkIndicator] = await db.indicator.findMany({ where: { tenantId, activityId: submitted.activityId } });
    await step(1, () =>
      db.indicatorValue.create({
        data: { tenantId, progressUpdateId: submitted.id, indicatorId: bulkIndicator.id, value: 3 },
      }),
    );
    // Many statements in one transaction: one bump, at the commit.
    await step(1, () =>
      db.$transaction([
        db.plan.updateMany({ where: { tenantId }, data: { version: { increment: 1 } } }),
        db.agency.updateMany({ where: { tenantId }, data: { version: { increment: 1 } } }),
      ]),
    );
    await step(1, () => db.progressUpdate.deleteMany({ where: { tenantId, activityId: { in: ids } } }));
    await step(1, () => db.activityPartner.deleteMany({ where: { tenantId, activityId: { in: ids } } }));
    await step(1, () => db.reportingPeriod.updateMany({ where: { tenantId }, data: { version: { increment: 1 } } }));
    await step(1, () => db.objective.updateMany({ where: { tenantId }, data: { version: { increment: 1 } } }));
    await step(1, () => db.section.updateMany({ where: { tenantId }, data: { version: { increment: 1 } } }));
    await step(1, () => db.plan.updateMany({ where: { tenantId }, data: { version: { increment: 1 } } }));
    await step(1, () => db.agency.updateMany({ where: { tenantId }, data: { version: { increment: 1 } } }));

    // One statement over two tenants' rows: each tenant moves by one.
    const other = await createTenant();
    await db.agency.create({ data: { tenantId: other.id, name: { en: "Elsewhere" } } });
    const otherBefore = await figuresVersionOf(other);
    await step(1, () =>
      db.agency.updateMany({ where: { tenantId: { in: [tenantId, other.id] } }, data: { kind: "STATE_AGENCY" } }),
    );
    expect((await figuresVersionOf(other)) - otherBefore).toBe(1);
  });
});

describe("statements", () => {
  it(
    "each function sends as many for a plan of 400 activities as for the plan of 10",
    { timeout: 90_000 },
    async () => {
      const large = await largeWorld();
      const small = await statementsOf(w.ctx.coordinator, w.objectives["1.1"].id);
      expect(await statementsOf(large.ctx, large.objectiveId)).toEqual(small);
      // On a cold cache: the version's own transaction (BEGIN, the scope, the version, COMMIT; a
      // page reads it once per request), then BEGIN, the scope, the statement(s), COMMIT; the view
      // reads plans, periods, the objective and its section, the agency. A hit: the version only.
      expect(small).toEqual({
        view: 12,
        headline: 9,
        rollupPillars: 8,
        rollupActivities: 9,
        agencies: 8,
        indicators: 8,
        trend: 8,
        watchlist: 8,
        cacheHit: 4,
      });
    },
  );
});

/** A tenant with a plan of 400 activities over the four pillars, reported on in Q1 and Q3 2026. */
async function largeWorld() {
  const tenant = await createTenant();
  const plan = await createLargePlan(tenant, { activities: 400, startYear: 2025 });
  const db = await getDb();
  const tenantId = tenant.id;
  const periods = await Promise.all(
    [
      ["2026-01-01", "2026-03-31", "2026-04-15"],
      ["2026-04-01", "2026-06-30", "2026-07-15"],
      ["2026-07-01", "2026-09-30", "2026-10-15"],
    ].map(([start, end, due]) =>
      db.reportingPeriod.create({
        data: {
          tenantId,
          planId: plan.id,
          label: { en: `P ${start}` },
          startDate: new Date(start),
          endDate: new Date(end),
          opensOn: new Date(end),
          dueDate: new Date(due),
          locksOn: new Date(due),
        },
        select: { id: true },
      }),
    ),
  );
  await db.progressUpdate.createMany({
    data: plan.activityIds.flatMap((activityId, i) => [
      {
        tenantId,
        activityId,
        periodId: periods[0].id,
        status: "APPROVED" as const,
        activityStatus: "IN_PROGRESS" as const,
        percentComplete: i % 100,
        submittedAt: new Date("2026-04-10T09:00:00Z"),
      },
      {
        tenantId,
        activityId,
        periodId: periods[2].id,
        status: i % 2 ? ("SUBMITTED" as const) : ("APPROVED" as const),
        activityStatus: i % 5 ? ("IN_PROGRESS" as const) : ("DELAYED" as const),
        percentComplete: (i * 7) % 101,
        submittedAt: new Date("2026-10-10T09:00:00Z"),
      },
    ]),
  });
  const coordinator = await createUser({ tenant, role: "COORDINATOR" });
  return { ctx: await ctxFor(coordinator, tenant), objectiveId: plan.objectiveIds[0] };
}

/** The statements each dashboard function sends on a cold cache (and one served from it). */
async function statementsOf(ctx: TenantContext, objectiveId: string) {
  const count = async (fn: () => Promise<unknown>) => {
    clearFiguresCache();
    return (await countSqlQueries(fn)).queries;
  };
  const v = await dashboardView(ctx, {}, opts);
  const byObjective = await dashboardView(ctx, { objective: objectiveId }, opts);
  const sort = { by: "onTimeRate" as const, desc: true };
  const counts = {
    view: await count(() => dashboardView(ctx, { objective: objectiveId, agency: "nope" }, opts)),
    headline: await count(() => dashboardHeadline(ctx, v, opts)),
    rollupPillars: await count(() => dashboardRollup(ctx, v, opts)),
    rollupActivities: await count(() => dashboardRollup(ctx, byObjective, opts)),
    agencies: await count(() => dashboardAgencies(ctx, v, sort, opts)),
    indicators: await count(() => dashboardIndicators(ctx, v, 1, opts)),
    trend: await count(() => dashboardTrend(ctx, v, opts)),
    watchlist: await count(() => dashboardWatchlist(ctx, v, opts)),
    cacheHit: 0,
  };
  await dashboardWatchlist(ctx, v, opts);
  counts.cacheHit = (await countSqlQueries(() => dashboardWatchlist(ctx, v, opts))).queries;
  return counts;
}
