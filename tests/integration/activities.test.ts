// Activities: created and edited by admins and coordinators only, codes unique within a plan,
// saved only over the loaded version, re-planning explained by a reason, removed by delete only
// when nothing happened to them yet, and never reachable from another tenant.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  archiveActivityAction,
  checkActivityCodeAction,
  createActivityAction,
  deleteActivityAction,
  updateActivityAction,
} from "@/lib/actions/activities";
import {
  createActivity,
  deleteActivity,
  getActivityForEdit,
  getActivityFormOptions,
  isActivityCodeFree,
  setActivityArchived,
  updateActivity,
} from "@/lib/data/activities";
import { setAgencyArchived } from "@/lib/data/agencies";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { fieldErrorsOf, UpdateActivitySchema } from "@/lib/validation/activities";
import { unflatten } from "@/lib/validation/form";
import {
  activityInput,
  activityState,
  closePlan,
  indicatorInput,
  makeActivity,
  reportOn,
  twoPlans,
  type Side,
} from "../factories/activities";
import { auditEventsFor, snapshotTenant } from "../factories";
import { form, signInAs } from "../helpers/session";

// Opening (and, on PGlite, migrating) the worker's database can be slow on a busy machine.
beforeAll(async () => {
  await getDb();
}, 120_000);

async function countAll(tenantId: string) {
  const db = await getDb();
  const where = { tenantId };
  return Promise.all([
    db.activity.count({ where }),
    db.activityPartner.count({ where }),
    db.indicator.count({ where }),
    db.auditEvent.count({ where }),
  ]);
}

