// Managing plans: created with the four pillars, edited over the loaded version, status only
// forward, closed plans read-only, archived when they have history and deleted only as empty
// drafts; never across tenants, never by viewers or focal points, always audited.
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { archivePlanAction, createPlanAction, deletePlanAction, updatePlanAction } from "@/lib/actions/plans";
import {
  archivePlan,
  createPlan,
  deletePlan,
  getPlanForEdit,
  getPlanTree,
  listPlanChoices,
  listPlans,
  updatePlan,
} from "@/lib/data/plans";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { toTexts } from "@/lib/domain/texts";
import {
  addActivity,
  auditEventsFor,
  createPlan as createPlanWithActivities,
  createTenantWithPeople,
  ctxFor,
} from "../factories";
import { addObjective, addPeriod, createBarePlan, day, planInput, snapshotStructure } from "../factories/structure";
import { form, signInAs } from "../helpers/session";

async function world() {
  const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
  const [adminA, coordinatorA] = await Promise.all([ctxFor(a.admin, a.tenant), ctxFor(a.coordinator, a.tenant)]);
  return { a, b, adminA, coordinatorA };
}

const planRow = async (id: string) => (await getDb()).plan.findUniqueOrThrow({ where: { id } });

afterEach(() => signInAs(null));

describe("createPlan", () => {
  it("creates a draft with the four pillar sections in Russian too, and audits it", async () => {
    const { a, coordinatorA } = await world();
    const { id } = await createPlan(
      coordinatorA,
      planInput({ title: { en: "  NAP 2025-2027 ", ru: " НПД 2025-2027 " }, description: { en: " Text " } }),
    );
    expect(await planRow(id)).toMatchObject({
      tenantId: a.tenant.id,
      title: { en: "NAP 2025-2027", ru: "НПД 2025-2027" },
      description: { en: "Text" },
      status: "DRAFT",
      version: 1,
      startDate: day("2025-01-01"),
      endDate: day("2027-12-31"),
      predecessorId: null,
    });
    const tree = await getPlanTree(coordinatorA, id);
    expect(tree.sections.map((s) => [s.code, s.title.en, s.title.ru, s.pillar, s.position])).toEqual([
      ["1", "Prevention", "Предупреждение", "PREVENTION", 1],
      ["2", "Protection", "Защита", "PROTECTION", 2],
      ["3", "Prosecution", "Уголовное преследование", "PROSECUTION", 3],
      ["4", "Partnership", "Партнёрство", "PARTNERSHIP", 4],
    ]);
    expect(await auditEventsFor(id)).toEqual([
      expect.objectContaining({
        tenantId: a.tenant.id,
        actorId: a.coordinator.id,
        action: "plan.created",
        entityType: "Plan",
        before: null,
        after: expect.objectContaining({
          title: { en: "NAP 2025-2027", ru: "НПД 2025-2027" },
          status: "DRAFT",
          startDate: "2025-01-01",
          endDate: "2027-12-31",
        }),
      }),
    ]);
  });

  it("may start active and follow an earlier plan of the same tenant", async () => {
    const { adminA, a } = await world();
    const old = await createBarePlan(a.tenant, { status: "CLOSED" });
    const { id } = await createPlan(adminA, planInput({ status: "ACTIVE", predecessorId: old.id }));
    expect(await planRow(id)).toMatchObject({ status: "ACTIVE", predecessorId: old.id });
    expect((await getPlanTree(adminA, id)).predecessor).toMatchObject({ id: old.id, title: old.title });
  });

  it("refuses an end not after the start, a closed start and another tenant's predecessor; nothing is saved", async () => {
    const { a, b, adminA } = await world();
    const theirs = await createBarePlan(b.tenant);
    const [beforeA, beforeB] = await Promise.all([snapshotStructure(a.tenant), snapshotStructure(b.tenant)]);
    for (const [input, field, key] of [
      [planInput({ endDate: day("2024-12-31") }), "endDate", "planAdmin.validation.endBeforeStart"],
      [planInput({ endDate: day("2025-01-01") }), "endDate", "planAdmin.validation.endBeforeStart"],
      [planInput({ predecessorId: theirs.id }), "predecessorId", "planAdmin.validation.predecessorMissing"],
      [planInput({ predecessorId: "no-such-plan" }), "predecessorId", "planAdmin.validation.predecessorMissing"],
      [planInput({ status: "CLOSED" }), "status", "planAdmin.validation.initialStatus"],
    ] as const) {
      const error = await createPlan(adminA, input).catch((e) => e);
      expect(error, field).toBeInstanceOf(RuleError);
      expect(error.fieldErrors).toEqual({ [field]: { key } });
    }
    expect(await snapshotStructure(a.tenant)).toEqual(beforeA);
    expect(await snapshotStructure(b.tenant)).toEqual(beforeB);
  });

  it("is forbidden to focal points and viewers", async () => {
    const { a } = await world();
    const before = await snapshotStructure(a.tenant);
    for (const person of [a.focal, a.viewer]) {
      await expect(createPlan(await ctxFor(person, a.tenant), planInput())).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshotStructure(a.tenant)).toEqual(before);
  });
});

