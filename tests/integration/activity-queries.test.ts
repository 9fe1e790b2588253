// Browsing activities: filters, natural code order, sorting, pages, a focal point's and an agency's
// activities, and the promise behind "fast at 1,000 activities": the number of SQL statements
// never grows with the number of rows.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  getActivityDetail,
  getActivityFilterOptions,
  getAgencyOverview,
  listActivities,
  listMyActivities,
} from "@/lib/data/activity-queries";
import type { TenantContext } from "@/lib/data/context";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { toTexts } from "@/lib/domain/texts";
import {
  DEFAULT_FILTERS,
  DEFAULT_PAGE,
  DEFAULT_SORT,
  type ActivityFilters,
  type ActivitySort,
} from "@/lib/validation/activity-filters";
import { createAgency, createPlan, createTenant, createTenantWithPeople, createUser, ctxFor } from "../factories";
import {
  addIndicator,
  addProgressUpdate,
  countSqlQueries,
  createLargePlan,
  createSamplePlan,
} from "../factories/browse";

const today = new Date("2026-06-15T12:00:00Z");
const opts = { today, locale: "en" };

// Opening (and migrating) the embedded database can take longer than one test may.
beforeAll(async () => void (await getDb()));

async function world() {
  const people = await createTenantWithPeople();
  const [lead, other] = await Promise.all([createAgency(people.tenant), createAgency(people.tenant)]);
  const agencies = { lead: lead.id, partner: people.agency.id, other: other.id };
  const plan = await createSamplePlan(people.tenant, agencies);
  return { ...people, agencies, plan, viewerCtx: await ctxFor(people.viewer, people.tenant) };
}

async function codes(
  ctx: TenantContext,
  filters: Partial<ActivityFilters> = {},
  sort: Partial<ActivitySort> = {},
  locale = "en",
) {
  const page = await listActivities(
    ctx,
    { ...DEFAULT_FILTERS, ...filters },
    { ...DEFAULT_SORT, ...sort },
    DEFAULT_PAGE,
    { today, locale },
  );
  return page.rows.map((r) => r.code);
}

