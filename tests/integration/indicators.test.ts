// Indicators of an activity: added, edited over their version (a moved target needs a reason),
// archived rather than deleted; audit events name the activity so its page can show them.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { archiveIndicatorAction, createIndicatorAction, updateIndicatorAction } from "@/lib/actions/indicators";
import { HistoryList } from "@/app/(app)/[tenant]/activities/[activityId]/_components/history-list";
import { IndicatorTable } from "@/app/(app)/[tenant]/activities/[activityId]/_components/indicator-table";
import { getActivityForEdit } from "@/lib/data/activities";
import { getActivityDetail } from "@/lib/data/activity-queries";
import { listHistory } from "@/lib/data/history";
import { createIndicator, setIndicatorArchived, updateIndicator } from "@/lib/data/indicators";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { closePlan, indicatorInput, makeActivity, twoPlans } from "../factories/activities";
import { auditEventsFor } from "../factories";
import { textsOf } from "../helpers/pages";
import { form, signInAs } from "../helpers/session";

beforeAll(async () => {
  await getDb();
}, 120_000);

afterEach(() => signInAs(null));

async function indicatorRow(id: string) {
  return (await getDb()).indicator.findUnique({ where: { id } });
}

/** Two tenants, an activity in A with one indicator (target 200 in 2026). */
async function world() {
  const { a, b } = await twoPlans();
  const activity = await makeActivity(a.ctx.admin, a.plan, {}, [indicatorInput()]);
  const [indicator] = await (
    await getDb()
  ).indicator.findMany({ where: { activityId: activity.id }, select: { id: true } });
  return { a, b, activityId: activity.id, indicatorId: indicator.id };
}

describe("createIndicator", () => {
  it("adds an indicator with its disaggregation after the others, audited with the activity", async () => {
    const { a, activityId } = await world();
    const { id } = await createIndicator(
      a.ctx.coordinator,
      activityId,
      indicatorInput({
        name: { en: "Victims assisted", ru: "Пострадавшим оказана помощь" },
        direction: "INCREASE",
        disaggregation: [
          { dimension: "sex", categories: ["female", "male"] },
          { dimension: "age group", categories: ["under 18", "18+"] },
        ],
      }),
    );
    expect(await indicatorRow(id)).toMatchObject({
      tenantId: a.tenant.id,
      activityId,
      name: { en: "Victims assisted", ru: "Пострадавшим оказана помощь" },
      position: 2,
      version: 1,
      disaggregation: [
        { dimension: "sex", categories: ["female", "male"] },
        { dimension: "age group", categories: ["under 18", "18+"] },
      ],
    });
    expect(await auditEventsFor(id)).toEqual([
      expect.objectContaining({
        action: "indicator.created",
        entityType: "Indicator",
        actorId: a.coordinator.id,
        after: expect.objectContaining({
          activityId,
          name: { en: "Victims assisted", ru: "Пострадавшим оказана помощь" },
        }),
      }),
    ]);
  });

  it("refuses inconsistent values, another tenant's activity, a closed plan, viewers and focal points", async () => {
    const { a, b, activityId } = await world();
    const count = () => getDb().then((db) => db.indicator.count({ where: { activityId } }));
    const bad = await createIndicator(a.ctx.admin, activityId, indicatorInput({ direction: "DECREASE" })).catch(
      (e) => e,
    );
    expect(bad).toBeInstanceOf(RuleError);
    expect(bad.fieldErrors).toEqual({ target: { key: "indicatorForm.validation.targetAboveBaseline" } });
    await expect(createIndicator(b.ctx.admin, activityId, indicatorInput())).rejects.toBeInstanceOf(NotFoundError);
    for (const ctx of [a.ctx.viewer, a.ctx.focal])
      await expect(createIndicator(ctx, activityId, indicatorInput())).rejects.toBeInstanceOf(ForbiddenError);
    await closePlan(a.plan.id);
    await expect(createIndicator(a.ctx.admin, activityId, indicatorInput())).rejects.toMatchObject({
      message: "errors.planClosed",
    });
    expect(await count()).toBe(1);
  });
});