describe("updatePlan", () => {
  it("saves over the loaded version, bumps it, and audits before and after", async () => {
    const { a, coordinatorA } = await world();
    const plan = await createBarePlan(a.tenant, { title: "Old" });
    await updatePlan(
      coordinatorA,
      plan.id,
      1,
      planInput({ title: { en: "New", ru: "Новый" }, endDate: day("2028-06-30") }),
    );
    expect(await planRow(plan.id)).toMatchObject({
      title: { en: "New", ru: "Новый" },
      endDate: day("2028-06-30"),
      version: 2,
      status: "DRAFT",
    });
    expect(await auditEventsFor(plan.id)).toEqual([
      expect.objectContaining({
        actorId: a.coordinator.id,
        action: "plan.updated",
        before: expect.objectContaining({ title: { en: "Old" }, endDate: "2027-12-31" }),
        after: expect.objectContaining({ title: { en: "New", ru: "Новый" }, endDate: "2028-06-30" }),
      }),
    ]);
  });

  it("moves the status forward one step at a time, auditing each step", async () => {
    const { a, adminA } = await world();
    const plan = await createBarePlan(a.tenant);
    await updatePlan(adminA, plan.id, 1, planInput({ status: "ACTIVE" }));
    await updatePlan(adminA, plan.id, 2, planInput({ status: "CLOSED" }));
    expect((await planRow(plan.id)).status).toBe("CLOSED");
    expect((await auditEventsFor(plan.id)).map((e) => e.action)).toEqual(["plan.activated", "plan.closed"]);
  });

  it("refuses to go back, or to skip from draft to closed", async () => {
    const { a, adminA } = await world();
    const [draft, active] = await Promise.all([
      createBarePlan(a.tenant),
      createBarePlan(a.tenant, { status: "ACTIVE" }),
    ]);
    const before = await snapshotStructure(a.tenant);
    for (const [id, status] of [
      [draft.id, "CLOSED"],
      [active.id, "DRAFT"],
    ] as const) {
      const error = await updatePlan(adminA, id, 1, planInput({ status })).catch((e) => e);
      expect(error).toBeInstanceOf(RuleError);
      expect(error.fieldErrors).toEqual({ status: { key: "planAdmin.validation.statusTransition" } });
    }
    expect(await snapshotStructure(a.tenant)).toEqual(before);
  });

  it("keeps a closed plan read-only: no edits, no reopening", async () => {
    const { a, adminA } = await world();
    const closed = await createBarePlan(a.tenant, { status: "CLOSED" });
    const before = await snapshotStructure(a.tenant);
    for (const status of ["CLOSED", "ACTIVE", "DRAFT"] as const) {
      const error = await updatePlan(adminA, closed.id, 1, planInput({ status, title: { en: "Rewritten" } })).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(RuleError);
      expect(error.message).toBe("errors.planClosed");
    }
    expect(await snapshotStructure(a.tenant)).toEqual(before);
  });

  it("refuses a stale version and returns the saved values", async () => {
    const { a, adminA, coordinatorA } = await world();
    const plan = await createBarePlan(a.tenant);
    await updatePlan(coordinatorA, plan.id, 1, planInput({ title: { en: "Saved first", ru: "Первый" } }));
    const before = await snapshotStructure(a.tenant);
    const error = await updatePlan(adminA, plan.id, 1, planInput({ title: { en: "Saved second" } })).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.current).toMatchObject({
      id: plan.id,
      version: 2,
      title: { en: "Saved first", ru: "Первый" },
      startDate: "2025-01-01",
      endDate: "2027-12-31",
      status: "DRAFT",
    });
    expect(await snapshotStructure(a.tenant)).toEqual(before);
  });

  it("refuses bad dates, itself or a successor as predecessor", async () => {
    const { a, adminA } = await world();
    const first = await createBarePlan(a.tenant);
    const second = await createBarePlan(a.tenant, { predecessorId: first.id });
    const before = await snapshotStructure(a.tenant);
    for (const [target, input, field, key] of [
      [
        second.id,
        planInput({ predecessorId: first.id, startDate: day("2026-01-01"), endDate: day("2025-01-01") }),
        "endDate",
        "planAdmin.validation.endBeforeStart",
      ],
      [first.id, planInput({ predecessorId: first.id }), "predecessorId", "planAdmin.validation.predecessorCycle"],
      [first.id, planInput({ predecessorId: second.id }), "predecessorId", "planAdmin.validation.predecessorCycle"],
    ] as const) {
      const error = await updatePlan(adminA, target, 1, input).catch((e) => e);
      expect(error, key).toBeInstanceOf(RuleError);
      expect(error.fieldErrors).toEqual({ [field]: { key } });
    }
    expect(await snapshotStructure(a.tenant)).toEqual(before);
  });

  it("answers not found for another tenant's plan and is forbidden to a viewer; nothing changes", async () => {
    const { a, b, adminA } = await world();
    const [mine, theirs] = await Promise.all([createBarePlan(a.tenant), createBarePlan(b.tenant)]);
    const [beforeA, beforeB] = await Promise.all([snapshotStructure(a.tenant), snapshotStructure(b.tenant)]);
    await expect(updatePlan(adminA, theirs.id, 1, planInput())).rejects.toBeInstanceOf(NotFoundError);
    await expect(updatePlan(await ctxFor(a.viewer, a.tenant), mine.id, 1, planInput())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(updatePlan(await ctxFor(a.focal, a.tenant), mine.id, 1, planInput())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await snapshotStructure(a.tenant)).toEqual(beforeA);
    expect(await snapshotStructure(b.tenant)).toEqual(beforeB);
  });
});

