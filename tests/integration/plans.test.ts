// Plans: counts aggregated in the database, the tree of one plan, never another tenant's plan.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getPlanTree, listPlans } from "@/lib/data/plans";
import { parseIsoDay as day } from "@/lib/domain/day";
import { NotFoundError } from "@/lib/domain/errors";
import { isOverdue } from "@/lib/domain/overdue";
import { addActivity, createAgency, createPlan, createTenantWithPeople, ctxFor } from "../factories";

// Opening (and, on PGlite, migrating) the worker's database can take long on a busy machine:
// do it in a hook, not inside the first test's time budget.
beforeAll(async () => {
  await getDb();
}, 120_000);

const today = new Date("2026-06-15T12:00:00Z");

/** A plan with one activity of each kind the counts must tell apart. */
async function planWithMixedActivities(tenant: Awaited<ReturnType<typeof createTenantWithPeople>>["tenant"]) {
  const plan = await createPlan(tenant, { activities: 0 });
  await Promise.all([
    addActivity(tenant, plan, { status: "IN_PROGRESS", plannedEnd: day("2026-01-31") }), // overdue
    addActivity(tenant, plan, { status: "DELAYED", plannedEnd: day("2026-06-14") }), // overdue, by a day
    addActivity(tenant, plan, { status: "NOT_STARTED", plannedEnd: day("2026-12-31") }), // not yet due
    addActivity(tenant, plan, { status: "NOT_STARTED", plannedEnd: null }), // no end date
    addActivity(tenant, plan, { status: "COMPLETED", plannedEnd: day("2026-01-31") }), // done
    addActivity(tenant, plan, { status: "COMPLETED", plannedEnd: day("2026-12-31") }), // done early
    addActivity(tenant, plan, { status: "CANCELLED", plannedEnd: day("2026-01-31") }), // cancelled
    addActivity(tenant, plan, { status: "IN_PROGRESS", plannedEnd: day("2026-01-31"), archived: true }), // archived: not counted
  ]);
  return plan;
}

describe("listPlans", () => {
  it("counts activities, completed and overdue per plan, leaving out archived activities", async () => {
    const a = await createTenantWithPeople();
    const mixed = await planWithMixedActivities(a.tenant);
    const small = await createPlan(a.tenant, { activities: 3 }); // IN_PROGRESS 2025-06-30, COMPLETED, IN_PROGRESS 2025-06-30
    const empty = await createPlan(a.tenant, { activities: 0 });

    const plans = await listPlans(await ctxFor(a.viewer, a.tenant), today);
    const byId = new Map(plans.map((p) => [p.id, p]));
    expect(plans).toHaveLength(3);
    expect(byId.get(mixed.id)).toMatchObject({ activities: 7, completed: 2, overdue: 2, status: "ACTIVE" });
    expect(byId.get(mixed.id)?.title).toEqual(mixed.title);
    expect(byId.get(small.id)).toMatchObject({ activities: 3, completed: 1, overdue: 2 });
    expect(byId.get(empty.id)).toMatchObject({ activities: 0, completed: 0, overdue: 0 });
  });

  it("agrees with the overdue badges of the plan page", async () => {
    const a = await createTenantWithPeople();
    const plan = await planWithMixedActivities(a.tenant);
    const ctx = await ctxFor(a.viewer, a.tenant);
    const tree = await getPlanTree(ctx, plan.id);
    const flagged = tree.sections
      .flatMap((s) => s.objectives.flatMap((o) => o.activities))
      .filter((x) => isOverdue(x, today));
    const [summary] = await listPlans(ctx, today);
    expect(summary.overdue).toBe(flagged.length);
  });

  it("counts an activity due today as not yet overdue", async () => {
    const a = await createTenantWithPeople();
    const plan = await createPlan(a.tenant, { activities: 0 });
    await addActivity(a.tenant, plan, { status: "IN_PROGRESS", plannedEnd: day("2026-06-15") });
    const ctx = await ctxFor(a.viewer, a.tenant);
    expect((await listPlans(ctx, today))[0].overdue).toBe(0);
    expect((await listPlans(ctx, day("2026-06-16")))[0].overdue).toBe(1);
  });

  it("lists only this tenant's plans that are not archived", async () => {
    const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
    const [mine, archived, theirs] = await Promise.all([
      createPlan(a.tenant),
      createPlan(a.tenant),
      createPlan(b.tenant, { activities: 5 }),
    ]);
    await (await getDb()).plan.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const plans = await listPlans(await ctxFor(a.admin, a.tenant), today);
    expect(plans.map((p) => p.id)).toEqual([mine.id]);
    expect(plans[0].activities).toBe(2);
    expect((await listPlans(await ctxFor(b.viewer, b.tenant), today)).map((p) => p.id)).toEqual([theirs.id]);
  });
});