describe("getActivityFormOptions", () => {
  it("lists the plan's period, its objectives with the next free code, and live agencies", async () => {
    const { a, b } = await twoPlans();
    await makeActivity(a.ctx.admin, a.plan, { code: "1.1.4" });
    await setAgencyArchived(a.ctx.admin, a.other.id, true);
    const options = await getActivityFormOptions(a.ctx.coordinator, a.plan.id);
    expect(options.plan).toMatchObject({
      id: a.plan.id,
      startDate: "2025-01-01",
      endDate: "2027-12-31",
      status: "ACTIVE",
    });
    expect(options.objectives).toEqual([
      expect.objectContaining({ id: a.plan.objectiveId, code: "1.1", nextCode: "1.1.5" }),
    ]);
    expect(options.agencies.map((x) => x.id).sort()).toEqual([a.agency.id, a.partner.id].sort());
    expect(options.agencies.some((x) => x.id === b.agency.id)).toBe(false);
    const kept = await getActivityFormOptions(a.ctx.admin, a.plan.id, [a.other.id]);
    expect(kept.agencies.find((x) => x.id === a.other.id)).toMatchObject({ archived: true });
  });

  it("answers not found for another tenant's plan and forbidden to viewers and focal points", async () => {
    const { a, b } = await twoPlans();
    await expect(getActivityFormOptions(a.ctx.admin, b.plan.id)).rejects.toBeInstanceOf(NotFoundError);
    for (const ctx of [a.ctx.viewer, a.ctx.focal])
      await expect(getActivityFormOptions(ctx, a.plan.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("isActivityCodeFree", () => {
  it("knows the codes of this plan only, normalised, except the activity being edited", async () => {
    const { a, b } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan, { code: "1.1.7" });
    await makeActivity(b.ctx.admin, b.plan, { code: "1.1.8" });
    expect(await isActivityCodeFree(a.ctx.coordinator, a.plan.id, "1.1.7")).toBe(false);
    expect(await isActivityCodeFree(a.ctx.coordinator, a.plan.id, "1.1.7", id)).toBe(true);
    expect(await isActivityCodeFree(a.ctx.coordinator, a.plan.id, "1.1.8")).toBe(true);
    await expect(isActivityCodeFree(a.ctx.admin, b.plan.id, "1.1.8")).rejects.toBeInstanceOf(NotFoundError);
    await expect(isActivityCodeFree(a.ctx.viewer, a.plan.id, "1.1.9")).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("createActivity", () => {
  it("creates the activity with partners and indicators in one go, audited, at the end of its objective", async () => {
    const { a } = await twoPlans();
    const first = await makeActivity(a.ctx.admin, a.plan);
    const result = await createActivity(a.ctx.coordinator, a.plan.id, {
      ...activityInput(a.plan.objectiveId, {
        code: " 1.1.20 ",
        title: { en: "Training", ru: "Обучение" },
        leadAgencyId: a.agency.id,
        partnerAgencyIds: [a.partner.id, a.other.id],
        budget: "1000.5",
        currency: "USD",
        status: "IN_PROGRESS",
        percentComplete: 20,
      }),
      indicators: [
        indicatorInput(),
        indicatorInput({
          name: { en: "Share of women" },
          unit: "PERCENT",
          baseline: "10",
          target: "40",
          disaggregation: [{ dimension: "sex", categories: ["female", "male"] }],
        }),
      ],
    });
    expect(result).toEqual({ id: expect.any(String), version: 1, warnings: [] });
    const row = await activityState(result.id);
    expect(row).toMatchObject({
      tenantId: a.tenant.id,
      code: "1.1.20",
      title: { en: "Training", ru: "Обучение" },
      leadAgencyId: a.agency.id,
      currency: "USD",
      version: 1,
    });
    expect(row!.budget!.toFixed()).toBe("1000.5");
    expect(row!.position).toBeGreaterThan((await activityState(first.id))!.position);
    expect(row!.partners.map((p) => p.agencyId).sort()).toEqual([a.partner.id, a.other.id].sort());
    expect(row!.indicators.map((i) => [i.name, i.position, i.disaggregation])).toEqual([
      [{ en: "Border guards trained" }, 1, null],
      [{ en: "Share of women" }, 2, [{ dimension: "sex", categories: ["female", "male"] }]],
    ]);
    expect(await auditEventsFor(result.id)).toEqual([
      expect.objectContaining({
        tenantId: a.tenant.id,
        actorId: a.coordinator.id,
        action: "activity.created",
        entityType: "Activity",
        after: expect.objectContaining({ code: "1.1.20", budget: "1000.5" }),
      }),
    ]);
    expect(await auditEventsFor(row!.indicators[1].id)).toEqual([
      expect.objectContaining({
        action: "indicator.created",
        entityType: "Indicator",
        after: expect.objectContaining({ activityId: result.id, unit: "PERCENT" }),
      }),
    ]);
  });

  it("saves dates outside the plan's period but warns about them", async () => {
    const { a } = await twoPlans();
    const result = await makeActivity(a.ctx.admin, a.plan, { plannedStart: "2024-11-01", plannedEnd: "2028-03-01" });
    expect(result.warnings).toEqual([
      { field: "plannedStart", key: "activityForm.warnings.startBeforePlan" },
      { field: "plannedEnd", key: "activityForm.warnings.endAfterPlan" },
    ]);
    expect(await activityState(result.id)).toMatchObject({ plannedEnd: new Date("2028-03-01") });
  });

  it.each([
    [
      "an end before the start",
      { plannedStart: "2025-05-01", plannedEnd: "2025-04-30" },
      { plannedEnd: "activityForm.validation.endBeforeStart" },
    ],
    [
      "the lead as a partner too",
      { leadAgencyId: "LEAD", partnerAgencyIds: ["LEAD"] },
      { partnerAgencyIds: "activityForm.validation.leadIsPartner" },
    ],
    ["a budget without currency", { budget: "10" }, { currency: "activityForm.validation.currencyNeeded" }],
    [
      "completed below 100 %",
      { status: "COMPLETED", percentComplete: 80 },
      { percentComplete: "activityForm.validation.completedNeeds100" },
    ],
    ["a code outside its objective", { code: "2.1.1" }, { code: "activityForm.validation.codeNotUnderObjective" }],
    ["an agency of another tenant", { leadAgencyId: "B" }, { leadAgencyId: "activityForm.validation.agency" }],
    [
      "an objective of another tenant",
      { objectiveId: "B-OBJECTIVE" },
      { objectiveId: "activityForm.validation.objective" },
    ],
  ] as const)("refuses %s next to the field, changing nothing", async (_name, overrides, expected) => {
    const { a, b } = await twoPlans();
    const resolve = (v: unknown): unknown =>
      v === "LEAD"
        ? a.agency.id
        : v === "B"
          ? b.agency.id
          : v === "B-OBJECTIVE"
            ? b.plan.objectiveId
            : Array.isArray(v)
              ? v.map(resolve)
              : v;
    const input = Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, resolve(v)]));
    const before = await snapshotTenant(a.tenant);
    const error = await makeActivity(a.ctx.admin, a.plan, input).catch((e) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect(
      Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, (v as { key: string }).key])),
    ).toEqual(expected);
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it("refuses a code the plan already uses and a bad indicator, writing nothing", async () => {
    const { a } = await twoPlans();
    await makeActivity(a.ctx.admin, a.plan, { code: "1.1.3" });
    const counts = await countAll(a.tenant.id);
    const taken = await makeActivity(a.ctx.admin, a.plan, { code: "1.1.3" }).catch((e) => e);
    expect(taken.fieldErrors).toEqual({ code: { key: "activityForm.validation.codeTaken" } });
    const bad = await makeActivity(a.ctx.admin, a.plan, {}, [
      indicatorInput(),
      indicatorInput({ unit: "PERCENT", target: "150" }),
    ]).catch((e) => e);
    expect(bad.fieldErrors).toEqual({ "indicators.1.target": { key: "indicatorForm.validation.percentRange" } });
    expect(await countAll(a.tenant.id)).toEqual(counts);
  });

  it("refuses another tenant's plan, a closed plan, and viewers and focal points", async () => {
    const { a, b } = await twoPlans();
    const before = await snapshotTenant(b.tenant);
    await expect(makeActivity(a.ctx.admin, b.plan)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshotTenant(b.tenant)).toEqual(before);
    for (const ctx of [a.ctx.viewer, a.ctx.focal])
      await expect(makeActivity(ctx, a.plan)).rejects.toBeInstanceOf(ForbiddenError);
    await closePlan(a.plan.id);
    await expect(makeActivity(a.ctx.admin, a.plan)).rejects.toMatchObject({ message: "errors.planClosed" });
    expect(await getDb().then((db) => db.activity.count({ where: { tenantId: a.tenant.id } }))).toBe(0);
  });
});

describe("getActivityForEdit", () => {
  it("returns every editable field, partners, indicators and the version", async () => {
    const { a, b } = await twoPlans();
    const { id } = await makeActivity(
      a.ctx.admin,
      a.plan,
      { leadAgencyId: a.agency.id, partnerAgencyIds: [a.partner.id], budget: "12000", currency: "EUR" },
      [indicatorInput()],
    );
    const edit = await getActivityForEdit(a.ctx.coordinator, id);
    expect(edit).toMatchObject({
      id,
      planId: a.plan.id,
      planStatus: "ACTIVE",
      version: 1,
      archived: false,
      canDelete: true,
      leadAgencyId: a.agency.id,
      partnerAgencyIds: [a.partner.id],
      plannedStart: "2025-03-01",
      plannedEnd: "2025-06-30",
      budget: "12000",
      currency: "EUR",
      status: "NOT_STARTED",
    });
    expect(edit.indicators).toEqual([
      expect.objectContaining({
        name: { en: "Border guards trained" },
        baseline: "0",
        target: "200",
        version: 1,
        disaggregation: [],
      }),
    ]);
    await expect(getActivityForEdit(b.ctx.admin, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getActivityForEdit(a.ctx.viewer, id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("updateActivity", () => {
  it("saves over the loaded version and audits only the changed fields", async () => {
    const { a } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan, { partnerAgencyIds: [a.partner.id] });
    const loaded = await getActivityForEdit(a.ctx.admin, id);
    const result = await updateActivity(
      a.ctx.coordinator,
      id,
      1,
      {
        ...loaded,
        title: { en: "Train 200 border guards" },
        partnerAgencyIds: [a.other.id],
        budget: "500",
        currency: "usd".toUpperCase(),
      },
      null,
    );
    expect(result).toEqual({ id, version: 2, warnings: [] });
    const row = await activityState(id);
    expect(row).toMatchObject({ title: { en: "Train 200 border guards" }, version: 2 });
    expect(row!.partners.map((p) => p.agencyId)).toEqual([a.other.id]);
    const events = await auditEventsFor(id);
    expect(events.at(-1)).toEqual(
      expect.objectContaining({
        action: "activity.updated",
        actorId: a.coordinator.id,
        before: { title: loaded.title, partnerAgencyIds: [a.partner.id], budget: null, currency: null },
        after: {
          title: { en: "Train 200 border guards" },
          partnerAgencyIds: [a.other.id],
          budget: "500",
          currency: "USD",
        },
      }),
    );
  });

  it("asks for a reason when dates or the lead agency change, and stores it with the event", async () => {
    const { a } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan, { leadAgencyId: a.agency.id });
    const loaded = await getActivityForEdit(a.ctx.admin, id);
    const before = await snapshotTenant(a.tenant);
    for (const change of [
      { plannedEnd: "2025-09-30" },
      { plannedStart: "2025-04-01" },
      { leadAgencyId: a.partner.id },
      { leadAgencyId: null },
    ]) {
      const error = await updateActivity(a.ctx.admin, id, 1, { ...loaded, ...change }, "  ").catch((e) => e);
      expect(error).toBeInstanceOf(RuleError);
      expect(error.fieldErrors).toEqual({ reason: { key: "activityForm.validation.reasonRequired" } });
    }
    expect(await snapshotTenant(a.tenant)).toEqual(before);
    await updateActivity(a.ctx.admin, id, 1, { ...loaded, plannedEnd: "2025-09-30" }, "Funding arrived late");
    const db = await getDb();
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "activity.updated" } });
    expect(event).toMatchObject({
      reason: "Funding arrived late",
      before: { plannedEnd: "2025-06-30" },
      after: { plannedEnd: "2025-09-30" },
    });
  });

  it("needs no reason to fill in a missing date, and writes nothing when nothing changed", async () => {
    const { a } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan, { plannedStart: null, plannedEnd: null });
    const loaded = await getActivityForEdit(a.ctx.admin, id);
    expect(await updateActivity(a.ctx.admin, id, 1, loaded, null)).toMatchObject({ version: 1 });
    expect(await updateActivity(a.ctx.admin, id, 1, { ...loaded, plannedEnd: "2029-01-31" }, null)).toEqual({
      id,
      version: 2,
      warnings: [{ field: "plannedEnd", key: "activityForm.warnings.endAfterPlan" }],
    });
    expect((await auditEventsFor(id)).map((e) => e.action)).toEqual(["activity.created", "activity.updated"]);
  });

  it("on a stale version hands back the saved values and what differs, overwriting nothing", async () => {
    const { a } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan);
    const loaded = await getActivityForEdit(a.ctx.admin, id);
    await updateActivity(
      a.ctx.coordinator,
      id,
      1,
      { ...loaded, title: { en: "Theirs" }, percentComplete: 30, status: "IN_PROGRESS" },
      null,
    );
    const before = await snapshotTenant(a.tenant);
    const error = await updateActivity(a.ctx.admin, id, 1, { ...loaded, title: { en: "Mine" } }, null).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.current).toMatchObject({
      version: 2,
      values: { title: { en: "Theirs" }, percentComplete: 30, status: "IN_PROGRESS" },
      changed: ["title", "status", "percentComplete"],
    });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it("moves the activity to another objective of the plan, with a matching code", async () => {
    const { a } = await twoPlans();
    const db = await getDb();
    const objective = await db.objective.create({
      data: {
        tenantId: a.tenant.id,
        planId: a.plan.id,
        sectionId: a.plan.sectionId,
        code: "1.2",
        title: { en: "Second" },
        position: 2,
      },
    });
    const { id } = await makeActivity(a.ctx.admin, a.plan);
    const loaded = await getActivityForEdit(a.ctx.admin, id);
    const wrong = await updateActivity(a.ctx.admin, id, 1, { ...loaded, objectiveId: objective.id }, null).catch(
      (e) => e,
    );
    expect(wrong.fieldErrors).toEqual({
      code: { key: "activityForm.validation.codeNotUnderObjective", values: { objective: "1.2" } },
    });
    await updateActivity(a.ctx.admin, id, 1, { ...loaded, objectiveId: objective.id, code: "1.2.1" }, null);
    expect(await activityState(id)).toMatchObject({ objectiveId: objective.id, code: "1.2.1", position: 1 });
  });

  it("refuses another tenant's activity, viewers and focal points, a taken code and a closed plan", async () => {
    const { a, b } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan, { code: "1.1.1" });
    await makeActivity(a.ctx.admin, a.plan, { code: "1.1.2" });
    const loaded = await getActivityForEdit(a.ctx.admin, id);
    const before = await snapshotTenant(a.tenant);
    await expect(updateActivity(b.ctx.admin, id, 1, { ...loaded, title: { en: "x" } }, null)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    for (const ctx of [a.ctx.viewer, a.ctx.focal])
      await expect(updateActivity(ctx, id, 1, { ...loaded, title: { en: "x" } }, null)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    const taken = await updateActivity(a.ctx.admin, id, 1, { ...loaded, code: "1.1.2" }, null).catch((e) => e);
    expect(taken.fieldErrors).toEqual({ code: { key: "activityForm.validation.codeTaken" } });
    await closePlan(a.plan.id);
    await expect(updateActivity(a.ctx.admin, id, 1, { ...loaded, title: { en: "x" } }, null)).rejects.toMatchObject({
      message: "errors.planClosed",
    });
    const after = await snapshotTenant(a.tenant);
    // Closing the plan changed the plan and, with it, the tenant's figures version; nothing else moved.
    const unchanged = (s: typeof before) => ({ ...s, plans: [], row: { ...s.row, figuresVersion: 0 } });
    expect(unchanged(after)).toEqual(unchanged(before));
  });
});

describe("deleting and archiving", () => {
  it("deletes a never-reported activity with its indicators, leaving an audit event", async () => {
    const { a, b } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan, { partnerAgencyIds: [a.partner.id] }, [indicatorInput()]);
    await expect(deleteActivity(b.ctx.admin, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteActivity(a.ctx.focal, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await deleteActivity(a.ctx.coordinator, id)).toEqual({ planId: a.plan.id });
    expect(await activityState(id)).toBeNull();
    expect(await (await getDb()).indicator.count({ where: { tenantId: a.tenant.id } })).toBe(0);
    expect((await auditEventsFor(id)).map((e) => e.action)).toEqual(["activity.created", "activity.deleted"]);
  });

  it("lists the indicators a deletion removes in its audit event, and closes each indicator's own history", async () => {
    const { a } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan, {}, [
      indicatorInput({ name: { en: "Border guards trained" } }),
      indicatorInput({ name: { en: "Hotline calls" } }),
    ]);
    const indicatorIds = (
      await (
        await getDb()
      ).indicator.findMany({ where: { activityId: id }, select: { id: true }, orderBy: { position: "asc" } })
    ).map((i) => i.id);
    await deleteActivity(a.ctx.coordinator, id);
    const deleted = (await auditEventsFor(id)).find((e) => e.action === "activity.deleted");
    const before = deleted?.before as { indicators?: { id: string; name: Record<string, string> }[] };
    expect(before.indicators?.map((i) => [i.id, i.name])).toEqual([
      [indicatorIds[0], { en: "Border guards trained" }],
      [indicatorIds[1], { en: "Hotline calls" }],
    ]);
    for (const indicatorId of indicatorIds) {
      expect((await auditEventsFor(indicatorId)).map((e) => e.action)).toEqual([
        "indicator.created",
        "indicator.deleted",
      ]);
    }
  });

  it("refuses to delete an activity with history; archiving and restoring keep it", async () => {
    const { a, b } = await twoPlans();
    const reported = await makeActivity(a.ctx.admin, a.plan);
    await reportOn(a.tenant, a.plan.id, reported.id);
    const edited = await makeActivity(a.ctx.admin, a.plan);
    await updateActivity(
      a.ctx.admin,
      edited.id,
      1,
      { ...(await getActivityForEdit(a.ctx.admin, edited.id)), title: { en: "Edited" } },
      null,
    );
    for (const { id } of [reported, edited]) {
      expect((await getActivityForEdit(a.ctx.admin, id)).canDelete).toBe(false);
      await expect(deleteActivity(a.ctx.admin, id)).rejects.toMatchObject({ message: "activityForm.hasHistory" });
    }
    await expect(setActivityArchived(b.ctx.admin, reported.id, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setActivityArchived(a.ctx.viewer, reported.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    await setActivityArchived(a.ctx.admin, reported.id, true);
    expect(await activityState(reported.id)).toMatchObject({ archivedAt: expect.any(Date), version: 2 });
    await setActivityArchived(a.ctx.admin, reported.id, false);
    expect(await activityState(reported.id)).toMatchObject({ archivedAt: null, version: 3 });
    expect((await auditEventsFor(reported.id)).map((e) => [e.action, e.after])).toEqual([
      ["activity.created", expect.anything()],
      ["activity.archived", { archived: true }],
      ["activity.restored", { archived: false }],
    ]);
  });

  it("leaves a closed plan's activities alone", async () => {
    const { a } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan);
    await closePlan(a.plan.id);
    await expect(deleteActivity(a.ctx.admin, id)).rejects.toMatchObject({ message: "errors.planClosed" });
    await expect(setActivityArchived(a.ctx.admin, id, true)).rejects.toMatchObject({ message: "errors.planClosed" });
    expect(await activityState(id)).toMatchObject({ archivedAt: null });
  });
});

describe("under concurrency", () => {
  // On PGlite (one connection) the requests run one after the other, so each loser meets the
  // winner's row in its checks. On PostgreSQL (TEST_DATABASE_URL) they overlap: the checks pass for
  // all, and the unique index on the code and the version in the UPDATE's WHERE pick one winner.
  const settle = async <T>(runs: Promise<T>[]) => {
    const results = await Promise.allSettled(runs);
    return {
      won: results.flatMap((r, n) => (r.status === "fulfilled" ? [n] : [])),
      lost: results.flatMap((r) => (r.status === "rejected" ? [r.reason] : [])),
    };
  };

  it("lets one of four creations with the same code win; the others get the code's field error and leave nothing", async () => {
    const { a } = await twoPlans();
    const before = await countAll(a.tenant.id);
    const people = [a.ctx.admin, a.ctx.coordinator, a.ctx.admin, a.ctx.coordinator];
    const { won, lost } = await settle(
      people.map((ctx, n) =>
        makeActivity(ctx, a.plan, { code: "1.1.7", title: { en: `Racer ${n}` }, partnerAgencyIds: [a.partner.id] }, [
          indicatorInput(),
        ]),
      ),
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(3);
    for (const error of lost) {
      expect(error).toBeInstanceOf(RuleError);
      expect(error.fieldErrors).toEqual({ code: { key: "activityForm.validation.codeTaken" } });
    }
    // One activity, its partner, its indicator, and the two creation events: nothing of the losers.
    const after = await countAll(a.tenant.id);
    expect(after.map((n, i) => n - before[i])).toEqual([1, 1, 1, 2]);
  });

  it("lets one of two saves over the same version win; the other is told the winner's version and values", async () => {
    const { a } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan);
    const loaded = await getActivityForEdit(a.ctx.admin, id);
    const titles = [{ en: "Admin's title" }, { en: "Coordinator's title" }];
    const { won, lost } = await settle([
      updateActivity(a.ctx.admin, id, 1, { ...loaded, title: titles[0] }, null),
      updateActivity(a.ctx.coordinator, id, 1, { ...loaded, title: titles[1] }, null),
    ]);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const title = titles[won[0]];
    expect(lost[0]).toBeInstanceOf(ConflictError);
    expect(lost[0].current).toMatchObject({ version: 2, values: { title }, changed: ["title"] });
    expect(await activityState(id)).toMatchObject({ title, version: 2 });
    expect((await auditEventsFor(id)).map((e) => e.action)).toEqual(["activity.created", "activity.updated"]);
  });
});

describe("activity actions", () => {
  afterEach(() => signInAs(null));

  const fields = (a: Side, extra: Record<string, string | string[]> = {}) => ({
    tenant: a.tenant.slug,
    planId: a.plan.id,
    objectiveId: a.plan.objectiveId,
    code: "1.1.5",
    "title.en": "Hotline training",
    status: "IN_PROGRESS",
    percentComplete: "10",
    plannedStart: "2025-02-01",
    plannedEnd: "2025-05-31",
    leadAgencyId: a.agency.id,
    ...extra,
  });

  it("create an activity with two indicators from repeated form fields", async () => {
    const { a } = await twoPlans();
    signInAs(a.coordinator);
    const result = await createActivityAction(
      null,
      form(
        fields(a, {
          partnerAgencyIds: a.partner.id,
          budget: "25 000,00",
          currency: "eur",
          "indicators.0.name.en": "Operators trained",
          "indicators.0.unit": "NUMBER",
          "indicators.0.direction": "INCREASE",
          "indicators.0.valueKind": "PER_PERIOD",
          "indicators.0.target": "40",
          "indicators.1.name.en": "Calls answered",
          "indicators.1.unit": "PERCENT",
          "indicators.1.direction": "INCREASE",
          "indicators.1.valueKind": "CUMULATIVE",
          "indicators.1.baseline": "60",
          "indicators.1.target": "90",
          "indicators.1.disaggregation.0.dimension": "sex",
          "indicators.1.disaggregation.0.categories": "female, male",
        }),
      ),
    );
    expect(result).toMatchObject({
      ok: true,
      data: { version: 1, warnings: [] },
      message: { key: "activityForm.created" },
    });
    const row = await activityState((result as { data: { id: string } }).data.id);
    expect(row).toMatchObject({
      code: "1.1.5",
      currency: "EUR",
      partners: [expect.objectContaining({ agencyId: a.partner.id })],
    });
    expect(row!.budget!.toFixed()).toBe("25000");
    expect(row!.indicators.map((i) => [i.name, i.unit, i.valueKind, i.disaggregation])).toEqual([
      [{ en: "Operators trained" }, "NUMBER", "PER_PERIOD", null],
      [{ en: "Calls answered" }, "PERCENT", "CUMULATIVE", [{ dimension: "sex", categories: ["female", "male"] }]],
    ]);
  });

  it("answer bad input with errors by field name and echo what was typed", async () => {
    const { a } = await twoPlans();
    signInAs(a.admin);
    const typed = fields(a, {
      "title.en": "",
      currency: "euro",
      "indicators.0.name.en": "",
      "indicators.0.unit": "NUMBER",
      "indicators.0.direction": "INCREASE",
      "indicators.0.valueKind": "YEARLY",
      "indicators.0.target": "12",
    });
    const result = await createActivityAction(null, form(typed));
    expect(result).toMatchObject({ ok: false, message: { key: "errors.invalidInput" } });
    if (result.ok) throw new Error("expected a failure");
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      "currency",
      "indicators.0.name",
      "indicators.0.valueKind",
      "title",
    ]);
    expect(result.values).toMatchObject({ code: "1.1.5", "indicators.0.target": "12", currency: "euro" });
    expect(await getDb().then((db) => db.activity.count({ where: { tenantId: a.tenant.id } }))).toBe(0);
  });

  it("update with a reason, report a conflict with the saved values, and check codes", async () => {
    const { a } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan, { code: "1.1.6", leadAgencyId: a.agency.id });
    signInAs(a.coordinator);
    const edit = (extra: Record<string, string>) =>
      updateActivityAction(
        null,
        form({
          ...fields(a, {
            code: "1.1.6",
            status: "NOT_STARTED",
            percentComplete: "0",
            plannedStart: "2025-03-01",
            plannedEnd: "2025-06-30",
          }),
          activityId: id,
          ...extra,
        }),
      );
    expect(await edit({ version: "1", plannedEnd: "2025-08-31" })).toMatchObject({
      ok: false,
      message: { key: "activityForm.reasonRequired" },
      fieldErrors: { reason: { key: "activityForm.validation.reasonRequired" } },
    });
    expect(await edit({ version: "1", plannedEnd: "2025-08-31", reason: "Trainers unavailable" })).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    const stale = await edit({ version: "1", "title.en": "Mine" });
    expect(stale).toMatchObject({
      ok: false,
      message: { key: "errors.conflict" },
      current: { version: 2, values: { plannedEnd: "2025-08-31" }, changed: ["title", "plannedEnd"] },
    });

    const check = (code: string, except?: string) =>
      checkActivityCodeAction(null, form({ tenant: a.tenant.slug, planId: a.plan.id, code, exceptActivityId: except }));
    expect(await check("1.1.6")).toEqual({ ok: true, data: { valid: true, free: false } });
    expect(await check(" 1.1.6 ", id)).toEqual({ ok: true, data: { valid: true, free: true } });
    expect(await check("1.1.60")).toEqual({ ok: true, data: { valid: true, free: true } });
    expect(await check("1.1")).toEqual({ ok: true, data: { valid: false, free: false } });
  });

  it("refuse viewers and focal points with errors.forbidden, changing nothing", async () => {
    const { a } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan);
    const before = await snapshotTenant(a.tenant);
    for (const person of [a.viewer, a.focal]) {
      signInAs(person);
      expect(await createActivityAction(null, form(fields(a)))).toMatchObject({
        ok: false,
        message: { key: "errors.forbidden" },
      });
      expect(await updateActivityAction(null, form({ ...fields(a), activityId: id, version: "1" }))).toMatchObject({
        ok: false,
        message: { key: "errors.forbidden" },
      });
      expect(await deleteActivityAction(null, form({ tenant: a.tenant.slug, activityId: id }))).toMatchObject({
        ok: false,
        message: { key: "errors.forbidden" },
      });
      expect(
        await archiveActivityAction(null, form({ tenant: a.tenant.slug, activityId: id, archived: "true" })),
      ).toMatchObject({ ok: false, message: { key: "errors.forbidden" } });
      expect(
        await checkActivityCodeAction(null, form({ tenant: a.tenant.slug, planId: a.plan.id, code: "1.1.1" })),
      ).toMatchObject({ ok: false, message: { key: "errors.forbidden" } });
    }
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it("delete a draft activity, and archive one with history", async () => {
    const { a } = await twoPlans();
    const draft = await makeActivity(a.ctx.admin, a.plan);
    const reported = await makeActivity(a.ctx.admin, a.plan);
    await reportOn(a.tenant, a.plan.id, reported.id);
    signInAs(a.admin);
    expect(await deleteActivityAction(null, form({ tenant: a.tenant.slug, activityId: draft.id }))).toMatchObject({
      ok: true,
      data: { planId: a.plan.id },
    });
    expect(await deleteActivityAction(null, form({ tenant: a.tenant.slug, activityId: reported.id }))).toMatchObject({
      ok: false,
      message: { key: "activityForm.hasHistory" },
    });
    expect(
      await archiveActivityAction(null, form({ tenant: a.tenant.slug, activityId: reported.id, archived: "true" })),
    ).toMatchObject({ ok: true, message: { key: "activityForm.archivedDone" } });
  });
});

describe("activity form schema", () => {
  it("turns dotted, indexed field names into arrays, in index order, and content into maps by language", () => {
    expect(
      unflatten({
        tenant: "t",
        "title.en": "T",
        "title.ru": "Т",
        "indicators.1.name.en": "b",
        "indicators.0.name.en": "a",
        "indicators.0.name.ru": "а",
        "indicators.0.disaggregation.0.dimension": "sex",
        "bad.x-y": "dropped",
        "bad..y": "dropped",
        "__proto__.0.polluted": "no",
        "indicators.0.__proto__.polluted": "no",
      }),
    ).toEqual({
      tenant: "t",
      title: { en: "T", ru: "Т" },
      indicators: [{ name: { en: "a", ru: "а" }, disaggregation: [{ dimension: "sex" }] }, { name: { en: "b" } }],
    });
    expect(({} as Record<string, unknown>)["0"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("normalises codes, amounts, currencies and partner lists, and trims texts into maps", () => {
    const parsed = UpdateActivitySchema.parse({
      tenant: "t",
      activityId: "x",
      version: "3",
      objectiveId: "o",
      code: " 2,1.03 ",
      "title.en": " T ",
      "title.ru": "  ",
      budget: "1 000,50",
      currency: "usd",
      status: "COMPLETED",
      percentComplete: "100",
      partnerAgencyIds: "p1",
      plannedStart: "",
      reason: "",
    });
    expect(parsed).toMatchObject({
      code: "2.1.3",
      budget: "1000.5",
      currency: "USD",
      partnerAgencyIds: ["p1"],
      plannedStart: null,
      reason: null,
      version: 3,
    });
    expect(parsed.title).toEqual({ en: "T" });
    expect(parsed.description).toEqual({});
    const bad = UpdateActivitySchema.safeParse({
      tenant: "t",
      activityId: "x",
      version: "1",
      objectiveId: "o",
      code: "2.1",
      "title.en": "T",
      status: "DONE",
      percentComplete: "101",
      plannedEnd: "2025-02-30",
      budget: "1.234",
    });
    expect(bad.success ? {} : fieldErrorsOf(bad.error)).toEqual({
      code: { key: "activityForm.validation.codeFormat" },
      status: { key: "validation.invalid" },
      percentComplete: { key: "activityForm.validation.percent" },
      plannedEnd: { key: "activityForm.validation.date" },
      budget: { key: "activityForm.validation.decimal" },
    });
  });
});