describe("updateIndicator", () => {
  it("saves over the loaded version; audit keeps only changed fields and the activity", async () => {
    const { a, activityId, indicatorId } = await world();
    const result = await updateIndicator(
      a.ctx.admin,
      indicatorId,
      1,
      indicatorInput({
        unitLabel: { en: "guards" },
        baseline: "5",
        disaggregation: [{ dimension: "sex", categories: ["female", "male"] }],
      }),
      null,
    );
    expect(result).toEqual({ version: 2 });
    expect(await indicatorRow(indicatorId)).toMatchObject({
      unitLabel: { en: "guards" },
      version: 2,
      disaggregation: [{ dimension: "sex", categories: ["female", "male"] }],
    });
    expect((await auditEventsFor(indicatorId)).at(-1)).toEqual(
      expect.objectContaining({
        action: "indicator.updated",
        before: { activityId, unitLabel: { en: "officers" }, baseline: "0", disaggregation: [] },
        after: {
          activityId,
          unitLabel: { en: "guards" },
          baseline: "5",
          disaggregation: [{ dimension: "sex", categories: ["female", "male"] }],
        },
      }),
    );
  });

  it("needs a reason to move the target or its year, and stores it", async () => {
    const { a, activityId, indicatorId } = await world();
    for (const change of [{ target: "150" }, { targetYear: 2027 }, { target: null }]) {
      const error = await updateIndicator(a.ctx.admin, indicatorId, 1, indicatorInput(change), null).catch((e) => e);
      expect(error).toBeInstanceOf(RuleError);
      expect(error.fieldErrors).toEqual({ reason: { key: "indicatorForm.validation.reasonRequired" } });
    }
    expect(await indicatorRow(indicatorId)).toMatchObject({ version: 1 });
    await updateIndicator(a.ctx.admin, indicatorId, 1, indicatorInput({ target: "150" }), "Budget cut by a quarter");
    const event = await (
      await getDb()
    ).auditEvent.findFirstOrThrow({ where: { entityId: indicatorId, action: "indicator.updated" } });
    expect(event).toMatchObject({
      reason: "Budget cut by a quarter",
      before: { activityId, target: "200" },
      after: { activityId, target: "150" },
    });
  });

  it("on a stale version returns the saved values and overwrites nothing", async () => {
    const { a, indicatorId } = await world();
    await updateIndicator(a.ctx.coordinator, indicatorId, 1, indicatorInput({ name: { en: "Theirs" } }), null);
    const error = await updateIndicator(
      a.ctx.admin,
      indicatorId,
      1,
      indicatorInput({ name: { en: "Mine" } }),
      null,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.current).toMatchObject({ version: 2, values: { name: { en: "Theirs" } }, changed: ["name"] });
    expect(await indicatorRow(indicatorId)).toMatchObject({ name: { en: "Theirs" }, version: 2 });
  });

  it("lets one of two concurrent saves over the same version win; the other is told the winner's values", async () => {
    // Overlapping on PostgreSQL (TEST_DATABASE_URL), one after the other on PGlite: one winner either way.
    const { a, indicatorId } = await world();
    const names = [{ en: "Admin's name" }, { en: "Coordinator's name" }];
    const results = await Promise.allSettled([
      updateIndicator(a.ctx.admin, indicatorId, 1, indicatorInput({ name: names[0] }), null),
      updateIndicator(a.ctx.coordinator, indicatorId, 1, indicatorInput({ name: names[1] }), null),
    ]);
    const winner = results.findIndex((r) => r.status === "fulfilled");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results[1 - winner] as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(ConflictError);
    expect(loser.reason.current).toMatchObject({ version: 2, values: { name: names[winner] }, changed: ["name"] });
    expect(await indicatorRow(indicatorId)).toMatchObject({ name: names[winner], version: 2 });
    expect((await auditEventsFor(indicatorId)).map((e) => e.action)).toEqual([
      "indicator.created",
      "indicator.updated",
    ]);
  });

  it("refuses another tenant's indicator, viewers and focal points, and a closed plan", async () => {
    const { a, b, indicatorId } = await world();
    await expect(
      updateIndicator(b.ctx.admin, indicatorId, 1, indicatorInput({ name: { en: "x" } }), null),
    ).rejects.toBeInstanceOf(NotFoundError);
    for (const ctx of [a.ctx.viewer, a.ctx.focal])
      await expect(
        updateIndicator(ctx, indicatorId, 1, indicatorInput({ name: { en: "x" } }), null),
      ).rejects.toBeInstanceOf(ForbiddenError);
    await closePlan(a.plan.id);
    await expect(
      updateIndicator(a.ctx.admin, indicatorId, 1, indicatorInput({ name: { en: "x" } }), null),
    ).rejects.toMatchObject({ message: "errors.planClosed" });
    expect(await indicatorRow(indicatorId)).toMatchObject({ name: { en: "Border guards trained" }, version: 1 });
  });
});