describe("getPlanTree", () => {
  it("returns sections, objectives and activities in order, with lead agencies", async () => {
    const a = await createTenantWithPeople();
    const plan = await createPlan(a.tenant, { activities: 0, title: "National Action Plan 2025-2027" });
    const db = await getDb();
    await db.plan.update({
      where: { id: plan.id },
      data: { title: { en: "National Action Plan 2025-2027", ru: "Национальный план" } },
    });
    const second = await addActivity(a.tenant, plan, { position: 2, title: "Second", leadAgencyId: a.agency.id });
    const first = await addActivity(a.tenant, plan, { position: 1, title: "First" });
    await addActivity(a.tenant, plan, { position: 3, title: "Archived", archived: true });
    const section2 = await db.section.create({
      data: {
        tenantId: a.tenant.id,
        planId: plan.id,
        code: "2",
        title: { en: "Protection" },
        pillar: "PROTECTION",
        position: 2,
      },
    });

    const tree = await getPlanTree(await ctxFor(a.focal, a.tenant), plan.id);
    expect(tree).toMatchObject({ id: plan.id, predecessor: null });
    expect(tree.title).toEqual({ en: "National Action Plan 2025-2027", ru: "Национальный план" });
    expect(tree.sections.map((s) => [s.code, s.pillar])).toEqual([
      ["1", "PREVENTION"],
      ["2", "PROTECTION"],
    ]);
    expect(tree.sections[1]).toMatchObject({ id: section2.id, objectives: [] });
    const activities = tree.sections[0].objectives[0].activities;
    expect(activities.map((x) => x.id)).toEqual([first.id, second.id]);
    expect(activities[1].leadAgency).toEqual({ id: a.agency.id, name: { en: a.agency.name } });
    expect(activities[0].leadAgency).toBeNull();
  });

  it("names the predecessor plan", async () => {
    const a = await createTenantWithPeople();
    const [old, current] = await Promise.all([createPlan(a.tenant, { title: "NAP 2021-2024" }), createPlan(a.tenant)]);
    await (await getDb()).plan.update({ where: { id: current.id }, data: { predecessorId: old.id } });
    expect((await getPlanTree(await ctxFor(a.viewer, a.tenant), current.id)).predecessor).toEqual({
      id: old.id,
      title: { en: "NAP 2021-2024" },
    });
  });

  it("answers not found for another tenant's plan, an archived plan and an unknown id", async () => {
    const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
    const agencyB = await createAgency(b.tenant);
    const [theirs, archived] = await Promise.all([
      createPlan(b.tenant, { leadAgencyId: agencyB.id }),
      createPlan(a.tenant),
    ]);
    await (await getDb()).plan.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const admin = await ctxFor(a.admin, a.tenant);
    for (const id of [theirs.id, archived.id, "no-such-plan"]) {
      await expect(getPlanTree(admin, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    // The owner still sees it.
    expect((await getPlanTree(await ctxFor(b.viewer, b.tenant), theirs.id)).id).toBe(theirs.id);
  });
});
