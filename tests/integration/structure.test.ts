// A plan's structure: sections, objectives and the order of activities. Managers of an open plan
// change it, over the loaded version where a form edits it, with unique codes and an audit event;
// closed plans, other tenants, viewers and focal points change nothing.
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import * as actions from "@/lib/actions/structure";
import type { ActionResult } from "@/lib/actions/result";
import type { TenantContext, TenantRef } from "@/lib/data/context";
import { getPlanTree } from "@/lib/data/plans";
import {
  archiveObjective,
  archiveSection,
  createObjective,
  createSection,
  deleteObjective,
  deleteSection,
  moveActivity,
  moveObjective,
  moveSection,
  updateObjective,
  updateSection,
} from "@/lib/data/structure";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { toTexts } from "@/lib/domain/texts";
import { addActivity, auditEventsFor, createPlan, createTenantWithPeople, ctxFor } from "../factories";
import {
  addObjective,
  addObjectiveIndicator,
  addSection,
  createBarePlan,
  orderOf,
  snapshotStructure,
} from "../factories/structure";
import { form, signInAs } from "../helpers/session";

/** Two tenants, each with an active plan: section "1", objective "1.1" and activities 1.1.1 and 1.1.2. */
async function world() {
  const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
  const [planA, planB] = await Promise.all([createPlan(a.tenant), createPlan(b.tenant)]);
  const [adminA, coordinatorA] = await Promise.all([ctxFor(a.admin, a.tenant), ctxFor(a.coordinator, a.tenant)]);
  return { a, b, planA, planB, adminA, coordinatorA };
}

const db = () => getDb();
const section = { code: null, title: { en: "Cooperation" }, pillar: null };
const objective = { code: "1.2", title: { en: "Train judges" } };
const closePlan = async (planId: string) =>
  (await db()).plan.update({ where: { id: planId }, data: { status: "CLOSED" } });

/** Calls that must leave everything as it was: refused roles, other tenants, closed plans. */
async function expectRefused(
  tenants: TenantRef[],
  calls: [() => Promise<unknown>, new (...args: never[]) => Error, string?][],
) {
  const before = await Promise.all(tenants.map(snapshotStructure));
  for (const [call, type, message] of calls) {
    const error: unknown = await call().catch((e) => e);
    expect(error).toBeInstanceOf(type);
    if (message) expect((error as Error).message).toBe(message);
  }
  expect(await Promise.all(tenants.map(snapshotStructure))).toEqual(before);
}

afterEach(() => signInAs(null));