describe("listActivities", () => {
  it("lists the active plan's visible activities in natural code order, with lead, partners and overdue marks", async () => {
    const w = await world();
    await createSamplePlan(w.tenant, w.agencies, { status: "DRAFT", startYear: 2028 }); // newer, but not active
    const page = await listActivities(w.viewerCtx, DEFAULT_FILTERS, DEFAULT_SORT, DEFAULT_PAGE, opts);
    expect(page.plan?.id).toBe(w.plan.id);
    expect(page).toMatchObject({ total: 5, page: 1, size: 25, pageCount: 1 });
    expect(page.rows.map((r) => r.code)).toEqual(["1.1.1", "1.1.2", "1.1.10", "1.2.1", "2.1.1"]);
    const [first, second, , fourth, fifth] = page.rows;
    expect(first).toMatchObject({
      id: w.plan.ids["1.1.1"],
      title: { en: "Train border guards" },
      status: "IN_PROGRESS",
      percentComplete: 40,
      overdue: true,
    });
    expect(first.plannedEnd).toEqual(new Date("2026-01-31T00:00:00Z"));
    expect(first.leadAgency).toMatchObject({ id: w.agencies.lead });
    expect(first.partners.map((p) => p.id)).toEqual([w.agencies.partner]);
    expect(second).toMatchObject({
      title: { en: "Awareness campaign", ru: "Информационная кампания" },
      overdue: false,
    });
    expect(fourth.partners).toHaveLength(2);
    expect(fourth.overdue).toBe(true);
    expect(fifth).toMatchObject({ leadAgency: null, partners: [], overdue: false });
  });

  it("falls back to the newest plan when none is active, and lists the plan asked for", async () => {
    const w = await world();
    await getDb().then((db) => db.plan.update({ where: { id: w.plan.id }, data: { status: "CLOSED" } }));
    const newer = await createSamplePlan(w.tenant, w.agencies, { status: "DRAFT", startYear: 2028 });
    expect((await listActivities(w.viewerCtx, DEFAULT_FILTERS, DEFAULT_SORT, DEFAULT_PAGE, opts)).plan?.id).toBe(
      newer.id,
    );
    const asked = await listActivities(
      w.viewerCtx,
      { ...DEFAULT_FILTERS, plan: w.plan.id },
      DEFAULT_SORT,
      DEFAULT_PAGE,
      opts,
    );
    expect(asked.plan?.id).toBe(w.plan.id);
    expect(asked.rows.map((r) => r.id)).toContain(w.plan.ids["1.1.1"]);
  });

  it("narrows by pillar, objective, agency (lead, partner or either), status and overdue", async () => {
    const w = await world();
    const ctx = w.viewerCtx;
    expect(await codes(ctx, { pillar: "PROTECTION" })).toEqual(["2.1.1"]);
    expect(await codes(ctx, { objective: w.plan.objectiveIds["1.2"] })).toEqual(["1.2.1"]);
    expect(await codes(ctx, { agency: w.agencies.lead })).toEqual(["1.1.1", "1.1.10", "1.2.1"]);
    expect(await codes(ctx, { agency: w.agencies.lead, role: "lead" })).toEqual(["1.1.1", "1.1.10"]);
    expect(await codes(ctx, { agency: w.agencies.lead, role: "partner" })).toEqual(["1.2.1"]);
    expect(await codes(ctx, { agency: w.agencies.partner })).toEqual(["1.1.1", "1.1.2", "1.2.1"]);
    expect(await codes(ctx, { status: ["COMPLETED", "CANCELLED"] })).toEqual(["1.1.2", "2.1.1"]);
    expect(await codes(ctx, { overdue: true })).toEqual(["1.1.1", "1.2.1"]);
    expect(await codes(ctx, { overdue: true, agency: w.agencies.other })).toEqual(["1.2.1"]);
    expect(await codes(ctx, { pillar: "PARTNERSHIP" })).toEqual([]);
  });

  it("searches code, title and description in every language, ignoring case, every word anywhere", async () => {
    const w = await world();
    const ctx = w.viewerCtx;
    await (
      await getDb()
    ).activity.update({
      where: { id: w.plan.ids["1.2.1"] },
      data: {
        title: { en: "Labour inspections", tk: "Zähmet barlaglary" },
        description: { ru: "Проверено 200 рабочих мест" },
        expectedResults: { en: "Unsearched outcome" },
      },
    });
    expect(await codes(ctx, { q: "BORDER" })).toEqual(["1.1.1"]); // not the archived "Archived border work"
    expect(await codes(ctx, { q: "hotline" })).toEqual(["1.1.10"]);
    expect(await codes(ctx, { q: "КАМПАНИЯ" })).toEqual(["1.1.2"]);
    // A language the tenant does not list, and a Russian description, whatever the reader reads in;
    // expected results are not searched (the list searches what it shows and describes).
    expect(await codes(ctx, { q: "BARLAGLARY" })).toEqual(["1.2.1"]);
    expect(await codes(ctx, { q: "рабочих мест" }, {}, "ru")).toEqual(["1.2.1"]);
    expect(await codes(ctx, { q: "рабочих" }, {}, "en")).toEqual(["1.2.1"]);
    expect(await codes(ctx, { q: "unsearched" })).toEqual([]);
    expect(await codes(ctx, { q: "1.1.1" })).toEqual(["1.1.1", "1.1.10"]);
    expect(await codes(ctx, { q: "guards train" })).toEqual(["1.1.1"]);
    // LIKE wildcards are searched for literally.
    expect(await codes(ctx, { q: "%" })).toEqual(["2.1.1"]);
    expect(await codes(ctx, { q: "_" })).toEqual([]);
  });

  it("sorts by planned end, status, percent and title, in either direction", async () => {
    const w = await world();
    const ctx = w.viewerCtx;
    expect(await codes(ctx, {}, { by: "code", dir: "desc" })).toEqual(["2.1.1", "1.2.1", "1.1.10", "1.1.2", "1.1.1"]);
    expect(await codes(ctx, {}, { by: "plannedEnd" })).toEqual(["1.1.1", "1.1.2", "2.1.1", "1.2.1", "1.1.10"]);
    expect(await codes(ctx, {}, { by: "plannedEnd", dir: "desc" })).toEqual([
      "1.2.1",
      "1.1.1",
      "1.1.2",
      "2.1.1",
      "1.1.10",
    ]);
    expect(await codes(ctx, {}, { by: "status" })).toEqual(["1.1.10", "1.1.1", "1.1.2", "1.2.1", "2.1.1"]);
    expect(await codes(ctx, {}, { by: "percent", dir: "desc" })).toEqual([
      "1.1.2",
      "1.1.1",
      "1.2.1",
      "2.1.1",
      "1.1.10",
    ]);
    expect(await codes(ctx, {}, { by: "title" })).toEqual(["1.1.2", "1.1.10", "1.2.1", "2.1.1", "1.1.1"]);
    // In Russian the Russian title counts: "Информационная кампания" sorts after the Latin titles.
    expect(await codes(ctx, {}, { by: "title" }, "ru")).toEqual(["1.1.10", "1.2.1", "2.1.1", "1.1.1", "1.1.2"]);
    // A reader's language with no titles falls back to the tenant's languages in order: English first here...
    expect(await codes(ctx, {}, { by: "title" }, "kk")).toEqual(["1.1.2", "1.1.10", "1.2.1", "2.1.1", "1.1.1"]);
    // ...Russian first for a tenant that writes in Russian first.
    await (await getDb()).tenant.update({ where: { id: w.tenant.id }, data: { contentLanguages: ["ru", "en"] } });
    const russianFirst = await ctxFor(w.viewer, w.tenant);
    expect(await codes(russianFirst, {}, { by: "title" }, "kk")).toEqual([
      "1.1.10",
      "1.2.1",
      "2.1.1",
      "1.1.1",
      "1.1.2",
    ]);
  });

  it("pages through a large plan and shows the last page for a page past the end", async () => {
    const tenant = await createTenant();
    const ctx = await ctxFor(await createUser({ tenant, role: "VIEWER" }), tenant);
    await createLargePlan(tenant, { activities: 60 });
    const third = await listActivities(ctx, DEFAULT_FILTERS, DEFAULT_SORT, { page: 3, size: 25 }, opts);
    expect(third).toMatchObject({ total: 60, page: 3, pageCount: 3 });
    expect(third.rows).toHaveLength(10);
    const all = [1, 2, 3].map((page) => listActivities(ctx, DEFAULT_FILTERS, DEFAULT_SORT, { page, size: 25 }, opts));
    const ids = (await Promise.all(all)).flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(60);
    // Nonsense from a caller that skipped the URL parser is tamed, not sent to the database.
    const odd = await listActivities(
      ctx,
      DEFAULT_FILTERS,
      { by: "budget", dir: "sideways" } as never,
      { page: -3, size: 1000 } as never,
      opts,
    );
    expect(odd).toMatchObject({ page: 1, size: 100, total: 60 });
    expect(odd.rows.slice(0, 2).map((r) => r.code)).toEqual(["1.1.1", "1.1.2"]);
    const past = await listActivities(ctx, DEFAULT_FILTERS, DEFAULT_SORT, { page: 40, size: 50 }, opts);
    expect(past).toMatchObject({ page: 2, pageCount: 2 });
    expect(past.rows).toHaveLength(10);
  });

  it("sends the same number of SQL statements for 5 and for 60 activities", async () => {
    const counts: number[][] = [];
    for (const size of [5, 60]) {
      const tenant = await createTenant();
      const ctx = await ctxFor(await createUser({ tenant, role: "VIEWER" }), tenant);
      const plan = await createLargePlan(tenant, { activities: size });
      const runs: (() => Promise<unknown>)[] = [
        () => listActivities(ctx, DEFAULT_FILTERS, DEFAULT_SORT, { page: 1, size: 100 }, opts),
        () =>
          listActivities(
            ctx,
            { ...DEFAULT_FILTERS, agency: plan.agencyIds[0], q: "train", overdue: true },
            { by: "title", dir: "desc" },
            DEFAULT_PAGE,
            opts,
          ),
        () => getActivityFilterOptions(ctx, null),
      ];
      const row: number[] = [];
      for (const run of runs) row.push((await countSqlQueries(run)).queries);
      counts.push(row);
    }
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[0][0]).toBeGreaterThan(0); // the counter sees the statements
    // The door's BEGIN and set_config, then plan, page, count, then COMMIT (three before the door).
    expect(counts[0][0]).toBeLessThanOrEqual(6);
  });

  it("never lists another tenant's activities, whatever the filters say", async () => {
    const [a, b] = await Promise.all([world(), world()]);
    const page = await listActivities(
      a.viewerCtx,
      { ...DEFAULT_FILTERS, plan: b.plan.id },
      DEFAULT_SORT,
      DEFAULT_PAGE,
      opts,
    );
    expect(page.plan?.id).toBe(a.plan.id); // their plan id falls back to ours
    expect(page.rows.every((r) => Object.values(a.plan.ids).includes(r.id))).toBe(true);
    expect(await codes(a.viewerCtx, { agency: b.agencies.lead })).toEqual([]);
    expect(await codes(a.viewerCtx, { objective: b.plan.objectiveIds["1.1"] })).toEqual([]);
    const options = await getActivityFilterOptions(a.viewerCtx, b.plan.id);
    expect(options.plan?.id).toBe(a.plan.id);
    expect(options.agencies.map((x) => x.id)).not.toContain(b.agencies.lead);
  });

  it("answers an empty page when the tenant has no plan", async () => {
    const tenant = await createTenant();
    const ctx = await ctxFor(await createUser({ tenant, role: "COORDINATOR" }), tenant);
    expect(await listActivities(ctx)).toMatchObject({ plan: null, rows: [], total: 0 });
    expect(await getActivityFilterOptions(ctx, null)).toMatchObject({ plan: null, plans: [], objectives: [] });
  });

  it("offers the plan's sections, objectives in plan order, and the tenant's agencies", async () => {
    const w = await world();
    const options = await getActivityFilterOptions(w.viewerCtx, null);
    expect(options.plans.map((p) => p.id)).toEqual([w.plan.id]);
    expect(options.sections.map((s) => s.pillar)).toEqual(["PREVENTION", "PROTECTION"]);
    expect(options.objectives.map((o) => o.code)).toEqual(["1.1", "1.2", "2.1"]);
    expect(options.agencies.map((x) => x.id).sort()).toEqual(Object.values(w.agencies).sort());
  });

  it("refuses a role without tenant.view", async () => {
    const w = await world();
    const ctx = { ...w.viewerCtx, role: "GUEST" } as unknown as TenantContext;
    await expect(listActivities(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getActivityFilterOptions(ctx, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listMyActivities(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAgencyOverview(ctx, w.agencies.lead)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("getActivityDetail", () => {
  it("gives every field, partners, indicators and the latest approved values, by period end", async () => {
    const w = await world();
    const db = await getDb();
    const id = w.plan.ids["1.2.1"];
    await db.activity.update({
      where: { id },
      data: {
        description: { en: "Joint inspections", ru: "Совместные проверки" },
        expectedResults: { en: "200 workplaces inspected" },
        plannedStart: new Date("2025-03-01"),
        budget: "125000.50",
        currency: "USD",
        fundingSource: { en: "State budget" },
      },
    });
    const bySex = [{ dimension: "sex", categories: ["female", "male"] }];
    const first = await addIndicator(w.tenant, id, { name: "Inspections", position: 0, disaggregation: bySex });
    const second = await addIndicator(w.tenant, id, { name: "Referrals", position: 1 });
    await addIndicator(w.tenant, id, { name: "Retired", archived: true });
    const activity = { id, planId: w.plan.id };
    await addProgressUpdate(w.tenant, activity, {
      periodEnd: "2025-12-31",
      status: "APPROVED",
      values: { [first.id]: 25 },
    });
    await addProgressUpdate(w.tenant, activity, {
      periodEnd: "2025-06-30",
      status: "APPROVED",
      values: { [first.id]: 10, [second.id]: 3 },
    }); // approved later, older period
    await addProgressUpdate(w.tenant, activity, {
      periodEnd: "2026-03-31",
      status: "SUBMITTED",
      values: { [first.id]: 99 },
    }); // not approved

    const d = await getActivityDetail(w.viewerCtx, id, { today });
    expect(d).toMatchObject({
      id,
      code: "1.2.1",
      title: { en: "Labour inspections" },
      description: { en: "Joint inspections", ru: "Совместные проверки" },
      expectedResults: { en: "200 workplaces inspected" },
      budget: 125000.5,
      currency: "USD",
      fundingSource: { en: "State budget" },
      status: "DELAYED",
      percentComplete: 20,
      archived: false,
      overdue: true,
      plan: { id: w.plan.id, title: { ru: "Национальный план" }, status: "ACTIVE" },
      section: { code: "1", title: { en: "prevention" }, pillar: "PREVENTION" },
      objective: { id: w.plan.objectiveIds["1.2"], code: "1.2", title: { en: "Objective 1.2", ru: "Задача 1.2" } },
      leadAgency: { id: w.agencies.other },
    });
    expect(d.plannedStart).toEqual(new Date("2025-03-01T00:00:00Z"));
    expect(d.partners.map((p) => p.id).sort()).toEqual([w.agencies.lead, w.agencies.partner].sort());
    expect(d.latestApproved).toMatchObject({ periodEnd: new Date("2025-12-31T00:00:00Z") });
    expect(d.indicators.map((i) => i.name)).toEqual([{ en: "Inspections" }, { en: "Referrals" }]);
    expect(d.indicators[0]).toMatchObject({
      unit: "NUMBER",
      unitLabel: { en: "officers trained" },
      baselineSource: {},
      baseline: 10,
      baselineYear: 2024,
      target: 200.5,
      targetYear: 2027,
      direction: "INCREASE",
      disaggregation: bySex,
      latest: { value: 25 },
    });
    // The newest approved update has no value for it: no value rather than an older one.
    expect(d.indicators[1].latest).toBeNull();
  });

  it("has no latest values before an update is approved, and no overdue mark once completed", async () => {
    const w = await world();
    const d = await getActivityDetail(w.viewerCtx, w.plan.ids["1.1.2"], { today });
    expect(d).toMatchObject({
      latestApproved: null,
      indicators: [],
      overdue: false,
      budget: null,
      leadAgency: { id: w.agencies.partner },
      partners: [],
    });
  });

  it("shows an archived activity as archived", async () => {
    const w = await world();
    expect((await getActivityDetail(w.viewerCtx, w.plan.ids["2.1.2"])).archived).toBe(true);
  });

  it("answers not found for another tenant's activity, one in an archived plan, and an unknown id", async () => {
    const [a, b] = await Promise.all([world(), world()]);
    const hidden = await createSamplePlan(a.tenant, a.agencies, { status: "DRAFT" });
    await (await getDb()).plan.update({ where: { id: hidden.id }, data: { archivedAt: new Date() } });
    for (const id of [b.plan.ids["1.1.1"], hidden.ids["1.1.1"], "no-such-activity"]) {
      await expect(getActivityDetail(a.viewerCtx, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(
      getActivityDetail({ ...a.viewerCtx, role: "GUEST" } as unknown as TenantContext, a.plan.ids["1.1.1"]),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("sends the same number of SQL statements for 1 and for 12 indicators and partners", async () => {
    const counts: number[] = [];
    for (const n of [1, 12]) {
      const w = await world();
      const id = w.plan.ids["1.1.10"];
      const extra = await Promise.all(Array.from({ length: n }, () => createAgency(w.tenant)));
      await (
        await getDb()
      ).activityPartner.createMany({
        data: extra.map((x) => ({ tenantId: w.tenant.id, activityId: id, agencyId: x.id })),
      });
      const indicators = await Promise.all(
        Array.from({ length: n }, (_, i) => addIndicator(w.tenant, id, { position: i })),
      );
      await addProgressUpdate(
        w.tenant,
        { id, planId: w.plan.id },
        { periodEnd: "2025-12-31", status: "APPROVED", values: Object.fromEntries(indicators.map((x) => [x.id, 1])) },
      );
      const { result, queries } = await countSqlQueries(() => getActivityDetail(w.viewerCtx, id));
      expect(result.indicators).toHaveLength(n);
      counts.push(queries);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });
});

describe("listMyActivities", () => {
  it("gives a focal point what their agency leads or partners in, across plans, with the role", async () => {
    const w = await world();
    const closed = await createSamplePlan(w.tenant, w.agencies, { status: "CLOSED", startYear: 2020 });
    const mine = await listMyActivities(await ctxFor(w.focal, w.tenant), { today });
    expect(mine.agency?.id).toBe(w.agencies.partner);
    expect(mine.rows.map((r) => [r.plan.id, r.code, r.role])).toEqual([
      [w.plan.id, "1.1.1", "partner"],
      [w.plan.id, "1.1.2", "lead"],
      [w.plan.id, "1.2.1", "partner"],
      [closed.id, "1.1.1", "partner"],
      [closed.id, "1.1.2", "lead"],
      [closed.id, "1.2.1", "partner"],
    ]);
  });

  it("gives other roles no agency and nothing", async () => {
    const w = await world();
    for (const user of [w.admin, w.coordinator, w.viewer]) {
      expect(await listMyActivities(await ctxFor(user, w.tenant))).toEqual({ agency: null, rows: [] });
    }
  });

  it("stays in the focal point's tenant", async () => {
    const [a, b] = await Promise.all([world(), world()]);
    const mine = await listMyActivities(await ctxFor(b.focal, b.tenant), { today });
    expect(mine.rows.every((r) => r.plan.id === b.plan.id)).toBe(true);
    // A context pointing at another tenant's agency finds nothing.
    const forged = { ...(await ctxFor(a.focal, a.tenant)), agencyId: b.agencies.partner };
    expect(await listMyActivities(forged)).toEqual({ agency: null, rows: [] });
  });
});

describe("getAgencyOverview", () => {
  it("counts by status and overdue per plan and in total, agreeing with the listed activities", async () => {
    const w = await world();
    const old = await createSamplePlan(w.tenant, w.agencies, { status: "CLOSED", startYear: 2020 });
    const db = await getDb();
    const { name } = await db.agency.findUniqueOrThrow({ where: { id: w.agencies.lead }, select: { name: true } });
    const english = toTexts(name).en;
    await db.agency.update({
      where: { id: w.agencies.lead },
      data: { name: { en: english, ru: "Ведущее ведомство" }, kind: "STATE_AGENCY" },
    });
    const overview = await getAgencyOverview(w.viewerCtx, w.agencies.lead, { today });
    expect(overview.agency).toMatchObject({
      id: w.agencies.lead,
      name: { en: english, ru: "Ведущее ведомство" },
      shortName: {},
      kind: "STATE_AGENCY",
      archived: false,
    });
    expect(overview.plans.map((p) => p.plan.id)).toEqual([w.plan.id, old.id]);
    const current = overview.plans[0];
    expect(current.rows.map((r) => [r.code, r.role])).toEqual([
      ["1.1.1", "lead"],
      ["1.1.10", "lead"],
      ["1.2.1", "partner"],
    ]);
    expect(current.counts).toEqual({ NOT_STARTED: 1, IN_PROGRESS: 1, COMPLETED: 0, DELAYED: 1, CANCELLED: 0 });
    expect(current).toMatchObject({ total: 3, overdue: 2 });
    expect(overview.totals).toMatchObject({ total: 6, overdue: 4 });
    expect(overview.totals.counts.IN_PROGRESS).toBe(2);
  });

  it("shows an archived agency, and one with nothing to do", async () => {
    const w = await world();
    const idle = await createAgency(w.tenant);
    await (await getDb()).agency.update({ where: { id: idle.id }, data: { archivedAt: new Date() } });
    const overview = await getAgencyOverview(w.viewerCtx, idle.id, { today });
    expect(overview.agency.archived).toBe(true);
    expect(overview.plans).toEqual([]);
    expect(overview.totals).toMatchObject({ total: 0, overdue: 0 });
  });

  it("answers not found for another tenant's agency and an unknown id", async () => {
    const [a, b] = await Promise.all([world(), world()]);
    await createPlan(b.tenant, { leadAgencyId: b.agencies.lead });
    for (const id of [b.agencies.lead, "no-such-agency"]) {
      await expect(getAgencyOverview(a.viewerCtx, id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("sends the same number of SQL statements whatever the agency's load", async () => {
    const counts: number[] = [];
    for (const size of [5, 60]) {
      const tenant = await createTenant();
      const ctx = await ctxFor(await createUser({ tenant, role: "VIEWER" }), tenant);
      const plan = await createLargePlan(tenant, { activities: size, agencies: 3 });
      counts.push((await countSqlQueries(() => getAgencyOverview(ctx, plan.agencyIds[0], { today }))).queries);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