describe("archivePlan and deletePlan", () => {
  it("archives a plan with history: it leaves the lists, its rows stay, the event is audited", async () => {
    const { a, coordinatorA } = await world();
    const plan = await createPlanWithActivities(a.tenant, { activities: 1 });
    await archivePlan(coordinatorA, plan.id);
    expect((await planRow(plan.id)).archivedAt).not.toBeNull();
    expect((await listPlans(coordinatorA)).map((p) => p.id)).not.toContain(plan.id);
    await expect(getPlanTree(coordinatorA, plan.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await (await getDb()).activity.count({ where: { planId: plan.id } })).toBe(1);
    expect(await auditEventsFor(plan.id)).toEqual([
      expect.objectContaining({ actorId: a.coordinator.id, action: "plan.archived", before: { status: "ACTIVE" } }),
    ]);
  });

  it("deletes an empty draft with its sections and objectives, auditing what it was", async () => {
    const { a, adminA } = await world();
    const { id } = await createPlan(adminA, planInput({ title: { en: "Mistake" } }));
    const [first] = (await getPlanTree(adminA, id)).sections;
    await addObjective(a.tenant, { planId: id, sectionId: first.id }, { code: "1.1" });
    expect((await getPlanForEdit(adminA, id)).deletable).toBe(true);
    await deletePlan(adminA, id);
    const db = await getDb();
    expect(await db.plan.findUnique({ where: { id } })).toBeNull();
    expect(await db.section.count({ where: { planId: id } })).toBe(0);
    expect(await db.objective.count({ where: { planId: id } })).toBe(0);
    expect((await auditEventsFor(id)).map((e) => e.action)).toEqual(["plan.created", "plan.deleted"]);
    expect((await auditEventsFor(id))[1].before).toMatchObject({ title: { en: "Mistake" }, status: "DRAFT" });
  });

  it("refuses to delete a plan with history or that is not a draft; archiving is the way", async () => {
    const { a, adminA } = await world();
    const withArchivedActivity = await createPlanWithActivities(a.tenant, { activities: 0 });
    await (await getDb()).plan.update({ where: { id: withArchivedActivity.id }, data: { status: "DRAFT" } });
    await addActivity(a.tenant, withArchivedActivity, { archived: true });
    const withPeriod = await createBarePlan(a.tenant);
    await addPeriod(a.tenant, withPeriod.id);
    const withSuccessor = await createBarePlan(a.tenant);
    await createBarePlan(a.tenant, { predecessorId: withSuccessor.id });
    const active = await createBarePlan(a.tenant, { status: "ACTIVE" });
    const before = await snapshotStructure(a.tenant);
    for (const [id, key] of [
      [withArchivedActivity.id, "planAdmin.hasHistory"],
      [withPeriod.id, "planAdmin.hasHistory"],
      [withSuccessor.id, "planAdmin.hasHistory"],
      [active.id, "planAdmin.onlyDraftDeleted"],
    ]) {
      expect((await getPlanForEdit(adminA, id)).deletable).toBe(false);
      const error = await deletePlan(adminA, id).catch((e) => e);
      expect(error).toBeInstanceOf(RuleError);
      expect(error.message).toBe(key);
    }
    expect(await snapshotStructure(a.tenant)).toEqual(before);
  });

  it("leaves closed plans alone, answers not found across tenants, and is forbidden to viewers and focal points", async () => {
    const { a, b, adminA } = await world();
    const [closed, mine, theirs] = await Promise.all([
      createBarePlan(a.tenant, { status: "CLOSED" }),
      createBarePlan(a.tenant),
      createBarePlan(b.tenant),
    ]);
    const [beforeA, beforeB] = await Promise.all([snapshotStructure(a.tenant), snapshotStructure(b.tenant)]);
    for (const fn of [archivePlan, deletePlan]) {
      await expect(fn(adminA, closed.id)).rejects.toThrow("errors.planClosed");
      await expect(fn(adminA, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
      for (const person of [a.viewer, a.focal])
        await expect(fn(await ctxFor(person, a.tenant), mine.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshotStructure(a.tenant)).toEqual(beforeA);
    expect(await snapshotStructure(b.tenant)).toEqual(beforeB);
  });
});

describe("getPlanForEdit and listPlanChoices", () => {
  it("give managers the plan's form values, only within their tenant", async () => {
    const { a, b, adminA } = await world();
    const [mine, theirs, archived] = await Promise.all([
      createBarePlan(a.tenant, { title: "Mine" }),
      createBarePlan(b.tenant),
      createBarePlan(a.tenant),
    ]);
    await archivePlan(adminA, archived.id);
    expect(await getPlanForEdit(adminA, mine.id)).toEqual({
      id: mine.id,
      version: 1,
      title: { en: "Mine" },
      description: {},
      startDate: "2025-01-01",
      endDate: "2027-12-31",
      status: "DRAFT",
      predecessorId: null,
      deletable: true,
    });
    for (const id of [theirs.id, archived.id])
      await expect(getPlanForEdit(adminA, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlanForEdit(await ctxFor(a.viewer, a.tenant), mine.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listPlanChoices(adminA)).map((p) => p.id)).toEqual([mine.id]);
  });
});

describe("plan actions through the wrapper", () => {
  it("create: returns the new id; bad dates come back next to the end field with what was typed", async () => {
    const { a } = await world();
    signInAs(a.coordinator);
    const fields = {
      tenant: a.tenant.slug,
      "title.en": "NAP",
      "title.ru": "",
      "description.en": "",
      startDate: "2025-01-01",
      endDate: "2027-12-31",
      predecessorId: "",
    };
    const ok = await createPlanAction(null, form(fields));
    expect(ok).toMatchObject({ ok: true, message: { key: "planAdmin.created" } });
    const id = ok.ok ? ok.data?.id : undefined;
    expect(await planRow(id!)).toMatchObject({ tenantId: a.tenant.id, status: "DRAFT" });

    const before = await snapshotStructure(a.tenant);
    const bad = await createPlanAction(null, form({ ...fields, endDate: "2024-01-01" }));
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { endDate: { key: "planAdmin.validation.endBeforeStart" } },
      values: { "title.en": "NAP", endDate: "2024-01-01" },
    });
    const missing = await createPlanAction(null, form({ ...fields, "title.en": " ", startDate: "2025-02-30" }));
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: { title: { key: "validation.required" }, startDate: { key: "validation.invalid" } },
    });
    expect(await snapshotStructure(a.tenant)).toEqual(before);
  });

  it("refuses viewers, other tenants' people and a tenant named by the client", async () => {
    const { a, b } = await world();
    const fields = { tenant: a.tenant.slug, "title.en": "NAP", startDate: "2025-01-01", endDate: "2027-12-31" };
    const before = await snapshotStructure(a.tenant);
    signInAs(a.viewer);
    expect(await createPlanAction(null, form(fields))).toMatchObject({
      ok: false,
      message: { key: "errors.forbidden" },
    });
    signInAs(b.admin);
    expect(await createPlanAction(null, form(fields))).toMatchObject({
      ok: false,
      message: { key: "errors.notFound" },
    });
    signInAs(null);
    expect(await createPlanAction(null, form(fields))).toMatchObject({
      ok: false,
      message: { key: "errors.signedOut" },
    });
    expect(await snapshotStructure(a.tenant)).toEqual(before);
  });

  it("update: a stale version returns the saved plan; archive and delete act on this tenant's plan only", async () => {
    const { a, b } = await world();
    const [plan, draft, theirs] = await Promise.all([
      createBarePlan(a.tenant),
      createBarePlan(a.tenant),
      createBarePlan(b.tenant),
    ]);
    signInAs(a.admin);
    const fields = {
      tenant: a.tenant.slug,
      planId: plan.id,
      version: 1,
      "title.en": "First",
      startDate: "2025-01-01",
      endDate: "2027-12-31",
      status: "ACTIVE",
    };
    expect(await updatePlanAction(null, form(fields))).toMatchObject({ ok: true });
    expect(await updatePlanAction(null, form({ ...fields, "title.en": "Second" }))).toMatchObject({
      ok: false,
      message: { key: "errors.conflict" },
      current: { title: { en: "First" }, version: 2, status: "ACTIVE" },
      values: { "title.en": "Second" },
    });
    expect(await archivePlanAction(null, form({ tenant: a.tenant.slug, planId: plan.id }))).toMatchObject({ ok: true });
    expect(await deletePlanAction(null, form({ tenant: a.tenant.slug, planId: draft.id }))).toMatchObject({ ok: true });
    expect(await deletePlanAction(null, form({ tenant: a.tenant.slug, planId: theirs.id }))).toMatchObject({
      ok: false,
      message: { key: "errors.notFound" },
    });
    expect(await deletePlanAction(null, form({ tenant: b.tenant.slug, planId: theirs.id }))).toMatchObject({
      ok: false,
      message: { key: "errors.notFound" },
    });
    expect(await planRow(theirs.id)).toMatchObject({ archivedAt: null });
  });
});

describe("at the same moment", () => {
  it("two saves over the same version: one wins, the other is told it is stale; one audit event", async () => {
    const { a, adminA, coordinatorA } = await world();
    const plan = await createBarePlan(a.tenant);
    const results = await Promise.allSettled([
      updatePlan(adminA, plan.id, 1, planInput({ title: { en: "By the admin" } })),
      updatePlan(coordinatorA, plan.id, 1, planInput({ title: { en: "By the coordinator" }, status: "ACTIVE" })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    const row = await planRow(plan.id);
    expect(row.version).toBe(2);
    const events = await auditEventsFor(plan.id);
    expect(events).toHaveLength(1);
    // Whoever won, the row and its one audit event tell the same story.
    expect(events[0]).toMatchObject(
      toTexts(row.title).en === "By the admin"
        ? { actorId: a.admin.id, action: "plan.updated" }
        : { actorId: a.coordinator.id, action: "plan.activated", after: expect.objectContaining({ status: "ACTIVE" }) },
    );
  });
});