describe("sections", () => {
  it("adds a section at the end with the next number, or the typed one normalised, and audits it", async () => {
    const { a, planA, coordinatorA } = await world();
    const { id } = await createSection(coordinatorA, planA.id, {
      ...section,
      title: { en: "Cooperation", ru: " Сотрудничество " },
    });
    const second = await createSection(coordinatorA, planA.id, {
      code: " 07 ",
      title: { en: "Other" },
      pillar: "PARTNERSHIP",
    });
    const tree = await getPlanTree(coordinatorA, planA.id);
    expect(tree.sections.map((s) => [s.code, s.title, s.pillar, s.deletable])).toEqual([
      ["1", { en: "Prevention" }, "PREVENTION", false],
      ["2", { en: "Cooperation", ru: "Сотрудничество" }, null, true],
      ["7", { en: "Other" }, "PARTNERSHIP", true],
    ]);
    expect(tree.sections[2].id).toBe(second.id);
    expect(await auditEventsFor(id)).toEqual([
      expect.objectContaining({
        actorId: a.coordinator.id,
        action: "section.created",
        entityType: "Section",
        after: expect.objectContaining({
          code: "2",
          title: { en: "Cooperation", ru: "Сотрудничество" },
          pillar: null,
        }),
      }),
    ]);
  });

  it("refuses a bad or used number (archived sections keep theirs); nothing is saved", async () => {
    const { a, planA, adminA } = await world();
    await addSection(a.tenant, planA.id, { code: "5", archived: true });
    const before = await snapshotStructure(a.tenant);
    for (const [code, key] of [
      ["1", "sectionCodeTaken"],
      ["5", "sectionCodeTaken"],
      ["1.1", "sectionCode"],
      ["x", "sectionCode"],
    ]) {
      const error = await createSection(adminA, planA.id, { ...section, code }).catch((e) => e);
      expect(error, code).toBeInstanceOf(RuleError);
      expect(error.fieldErrors).toEqual({ code: { key: `structure.validation.${key}` } });
    }
    expect(await snapshotStructure(a.tenant)).toEqual(before);
  });

  it("renames over the loaded version, audits before and after, and refuses a stale version with the saved values", async () => {
    const { a, planA, adminA, coordinatorA } = await world();
    await updateSection(coordinatorA, planA.sectionId, 1, {
      code: "1",
      title: { en: "Prevention of trafficking", ru: "Предупреждение" },
      pillar: null,
    });
    expect(await (await db()).section.findUniqueOrThrow({ where: { id: planA.sectionId } })).toMatchObject({
      title: { en: "Prevention of trafficking", ru: "Предупреждение" },
      pillar: null,
      version: 2,
    });
    expect(await auditEventsFor(planA.sectionId)).toEqual([
      expect.objectContaining({
        action: "section.updated",
        before: expect.objectContaining({ title: { en: "Prevention" }, pillar: "PREVENTION" }),
        after: expect.objectContaining({
          title: { en: "Prevention of trafficking", ru: "Предупреждение" },
          pillar: null,
        }),
      }),
    ]);
    const before = await snapshotStructure(a.tenant);
    const error = await updateSection(adminA, planA.sectionId, 1, {
      code: "1",
      title: { en: "Mine" },
      pillar: "PREVENTION",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.current).toEqual({
      id: planA.sectionId,
      version: 2,
      code: "1",
      title: { en: "Prevention of trafficking", ru: "Предупреждение" },
      pillar: null,
    });
    const other = await addSection(a.tenant, planA.id, { code: "2" });
    const clash = await updateSection(adminA, other.id, 1, {
      code: "1",
      title: { en: "X" },
      pillar: null,
    }).catch((e) => e);
    expect(clash.fieldErrors).toEqual({ code: { key: "structure.validation.sectionCodeTaken" } });
    expect((await snapshotStructure(a.tenant)).sections.filter((s) => s.id !== other.id)).toEqual(before.sections);
  });

  it("moves sections up and down, renumbering ties, and does nothing past the ends", async () => {
    const { a, planA, adminA } = await world();
    const [s2, s3] = [
      await addSection(a.tenant, planA.id, { code: "2", position: 1 }),
      await addSection(a.tenant, planA.id, { code: "3", position: 1 }),
    ];
    const start = await orderOf("section", planA.id);
    expect(start[0]).toBe(planA.sectionId);
    await moveSection(adminA, s3.id, "up");
    const expected = [...start];
    const i = expected.indexOf(s3.id);
    [expected[i - 1], expected[i]] = [expected[i], expected[i - 1]];
    expect(await orderOf("section", planA.id)).toEqual(expected);
    const positions = (
      await (await db()).section.findMany({ where: { planId: planA.id }, orderBy: { position: "asc" } })
    ).map((s) => s.position);
    expect(positions).toEqual([1, 2, 3]);
    expect(await auditEventsFor(s3.id)).toEqual([
      expect.objectContaining({ action: "section.moved", after: { position: i } }),
    ]);
    const versions = await snapshotStructure(a.tenant);
    await moveSection(adminA, expected[0], "up");
    await moveSection(adminA, expected[2], "down");
    expect(await snapshotStructure(a.tenant)).toEqual(versions);
    expect((await (await db()).section.findUniqueOrThrow({ where: { id: s2.id } })).version).toBe(1);
  });

  it("archives a section only once its objectives are archived, deletes only one that never had any", async () => {
    const { a, planA, adminA } = await world();
    const empty = await addSection(a.tenant, planA.id, { code: "2" });
    const used = await addSection(a.tenant, planA.id, { code: "3" });
    const old = await addObjective(a.tenant, { planId: planA.id, sectionId: used.id }, { code: "3.1", archived: true });
    await expectRefused(
      [a.tenant],
      [
        [() => archiveSection(adminA, planA.sectionId), RuleError, "structure.sectionNotEmpty"],
        [() => deleteSection(adminA, used.id), RuleError, "structure.sectionHasHistory"],
        [() => deleteSection(adminA, planA.sectionId), RuleError, "structure.sectionHasHistory"],
      ],
    );
    await archiveSection(adminA, used.id);
    await deleteSection(adminA, empty.id);
    const rows = await (
      await db()
    ).section.findMany({ where: { planId: planA.id }, select: { id: true, archivedAt: true } });
    expect(rows.map((r) => r.id).sort()).toEqual([planA.sectionId, used.id].sort());
    expect(rows.find((r) => r.id === used.id)?.archivedAt).not.toBeNull();
    expect(await (await db()).objective.findUnique({ where: { id: old.id } })).not.toBeNull();
    expect((await auditEventsFor(used.id)).map((e) => e.action)).toEqual(["section.archived"]);
    expect(await auditEventsFor(empty.id)).toEqual([
      expect.objectContaining({ action: "section.deleted", before: expect.objectContaining({ code: "2" }) }),
    ]);
    await expect(
      updateSection(adminA, used.id, 2, { code: "3", title: { en: "Back" }, pillar: null }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses other tenants, viewers, focal points and closed plans", async () => {
    const { a, b, planA, planB, adminA } = await world();
    const [viewer, focal] = await Promise.all([ctxFor(a.viewer, a.tenant), ctxFor(a.focal, a.tenant)]);
    const closed = await createBarePlan(a.tenant, { status: "CLOSED" });
    const closedSection = await addSection(a.tenant, closed.id, { code: "1" });
    const edit = { code: "9", title: { en: "X" }, pillar: null };
    await expectRefused(
      [a.tenant, b.tenant],
      [
        [() => createSection(adminA, planB.id, section), NotFoundError],
        [() => updateSection(adminA, planB.sectionId, 1, edit), NotFoundError],
        [() => moveSection(adminA, planB.sectionId, "down"), NotFoundError],
        [() => archiveSection(adminA, planB.sectionId), NotFoundError],
        [() => deleteSection(adminA, planB.sectionId), NotFoundError],
        [() => createSection(viewer, planA.id, section), ForbiddenError],
        [() => updateSection(focal, planA.sectionId, 1, edit), ForbiddenError],
        [() => moveSection(viewer, planA.sectionId, "down"), ForbiddenError],
        [() => archiveSection(focal, planA.sectionId), ForbiddenError],
        [() => deleteSection(viewer, planA.sectionId), ForbiddenError],
        [() => createSection(adminA, closed.id, section), RuleError, "errors.planClosed"],
        [() => updateSection(adminA, closedSection.id, 1, edit), RuleError, "errors.planClosed"],
        [() => moveSection(adminA, closedSection.id, "up"), RuleError, "errors.planClosed"],
        [() => deleteSection(adminA, closedSection.id), RuleError, "errors.planClosed"],
      ],
    );
  });
});

describe("objectives", () => {
  it("adds an objective at the end of its section with a normalised code, and audits it", async () => {
    const { a, planA, coordinatorA } = await world();
    const { id } = await createObjective(coordinatorA, planA.sectionId, {
      code: " 1,02 ",
      title: { en: " Train judges ", ru: "Обучить судей" },
    });
    const tree = await getPlanTree(coordinatorA, planA.id);
    expect(tree.sections[0].objectives.map((o) => [o.code, o.title, o.deletable])).toEqual([
      ["1.1", { en: "Awareness" }, false],
      ["1.2", { en: "Train judges", ru: "Обучить судей" }, true],
    ]);
    expect(await auditEventsFor(id)).toEqual([
      expect.objectContaining({
        actorId: a.coordinator.id,
        action: "objective.created",
        after: expect.objectContaining({ code: "1.2", sectionId: planA.sectionId }),
      }),
    ]);
  });

  it("keeps codes unique within a plan (archived ones too) but not across plans, and in the 2.1 form", async () => {
    const { a, planA, adminA } = await world();
    await addObjective(a.tenant, { planId: planA.id, sectionId: planA.sectionId }, { code: "1.5", archived: true });
    const before = await snapshotStructure(a.tenant);
    for (const [code, key] of [
      ["1.1", "objectiveCodeTaken"],
      ["01.1", "objectiveCodeTaken"],
      ["1.5", "objectiveCodeTaken"],
      ["1", "objectiveCode"],
      ["1.1.1", "objectiveCode"],
      ["a.b", "objectiveCode"],
    ]) {
      const error = await createObjective(adminA, planA.sectionId, { ...objective, code }).catch((e) => e);
      expect(error, code).toBeInstanceOf(RuleError);
      expect(error.fieldErrors).toEqual({ code: { key: `structure.validation.${key}` } });
    }
    expect(await snapshotStructure(a.tenant)).toEqual(before);
    const other = await createPlan(a.tenant);
    await expect(createObjective(adminA, other.sectionId, { ...objective, code: "1.5" })).resolves.toEqual({
      id: expect.any(String),
    });
  });

  it("edits over the loaded version, moves to another section's end, and refuses a stale version or a foreign section", async () => {
    const { a, planA, planB, adminA, coordinatorA } = await world();
    const s2 = await addSection(a.tenant, planA.id, { code: "2" });
    const there = await addObjective(a.tenant, { planId: planA.id, sectionId: s2.id }, { code: "2.1", position: 7 });
    await updateObjective(coordinatorA, planA.objectiveId, 1, {
      code: "2.2",
      title: { en: "Moved", ru: "Перенесена" },
      sectionId: s2.id,
    });
    expect(await orderOf("objective", s2.id)).toEqual([there.id, planA.objectiveId]);
    expect(await (await db()).objective.findUniqueOrThrow({ where: { id: planA.objectiveId } })).toMatchObject({
      code: "2.2",
      sectionId: s2.id,
      position: 8,
      version: 2,
    });
    expect(await auditEventsFor(planA.objectiveId)).toEqual([
      expect.objectContaining({
        action: "objective.updated",
        before: expect.objectContaining({ code: "1.1", sectionId: planA.sectionId }),
        after: expect.objectContaining({ code: "2.2", sectionId: s2.id }),
      }),
    ]);
    const otherPlan = await createPlan(a.tenant);
    await expectRefused(
      [a.tenant],
      [
        [() => updateObjective(adminA, planA.objectiveId, 1, { ...objective, sectionId: s2.id }), ConflictError],
        [
          () => updateObjective(adminA, planA.objectiveId, 2, { ...objective, code: "2.1", sectionId: s2.id }),
          RuleError,
        ],
        [
          () => updateObjective(adminA, planA.objectiveId, 2, { ...objective, sectionId: otherPlan.sectionId }),
          RuleError,
        ],
        [() => updateObjective(adminA, planA.objectiveId, 2, { ...objective, sectionId: planB.sectionId }), RuleError],
      ],
    );
    const stale = await updateObjective(adminA, planA.objectiveId, 1, { ...objective, sectionId: s2.id }).catch(
      (e) => e,
    );
    expect(stale.current).toEqual({
      id: planA.objectiveId,
      version: 2,
      sectionId: s2.id,
      code: "2.2",
      title: { en: "Moved", ru: "Перенесена" },
    });
    const foreign = await updateObjective(adminA, planA.objectiveId, 2, {
      ...objective,
      sectionId: planB.sectionId,
    }).catch((e) => e);
    expect(foreign.fieldErrors).toEqual({ sectionId: { key: "structure.validation.sectionMissing" } });
  });

  it("moves within its section and archives or deletes only what may go", async () => {
    const { a, planA, adminA } = await world();
    const o2 = await createObjective(adminA, planA.sectionId, { ...objective, code: "1.2" });
    const o3 = await createObjective(adminA, planA.sectionId, { ...objective, code: "1.3" });
    await moveObjective(adminA, o3.id, "up");
    expect(await orderOf("objective", planA.sectionId)).toEqual([planA.objectiveId, o3.id, o2.id]);
    expect((await auditEventsFor(o3.id)).map((e) => e.action)).toEqual(["objective.created", "objective.moved"]);
    await addObjectiveIndicator(a.tenant, o2.id);
    const withArchived = await createObjective(adminA, planA.sectionId, { ...objective, code: "1.4" });
    await addActivity(a.tenant, { id: planA.id, objectiveId: withArchived.id }, { archived: true });
    await expectRefused(
      [a.tenant],
      [
        [() => archiveObjective(adminA, planA.objectiveId), RuleError, "structure.objectiveNotEmpty"],
        [() => deleteObjective(adminA, planA.objectiveId), RuleError, "structure.objectiveHasHistory"],
        [() => deleteObjective(adminA, o2.id), RuleError, "structure.objectiveHasHistory"],
        [() => deleteObjective(adminA, withArchived.id), RuleError, "structure.objectiveHasHistory"],
      ],
    );
    await archiveObjective(adminA, withArchived.id);
    await deleteObjective(adminA, o3.id);
    expect(await orderOf("objective", planA.sectionId)).toEqual([planA.objectiveId, o2.id]);
    expect((await auditEventsFor(withArchived.id)).at(-1)).toMatchObject({ action: "objective.archived" });
    expect((await auditEventsFor(o3.id)).at(-1)).toMatchObject({
      action: "objective.deleted",
      before: expect.objectContaining({ code: "1.3" }),
    });
  });

  it("refuses other tenants, viewers, focal points, archived sections and closed plans", async () => {
    const { a, b, planA, planB, adminA } = await world();
    const [viewer, focal] = await Promise.all([ctxFor(a.viewer, a.tenant), ctxFor(a.focal, a.tenant)]);
    const archivedSection = await addSection(a.tenant, planA.id, { code: "8", archived: true });
    const edit = { ...objective, sectionId: planA.sectionId };
    const closed = await createPlan(a.tenant);
    await closePlan(closed.id);
    await expectRefused(
      [a.tenant, b.tenant],
      [
        [() => createObjective(adminA, planB.sectionId, objective), NotFoundError],
        [() => createObjective(adminA, archivedSection.id, objective), NotFoundError],
        [
          () => updateObjective(adminA, planB.objectiveId, 1, { ...objective, sectionId: planB.sectionId }),
          NotFoundError,
        ],
        [() => moveObjective(adminA, planB.objectiveId, "up"), NotFoundError],
        [() => archiveObjective(adminA, planB.objectiveId), NotFoundError],
        [() => deleteObjective(adminA, planB.objectiveId), NotFoundError],
        [() => createObjective(viewer, planA.sectionId, objective), ForbiddenError],
        [() => updateObjective(focal, planA.objectiveId, 1, edit), ForbiddenError],
        [() => moveObjective(viewer, planA.objectiveId, "down"), ForbiddenError],
        [() => archiveObjective(focal, planA.objectiveId), ForbiddenError],
        [() => deleteObjective(viewer, planA.objectiveId), ForbiddenError],
        [() => createObjective(adminA, closed.sectionId, objective), RuleError, "errors.planClosed"],
        [
          () => updateObjective(adminA, closed.objectiveId, 1, { ...objective, sectionId: closed.sectionId }),
          RuleError,
          "errors.planClosed",
        ],
        [() => archiveObjective(adminA, closed.objectiveId), RuleError, "errors.planClosed"],
      ],
    );
  });
});

describe("moveActivity", () => {
  it("reorders activities within their objective, keeps their versions, and audits the move", async () => {
    const { a, planA, coordinatorA } = await world();
    const [first, second] = await orderOf("activity", planA.objectiveId);
    const third = await addActivity(a.tenant, planA, { position: 3 });
    await moveActivity(coordinatorA, third.id, "up");
    await moveActivity(coordinatorA, first, "down");
    expect(await orderOf("activity", planA.objectiveId)).toEqual([third.id, first, second]);
    const tree = await getPlanTree(coordinatorA, planA.id);
    expect(tree.sections[0].objectives[0].activities.map((x) => [x.id, x.position])).toEqual([
      [third.id, 1],
      [first, 2],
      [second, 3],
    ]);
    const rows = await (await db()).activity.findMany({ where: { objectiveId: planA.objectiveId } });
    expect(rows.every((r) => r.version === 1)).toBe(true);
    expect(await auditEventsFor(third.id)).toEqual([
      expect.objectContaining({
        actorId: a.coordinator.id,
        action: "activity.moved",
        entityType: "Activity",
        before: { position: 3 },
        after: { position: 2 },
      }),
    ]);
    const quiet = await snapshotStructure(a.tenant);
    await moveActivity(coordinatorA, third.id, "up");
    expect(await snapshotStructure(a.tenant)).toEqual(quiet);
  });

  it("skips archived activities and refuses other tenants, viewers, focal points and closed plans", async () => {
    const { a, b, planA, planB, adminA } = await world();
    const archived = await addActivity(a.tenant, planA, { archived: true, position: 0 });
    const [theirs] = await orderOf("activity", planB.objectiveId);
    const [mine] = await orderOf("activity", planA.objectiveId);
    const closed = await createPlan(a.tenant);
    const [closedActivity] = await orderOf("activity", closed.objectiveId);
    await closePlan(closed.id);
    await expectRefused(
      [a.tenant, b.tenant],
      [
        [() => moveActivity(adminA, theirs, "down"), NotFoundError],
        [() => moveActivity(adminA, archived.id, "down"), NotFoundError],
        [async () => moveActivity(await ctxFor(a.viewer, a.tenant), mine, "down"), ForbiddenError],
        [async () => moveActivity(await ctxFor(a.focal, a.tenant), mine, "down"), ForbiddenError],
        [() => moveActivity(adminA, closedActivity, "down"), RuleError, "errors.planClosed"],
      ],
    );
  });
});

describe("structure actions through the wrapper", () => {
  type Action = (prev: null, data: FormData) => Promise<ActionResult<unknown>>;
  const all = actions as unknown as Record<string, Action>;

  /** A valid form for every structure action, about records of tenant `t`. */
  function fields(
    name: string,
    slug: string,
    plan: { id: string; sectionId: string; objectiveId: string },
    activityId: string,
  ): Record<string, string | number> {
    const base = { tenant: slug };
    switch (name) {
      case "createSectionAction":
        return { ...base, planId: plan.id, "title.en": "New section" };
      case "updateSectionAction":
        return {
          ...base,
          sectionId: plan.sectionId,
          version: 1,
          code: "1",
          "title.en": "Renamed",
          pillar: "PREVENTION",
        };
      case "moveSectionAction":
        return { ...base, sectionId: plan.sectionId, direction: "down" };
      case "archiveSectionAction":
      case "deleteSectionAction":
        return { ...base, sectionId: plan.sectionId };
      case "createObjectiveAction":
        return { ...base, sectionId: plan.sectionId, code: "1.9", "title.en": "New objective" };
      case "updateObjectiveAction":
        return {
          ...base,
          objectiveId: plan.objectiveId,
          version: 1,
          sectionId: plan.sectionId,
          code: "1.1",
          "title.en": "Renamed",
        };
      case "moveObjectiveAction":
        return { ...base, objectiveId: plan.objectiveId, direction: "down" };
      case "archiveObjectiveAction":
      case "deleteObjectiveAction":
        return { ...base, objectiveId: plan.objectiveId };
      case "moveActivityAction":
        return { ...base, activityId, direction: "down" };
      default:
        throw new Error(`no fields for ${name}`);
    }
  }

  it.each(Object.keys(all))(
    "%s: refuses a viewer, a focal point and another tenant's people; nothing changes",
    async (name) => {
      const { a, b, planA } = await world();
      const [activityId] = await orderOf("activity", planA.objectiveId);
      const before = await snapshotStructure(a.tenant);
      for (const [person, key] of [
        [a.viewer, "errors.forbidden"],
        [a.focal, "errors.forbidden"],
        [b.admin, "errors.notFound"],
      ] as const) {
        signInAs(person);
        expect(
          await all[name](null, form(fields(name, a.tenant.slug, planA, activityId))),
          `${name} as ${key}`,
        ).toMatchObject({ ok: false, message: { key } });
      }
      // Naming one's own tenant with another tenant's records is "not found" too.
      signInAs(b.admin);
      expect(await all[name](null, form(fields(name, b.tenant.slug, planA, activityId)))).toMatchObject({
        ok: false,
        message: { key: "errors.notFound" },
      });
      expect(await snapshotStructure(a.tenant)).toEqual(before);
    },
  );

  it("add, rename, move: succeed for a coordinator; code problems come back next to the field with what was typed", async () => {
    const { a, planA } = await world();
    const [activityId] = await orderOf("activity", planA.objectiveId);
    signInAs(a.coordinator);
    for (const name of [
      "createSectionAction",
      "updateSectionAction",
      "moveSectionAction",
      "createObjectiveAction",
      "updateObjectiveAction",
      "moveActivityAction",
    ]) {
      expect(await all[name](null, form(fields(name, a.tenant.slug, planA, activityId))), name).toMatchObject({
        ok: true,
      });
    }
    const bad = await actions.createObjectiveAction(
      null,
      form({ tenant: a.tenant.slug, sectionId: planA.sectionId, code: "1.9", "title.en": "Again" }),
    );
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { code: { key: "structure.validation.objectiveCodeTaken" } },
      values: { code: "1.9", "title.en": "Again" },
    });
    const stale = await actions.updateSectionAction(
      null,
      form(fields("updateSectionAction", a.tenant.slug, planA, activityId)),
    );
    expect(stale).toMatchObject({
      ok: false,
      message: { key: "errors.conflict" },
      current: { title: { en: "Renamed" }, version: 2 },
    });
    const badDirection = await actions.moveActivityAction(
      null,
      form({ tenant: a.tenant.slug, activityId, direction: "sideways" }),
    );
    expect(badDirection).toMatchObject({ ok: false, fieldErrors: { direction: { key: "validation.invalid" } } });
  });
});

describe("at the same moment", () => {
  /** The outcomes of calls started together: what was saved, and what was refused. */
  async function race<T>(calls: (() => Promise<T>)[]) {
    const results = await Promise.allSettled(calls.map((call) => call()));
    return {
      won: results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])),
      lost: results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : [])),
    };
  }

  it("two managers adding the same section number: one section, the other gets the field error", async () => {
    const { a, planA, adminA, coordinatorA } = await world();
    const { won, lost } = await race(
      [adminA, coordinatorA].map((ctx) => () => createSection(ctx, planA.id, { ...section, code: "5" })),
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(RuleError);
    expect((lost[0] as RuleError).fieldErrors).toEqual({ code: { key: "structure.validation.sectionCodeTaken" } });
    const rows = await (
      await db()
    ).section.findMany({ where: { tenantId: a.tenant.id, planId: planA.id, code: "5" }, select: { id: true } });
    expect(rows).toEqual([won[0]]);
    expect((await auditEventsFor(won[0].id)).map((e) => e.action)).toEqual(["section.created"]);
  });

  it("two managers adding the same objective code: one objective, the other gets the field error", async () => {
    const { a, planA, adminA, coordinatorA } = await world();
    const { won, lost } = await race(
      [adminA, coordinatorA].map((ctx) => () => createObjective(ctx, planA.sectionId, { ...objective, code: "1.7" })),
    );
    expect(won).toHaveLength(1);
    expect((lost as RuleError[]).map((e) => e.fieldErrors)).toEqual([
      { code: { key: "structure.validation.objectiveCodeTaken" } },
    ]);
    expect(
      await (await db()).objective.count({ where: { tenantId: a.tenant.id, planId: planA.id, code: "1.7" } }),
    ).toBe(1);
  });

  it("two renames over the same version: one is saved, the other is told it is stale; one audit event", async () => {
    const { planA, adminA, coordinatorA } = await world();
    const rename = (ctx: TenantContext, title: string) => () =>
      updateSection(ctx, planA.sectionId, 1, { code: "1", title: { en: title }, pillar: "PREVENTION" });
    const { won, lost } = await race([rename(adminA, "First"), rename(coordinatorA, "Second")]);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(ConflictError);
    const row = await (await db()).section.findUniqueOrThrow({ where: { id: planA.sectionId } });
    expect(row.version).toBe(2);
    const title = toTexts(row.title);
    expect([{ en: "First" }, { en: "Second" }]).toContainEqual(title);
    expect(await auditEventsFor(planA.sectionId)).toEqual([
      expect.objectContaining({ action: "section.updated", after: expect.objectContaining({ title }) }),
    ]);
  });

  // Deterministic only where transactions really overlap: another transaction holds the same
  // number, not yet committed, so the check before the insert sees nothing and the insert waits
  // on the unique key, then fails when that transaction commits. The door must turn the unique
  // violation into the field error. (PGlite has one connection: the held transaction would block
  // the call forever, so this runs on PostgreSQL only.)
  it.skipIf(!process.env.DATABASE_URL)(
    "a duplicate that slips past the check still reads as the field error (PostgreSQL)",
    async () => {
      const { a, planA, adminA } = await world();
      const client = await db();
      let call: Promise<unknown> | undefined;
      await client.$transaction(
        async (tx) => {
          await tx.section.create({
            data: { tenantId: a.tenant.id, planId: planA.id, code: "6", title: { en: "Taken meanwhile" }, position: 9 },
          });
          call = createSection(adminA, planA.id, { ...section, code: "6" }).catch((e) => e);
          // Commit only once the call is waiting on the unique key.
          for (let i = 0; i < 200; i++) {
            const [{ n }] = await client.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO%"Section"%'`;
            if (n > 0) return;
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
          throw new Error("the call never waited on the unique key");
        },
        { timeout: 20_000 },
      );
      const error = await call;
      expect(error).toBeInstanceOf(RuleError);
      expect((error as RuleError).fieldErrors).toEqual({ code: { key: "structure.validation.sectionCodeTaken" } });
      expect(await client.section.count({ where: { tenantId: a.tenant.id, planId: planA.id, code: "6" } })).toBe(1);
      expect(await client.auditEvent.count({ where: { tenantId: a.tenant.id, action: "section.created" } })).toBe(0);
    },
    30_000,
  );
});