describe("setIndicatorArchived", () => {
  it("archives and restores, audited with the activity; not across tenants nor for viewers", async () => {
    const { a, b, activityId, indicatorId } = await world();
    await expect(setIndicatorArchived(b.ctx.admin, indicatorId, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setIndicatorArchived(a.ctx.viewer, indicatorId, true)).rejects.toBeInstanceOf(ForbiddenError);
    await setIndicatorArchived(a.ctx.admin, indicatorId, true);
    expect(await indicatorRow(indicatorId)).toMatchObject({ archivedAt: expect.any(Date), version: 2 });
    await setIndicatorArchived(a.ctx.admin, indicatorId, false);
    expect((await auditEventsFor(indicatorId)).map((e) => [e.action, e.after])).toEqual([
      ["indicator.created", expect.anything()],
      ["indicator.archived", { activityId, archived: true }],
      ["indicator.restored", { activityId, archived: false }],
    ]);
  });
});

describe("indicator actions", () => {
  it("read the disaggregation rows of the form and answer field errors by field name", async () => {
    const { a, activityId, indicatorId } = await world();
    signInAs(a.coordinator);
    const fields = {
      tenant: a.tenant.slug,
      activityId,
      "name.en": "Hotline calls",
      unit: "NUMBER",
      direction: "INCREASE",
      valueKind: "CUMULATIVE",
      baseline: "1 200",
      target: "2 000,5",
      "disaggregation.0.dimension": "sex",
      "disaggregation.0.categories": "female, male, female",
      "disaggregation.1.dimension": "region",
      "disaggregation.1.categories": "",
    };
    const failed = await createIndicatorAction(null, form(fields));
    expect(failed).toMatchObject({
      ok: false,
      fieldErrors: { "disaggregation.1.categories": { key: "validation.required" } },
    });
    expect(failed.ok ? null : failed.values?.["disaggregation.0.categories"]).toBe("female, male, female");
    const created = await createIndicatorAction(
      null,
      form({ ...fields, "disaggregation.1.categories": "Ashgabat; Mary" }),
    );
    expect(created).toMatchObject({ ok: true, message: { key: "indicatorForm.created" } });
    const id = (created as { data: { id: string } }).data.id;
    expect(await indicatorRow(id)).toMatchObject({
      name: { en: "Hotline calls" },
      disaggregation: [
        { dimension: "sex", categories: ["female", "male"] },
        { dimension: "region", categories: ["Ashgabat", "Mary"] },
      ],
    });
    expect((await indicatorRow(id))!.target!.toFixed()).toBe("2000.5");

    const noReason = await updateIndicatorAction(
      null,
      form({
        tenant: a.tenant.slug,
        indicatorId,
        version: 1,
        "name.en": "Border guards trained",
        unit: "NUMBER",
        direction: "INCREASE",
        valueKind: "CUMULATIVE",
        baseline: "0",
        target: "300",
      }),
    );
    expect(noReason).toMatchObject({
      ok: false,
      fieldErrors: { reason: { key: "indicatorForm.validation.reasonRequired" } },
    });
    const archived = await archiveIndicatorAction(null, form({ tenant: a.tenant.slug, indicatorId, archived: "true" }));
    expect(archived).toMatchObject({ ok: true, message: { key: "indicatorForm.archivedDone" } });
  });

  it("refuse viewers with errors.forbidden", async () => {
    const { a, activityId } = await world();
    signInAs(a.viewer);
    const result = await createIndicatorAction(
      null,
      form({
        tenant: a.tenant.slug,
        activityId,
        "name.en": "x",
        unit: "NUMBER",
        direction: "INCREASE",
        valueKind: "CUMULATIVE",
      }),
    );
    expect(result).toMatchObject({ ok: false, message: { key: "errors.forbidden" } });
    expect(await (await getDb()).indicator.count({ where: { activityId } })).toBe(1);
  });
});

describe("how an indicator's values add up", () => {
  it("is saved and read back as a total so far or per period, audited, and the history names the change", async () => {
    const { a, b, activityId, indicatorId } = await world();
    // The indicator made by the activity form without saying so is CUMULATIVE, the column's default.
    expect(await indicatorRow(indicatorId)).toMatchObject({ valueKind: "CUMULATIVE" });
    const { id } = await createIndicator(
      a.ctx.coordinator,
      activityId,
      indicatorInput({ name: { en: "Victims identified" }, valueKind: "PER_PERIOD" }),
    );
    expect(await indicatorRow(id)).toMatchObject({ valueKind: "PER_PERIOD", version: 1 });
    expect((await auditEventsFor(id))[0]).toMatchObject({
      action: "indicator.created",
      after: expect.objectContaining({ activityId, valueKind: "PER_PERIOD" }),
    });

    // Changing it alone needs no reason; the event keeps only that field, and the activity.
    await expect(
      updateIndicator(a.ctx.admin, id, 1, indicatorInput({ name: { en: "Victims identified" } }), null),
    ).resolves.toEqual({ version: 2 });
    expect(await indicatorRow(id)).toMatchObject({ valueKind: "CUMULATIVE", version: 2 });
    expect((await auditEventsFor(id)).at(-1)).toMatchObject({
      action: "indicator.updated",
      before: { activityId, valueKind: "PER_PERIOD" },
      after: { activityId, valueKind: "CUMULATIVE" },
    });
    // Another tenant cannot change it.
    await expect(
      updateIndicator(b.ctx.admin, id, 2, indicatorInput({ valueKind: "PER_PERIOD" }), null),
    ).rejects.toBeInstanceOf(NotFoundError);
    await updateIndicator(
      a.ctx.admin,
      id,
      2,
      indicatorInput({ name: { en: "Victims identified" }, valueKind: "PER_PERIOD" }),
      null,
    );

    // The edit form, the activity page and its history read it.
    const edit = await getActivityForEdit(a.ctx.admin, activityId);
    expect(edit.indicators.map((i) => i.valueKind)).toEqual(["CUMULATIVE", "PER_PERIOD"]);
    const detail = await getActivityDetail(a.ctx.viewer, activityId);
    expect(detail.indicators.map((i) => [i.name.en, i.valueKind])).toEqual([
      ["Border guards trained", "CUMULATIVE"],
      ["Victims identified", "PER_PERIOD"],
    ]);
    const history = await listHistory(a.ctx.admin, activityId);
    expect(history.events.filter((e) => e.action === "indicator.updated").map((e) => e.changes)).toEqual([
      [{ field: "valueKind", from: "CUMULATIVE", to: "PER_PERIOD" }],
      [{ field: "valueKind", from: "PER_PERIOD", to: "CUMULATIVE" }],
    ]);

    // As people read them: the table says how each indicator's values add up, the history the kinds by name.
    const table = textsOf(await IndicatorTable({ activity: detail, reading: { locale: "en", languages: ["en"] } }));
    expect(table).toEqual(expect.arrayContaining(["How values add up", "Total so far", "Per period"]));
    const shown = textsOf(await HistoryList({ history }));
    expect(shown).toEqual(expect.arrayContaining(["How values add up", "Total so far", "Per period"]));
    expect(shown).not.toContain("PER_PERIOD");
  });

  it("is refused by the form when it is neither kind, writing nothing", async () => {
    const { a, activityId, indicatorId } = await world();
    signInAs(a.coordinator);
    const fields = {
      tenant: a.tenant.slug,
      "name.en": "Shelters opened",
      unit: "NUMBER",
      "unitLabel.en": "officers",
      direction: "INCREASE",
      baseline: "0",
      baselineYear: "2024",
      target: "200",
      targetYear: "2026",
    };
    const count = () => getDb().then((db) => db.indicator.count({ where: { activityId } }));
    for (const valueKind of ["YEARLY", "per_period", ""]) {
      const created = await createIndicatorAction(null, form({ ...fields, activityId, valueKind }));
      expect(created).toMatchObject({ ok: false, fieldErrors: { valueKind: { key: "validation.invalid" } } });
    }
    const missing = await createIndicatorAction(null, form({ ...fields, activityId }));
    expect(missing).toMatchObject({ ok: false, fieldErrors: { valueKind: { key: "validation.invalid" } } });
    expect(await count()).toBe(1);
    const updated = await updateIndicatorAction(
      null,
      form({ ...fields, indicatorId, version: 1, valueKind: "SOMETIMES" }),
    );
    expect(updated).toMatchObject({ ok: false, fieldErrors: { valueKind: { key: "validation.invalid" } } });
    expect(await indicatorRow(indicatorId)).toMatchObject({ valueKind: "CUMULATIVE", version: 1 });

    // Posted as the form's radio posts it, it is saved.
    const saved = await updateIndicatorAction(
      null,
      form({ ...fields, "name.en": "Border guards trained", indicatorId, version: 1, valueKind: "PER_PERIOD" }),
    );
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await indicatorRow(indicatorId)).toMatchObject({ valueKind: "PER_PERIOD", version: 2 });
  });
});
