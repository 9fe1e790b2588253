// An activity's history: its audit events and its indicators', newest first, with who, when, what
// and why; nothing of other activities or other tenants.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { TenantContext } from "@/lib/data/context";
import { diffFields, listHistory } from "@/lib/data/history";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { createAgency, createPlan, createTenantWithPeople, ctxFor } from "../factories";
import { addAuditEvent, addIndicator, countSqlQueries } from "../factories/browse";

beforeAll(async () => void (await getDb()));

const at = (minute: number) => new Date(Date.UTC(2026, 5, 15, 10, minute));

async function world() {
  const people = await createTenantWithPeople();
  const plan = await createPlan(people.tenant, { activities: 2, leadAgencyId: people.agency.id });
  const [activity, sibling] = await (
    await getDb()
  ).activity.findMany({ where: { planId: plan.id }, select: { id: true }, orderBy: { position: "asc" } });
  return { ...people, plan, activity, sibling, ctx: await ctxFor(people.viewer, people.tenant) };
}

describe("listHistory", () => {
  it("gives the activity's and its indicators' events newest first, with who, when, what and why", async () => {
    const w = await world();
    const newLead = await createAgency(w.tenant, { name: "Ministry of Labour" });
    const indicator = await addIndicator(w.tenant, w.activity.id, { name: "Officers trained" });
    const archived = await addIndicator(w.tenant, w.activity.id, { archived: true });
    await addAuditEvent(w.tenant, {
      actorId: w.coordinator.id,
      action: "activity.created",
      entityType: "Activity",
      entityId: w.activity.id,
      after: { code: "1.1.1", title: { en: "Train", ru: "Обучение" } },
      at: at(1),
    });
    await addAuditEvent(w.tenant, {
      actorId: w.admin.id,
      action: "activity.updated",
      entityType: "Activity",
      entityId: w.activity.id,
      at: at(2),
      reason: "The ministry was reorganised",
      before: { title: { en: "Train" }, plannedEnd: "2026-06-30", leadAgencyId: w.agency.id, version: 1 },
      after: { title: { en: "Train" }, plannedEnd: "2026-12-31", leadAgencyId: newLead.id, version: 2 },
    });
    await addAuditEvent(w.tenant, {
      actorId: w.coordinator.id,
      action: "indicator.updated",
      entityType: "Indicator",
      entityId: indicator.id,
      before: { target: 100 },
      after: { target: 200 },
      reason: "Budget doubled",
      at: at(3),
    });
    await addAuditEvent(w.tenant, {
      actorId: w.coordinator.id,
      action: "indicator.archived",
      entityType: "Indicator",
      entityId: archived.id,
      at: at(4),
    });
    // An indicator deleted since: found by the activity named in the event.
    await addAuditEvent(w.tenant, {
      actorId: w.coordinator.id,
      action: "indicator.deleted",
      entityType: "Indicator",
      entityId: "gone",
      before: { activityId: w.activity.id, name: { en: "Old" } },
      at: at(5),
    });
    await addAuditEvent(w.tenant, {
      actorId: null,
      action: "activity.imported",
      entityType: "Activity",
      entityId: w.activity.id,
      at: at(6),
    });
    // Not this activity's.
    await addAuditEvent(w.tenant, {
      actorId: w.admin.id,
      action: "activity.updated",
      entityType: "Activity",
      entityId: w.sibling.id,
      at: at(7),
    });
    await addAuditEvent(w.tenant, {
      actorId: w.admin.id,
      action: "agency.updated",
      entityType: "Agency",
      entityId: w.activity.id,
      at: at(8),
    });
    await addAuditEvent(w.tenant, {
      actorId: w.admin.id,
      action: "indicator.deleted",
      entityType: "Indicator",
      entityId: "gone-2",
      before: { activityId: w.sibling.id },
      at: at(9),
    });

    const { events, hasMore } = await listHistory(w.ctx, w.activity.id);
    expect(hasMore).toBe(false);
    expect(events.map((e) => e.action)).toEqual([
      "activity.imported",
      "indicator.deleted",
      "indicator.archived",
      "indicator.updated",
      "activity.updated",
      "activity.created",
    ]);
    expect(events[0]).toMatchObject({ actorName: null, changes: [], reason: null, at: at(6), subject: null });
    expect(events[1].subject).toBe("Old"); // deleted: named by its last snapshot
    expect(events[3]).toMatchObject({
      entityType: "Indicator",
      entityId: indicator.id,
      subject: "Officers trained",
      actorName: w.coordinator.name,
      reason: "Budget doubled",
      changes: [{ field: "target", from: 100, to: 200 }],
    });
    // Unchanged fields and the version are left out; agency ids become names.
    expect(events[4]).toMatchObject({
      actorName: w.admin.name,
      reason: "The ministry was reorganised",
      changes: [
        { field: "plannedEnd", from: "2026-06-30", to: "2026-12-31" },
        { field: "leadAgencyId", from: w.agency.name, to: "Ministry of Labour" },
      ],
    });
    expect(events[5].changes).toEqual([
      { field: "code", from: null, to: "1.1.1" },
      { field: "title.en", from: null, to: "Train" },
      { field: "title.ru", from: null, to: "Обучение" },
    ]);
  });

  it("names agencies and objectives in the reader's language and hides the indicator's activity id", async () => {
    const w = await world();
    const db = await getDb();
    await db.agency.update({ where: { id: w.agency.id }, data: { name: { en: w.agency.name, ru: "Министерство" } } });
    const target = await db.objective.create({
      data: {
        tenantId: w.tenant.id,
        planId: w.plan.id,
        sectionId: w.plan.sectionId,
        code: "1.2",
        title: { en: "Protection", ru: "Защита" },
        position: 2,
      },
      select: { id: true },
    });
    // Moved to another objective by the activity form: an update (activity.moved is its place only).
    await addAuditEvent(w.tenant, {
      actorId: w.admin.id,
      action: "activity.updated",
      entityType: "Activity",
      entityId: w.activity.id,
      at: at(1),
      before: { objectiveId: w.plan.objectiveId, partnerAgencyIds: [] },
      after: { objectiveId: target.id, partnerAgencyIds: [w.agency.id] },
    });
    const indicator = await addIndicator(w.tenant, w.activity.id);
    await addAuditEvent(w.tenant, {
      actorId: w.admin.id,
      action: "indicator.created",
      entityType: "Indicator",
      entityId: indicator.id,
      after: { activityId: w.activity.id, name: { en: "Trained", ru: "Обучены" } },
      at: at(2),
    });
    const { events } = await listHistory(w.ctx, w.activity.id, { locale: "ru" });
    expect(events[0].changes).toEqual([
      { field: "name.en", from: null, to: "Trained" },
      { field: "name.ru", from: null, to: "Обучены" },
    ]);
    expect(events[1].changes).toEqual([
      { field: "objectiveId", from: "1.1 Awareness", to: "1.2 Защита" },
      { field: "partnerAgencyIds", from: [], to: ["Министерство"] },
    ]);
  });

  it("reads events written before content was stored per language, and names an old snapshot in the reader's language", async () => {
    const w = await world();
    await addAuditEvent(w.tenant, {
      actorId: w.coordinator.id,
      action: "activity.created",
      entityType: "Activity",
      entityId: w.activity.id,
      after: { code: "1.1.1", title: "Train", titleRu: "Обучение" },
      at: at(1),
    });
    await addAuditEvent(w.tenant, {
      actorId: w.coordinator.id,
      action: "indicator.deleted",
      entityType: "Indicator",
      entityId: "gone",
      before: { activityId: w.activity.id, name: "Old", names: { ru: "Старый" } },
      at: at(2),
    });
    const { events } = await listHistory(w.ctx, w.activity.id, { locale: "ru" });
    expect(events.map((e) => e.action)).toEqual(["indicator.deleted", "activity.created"]);
    expect(events[0].subject).toBe("Старый");
    expect(events[0].changes).toEqual([
      { field: "name.en", from: "Old", to: null },
      { field: "name.ru", from: "Старый", to: null },
    ]);
    expect(events[1].changes).toEqual([
      { field: "code", from: null, to: "1.1.1" },
      { field: "title.en", from: null, to: "Train" },
      { field: "title.ru", from: null, to: "Обучение" },
    ]);
  });

  it("names only the ids the action's payload schema declares, and only values that fit it", async () => {
    const w = await world();
    const agencyId = w.agency.id;
    const event = (minute: number, action: string, before: object, after: object) =>
      addAuditEvent(w.tenant, {
        actorId: w.admin.id,
        action,
        entityType: "Activity",
        entityId: w.activity.id,
        at: at(minute),
        before,
        after,
      });
    // A text field that happens to hold an agency's id, an action outside the list, a position.
    await event(1, "activity.updated", { fundingSource: {} }, { fundingSource: { en: agencyId } });
    await event(2, "activity.imported", { leadAgencyId: null }, { leadAgencyId: agencyId });
    await event(3, "activity.moved", { position: 2 }, { position: 1 });
    // An event older than its schema: a lead agency recorded as a list is left as recorded.
    await event(4, "activity.updated", { leadAgencyId: null }, { leadAgencyId: [agencyId] });
    await event(5, "activity.updated", { leadAgencyId: null }, { leadAgencyId: agencyId });
    const { events } = await listHistory(w.ctx, w.activity.id);
    expect(events.map((e) => e.changes)).toEqual([
      [{ field: "leadAgencyId", from: null, to: w.agency.name }],
      [{ field: "leadAgencyId", from: null, to: [agencyId] }],
      [{ field: "position", from: 2, to: 1 }],
      [{ field: "leadAgencyId", from: null, to: agencyId }],
      [{ field: "fundingSource.en", from: null, to: agencyId }],
    ]);
  });

  it("stops at the limit and says there is more", async () => {
    const w = await world();
    for (let m = 0; m < 5; m++)
      await addAuditEvent(w.tenant, {
        action: "activity.updated",
        entityType: "Activity",
        entityId: w.activity.id,
        at: at(m),
      });
    const { events, hasMore } = await listHistory(w.ctx, w.activity.id, { limit: 3 });
    expect(events.map((e) => e.at)).toEqual([at(4), at(3), at(2)]);
    expect(hasMore).toBe(true);
  });

  it("sends the same few statements for a short and a long history", async () => {
    const counts: number[] = [];
    for (const length of [1, 30]) {
      const w = await world();
      const agency = await createAgency(w.tenant);
      for (let m = 0; m < length; m++) {
        await addAuditEvent(w.tenant, {
          actorId: m % 2 ? w.admin.id : w.coordinator.id,
          action: "activity.updated",
          entityType: "Activity",
          entityId: w.activity.id,
          before: { leadAgencyId: w.agency.id },
          after: { leadAgencyId: agency.id },
          at: at(m),
        });
      }
      const { result, queries } = await countSqlQueries(() => listHistory(w.ctx, w.activity.id));
      expect(result.events).toHaveLength(length);
      counts.push(queries);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });

  it("never shows another tenant's events, and answers not found for their activity", async () => {
    const [a, b] = await Promise.all([world(), world()]);
    // An event of tenant B that happens to name A's activity id.
    await addAuditEvent(b.tenant, {
      actorId: b.admin.id,
      action: "activity.updated",
      entityType: "Activity",
      entityId: a.activity.id,
      at: at(1),
    });
    await addAuditEvent(a.tenant, {
      actorId: a.admin.id,
      action: "activity.updated",
      entityType: "Activity",
      entityId: a.activity.id,
      at: at(2),
    });
    expect((await listHistory(a.ctx, a.activity.id)).events.map((e) => e.actorName)).toEqual([a.admin.name]);
    for (const id of [b.activity.id, "no-such-activity"]) {
      await expect(listHistory(a.ctx, id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("is open to every role of the tenant, and refuses a role without audit.view", async () => {
    const w = await world();
    await addAuditEvent(w.tenant, {
      action: "activity.updated",
      entityType: "Activity",
      entityId: w.activity.id,
      at: at(1),
    });
    for (const user of [w.admin, w.coordinator, w.focal, w.viewer]) {
      expect((await listHistory(await ctxFor(user, w.tenant), w.activity.id)).events).toHaveLength(1);
    }
    const guest = { ...w.ctx, role: "GUEST" } as unknown as TenantContext;
    await expect(listHistory(guest, w.activity.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("diffFields", () => {
  it("compares values, not object identity, and ignores bookkeeping fields", () => {
    expect(
      diffFields({ a: [1, 2], b: { x: 1 }, updatedAt: "t1" }, { a: [1, 2], b: { x: 2 }, updatedAt: "t2" }),
    ).toEqual([{ field: "b", from: { x: 1 }, to: { x: 2 } }]);
    expect(diffFields(null, null)).toEqual([]);
    expect(diffFields({ gone: "yes" }, null)).toEqual([{ field: "gone", from: "yes", to: null }]);
    expect(diffFields("not an object", [1])).toEqual([]);
  });
});
