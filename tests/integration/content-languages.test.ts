// Content in every language of the region: stored as a map per field, searched in every
// language, sorted and shown in the reader's, and a tenant's administrators choose its languages.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { updateTenantSettingsAction } from "@/lib/actions/tenants";
import { createAgency, updateAgency } from "@/lib/data/agencies";
import { getActivityDetail, listActivities } from "@/lib/data/activity-queries";
import { diffFields, listHistory } from "@/lib/data/history";
import { resolveTenantContext, updateTenantSettings } from "@/lib/data/tenants";
import { ForbiddenError, RuleError } from "@/lib/domain/errors";
import { DEFAULT_FILTERS, DEFAULT_PAGE } from "@/lib/validation/activity-filters";
import { addActivity, auditEventsFor, createPlan, createTenantWithPeople, ctxFor, snapshotTenant } from "../factories";
import { addAuditEvent } from "../factories/browse";
import { form, signInAs } from "../helpers/session";

beforeAll(async () => {
  await getDb();
}, 120_000);

async function world() {
  const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
  const [adminA, coordinatorA, viewerA, adminB] = await Promise.all([
    ctxFor(a.admin, a.tenant),
    ctxFor(a.coordinator, a.tenant),
    ctxFor(a.viewer, a.tenant),
    ctxFor(b.admin, b.tenant),
  ]);
  return { a, b, adminA, coordinatorA, viewerA, adminB };
}

describe("the activity list in every language", () => {
  it("finds an activity by its text in any language, whatever the reader's", async () => {
    const { a, viewerA } = await world();
    const plan = await createPlan(a.tenant);
    const db = await getDb();
    const act = await addActivity(a.tenant, plan);
    await db.activity.update({
      where: { id: act.id },
      data: {
        title: { en: "Hotline for victims", ru: "Горячая линия для пострадавших", tk: "Ynam telefony" },
        description: { kk: "Жедел желі" },
      },
    });
    const search = async (q: string, locale: string) =>
      (
        await listActivities(viewerA, { ...DEFAULT_FILTERS, plan: plan.id, q }, undefined, DEFAULT_PAGE, { locale })
      ).rows.map((r) => r.id);
    expect(await search("горячая", "en")).toEqual([act.id]);
    expect(await search("ynam", "ru")).toEqual([act.id]);
    expect(await search("жедел", "en")).toEqual([act.id]);
    expect(await search("hotline", "ru")).toEqual([act.id]);
    // A language code is not text: "ru" does not match every activity that has a Russian title.
    expect(await search("tk", "en")).toEqual([]);
  });

  it("sorts titles in the reader's language, falling back to the tenant's default", async () => {
    const { a, viewerA } = await world();
    const plan = await createPlan(a.tenant, { activities: 0 });
    const db = await getDb();
    const [x, y, z] = await Promise.all([
      addActivity(a.tenant, plan),
      addActivity(a.tenant, plan),
      addActivity(a.tenant, plan),
    ]);
    await db.activity.update({ where: { id: x.id }, data: { title: { en: "Alpha", ru: "Яблоко" } } });
    await db.activity.update({ where: { id: y.id }, data: { title: { en: "Beta", ru: "Арбуз" } } });
    await db.activity.update({ where: { id: z.id }, data: { title: { en: "Gamma" } } });
    const order = async (locale: string) =>
      (
        await listActivities(
          viewerA,
          { ...DEFAULT_FILTERS, plan: plan.id },
          { by: "title", dir: "asc" },
          DEFAULT_PAGE,
          {
            locale,
          },
        )
      ).rows.map((r) => r.id);
    expect(await order("en")).toEqual([x.id, y.id, z.id]);
    // A Russian reader sorts by the Russian titles ("Арбуз" before "Яблоко"); "Gamma" has none and sorts by its English.
    const ru = await order("ru");
    expect(ru.indexOf(y.id)).toBeLessThan(ru.indexOf(x.id));
    expect(ru).toHaveLength(3);
  });

  it("hands pages every language of a field, so they can show the reader's and mark a fallback", async () => {
    const { a, viewerA } = await world();
    const plan = await createPlan(a.tenant);
    const act = await addActivity(a.tenant, plan);
    const db = await getDb();
    await db.activity.update({
      where: { id: act.id },
      data: {
        description: { en: "Train officers" },
        fundingSource: { en: "State budget", ru: "Государственный бюджет" },
      },
    });
    const detail = await getActivityDetail(viewerA, act.id);
    expect(detail.description).toEqual({ en: "Train officers" });
    expect(detail.fundingSource).toEqual({ en: "State budget", ru: "Государственный бюджет" });
  });
});

describe("agency names in every language", () => {
  it("refuses a name another agency carries in any language, next to the clashing field", async () => {
    const { adminA } = await world();
    await createAgency(adminA, {
      name: { en: "Ministry of Labour", ru: "Министерство труда" },
      shortName: {},
      kind: "MINISTRY",
    });
    const clash = createAgency(adminA, {
      name: { en: "Labour Ministry", ru: "министерство ТРУДА" },
      shortName: {},
      kind: "MINISTRY",
    });
    await expect(clash).rejects.toBeInstanceOf(RuleError);
    await expect(clash).rejects.toMatchObject({ fieldErrors: { "name.ru": { key: "validation.agencyNameTaken" } } });
  });

  it("lets an agency keep its own name when another language changes", async () => {
    const { adminA } = await world();
    const { id } = await createAgency(adminA, {
      name: { en: "Prosecutor's Office" },
      shortName: {},
      kind: "STATE_AGENCY",
    });
    await expect(
      updateAgency(adminA, id, 1, {
        name: { en: "Prosecutor's Office", ru: "Прокуратура" },
        shortName: {},
        kind: "STATE_AGENCY",
      }),
    ).resolves.toBeUndefined();
  });
});

describe("tenant settings", () => {
  it("let an administrator name the country per language and choose the content languages", async () => {
    const { a, adminA } = await world();
    await updateTenantSettings(adminA, {
      name: { en: "Turkmenistan", ru: "Туркменистан", tk: "Türkmenistan" },
      defaultLanguage: "tk",
      otherLanguages: ["ru", "en", "tk"],
    });
    const ctx = await resolveTenantContext(a.admin, a.tenant.slug);
    expect(ctx?.tenant.contentLanguages).toEqual(["tk", "ru", "en"]);
    expect(ctx?.tenant.name).toEqual({ en: "Turkmenistan", ru: "Туркменистан", tk: "Türkmenistan" });
    const [event] = (await auditEventsFor(a.tenant.id)).filter((e) => e.action === "tenant.settingsChanged");
    expect(event).toMatchObject({
      tenantId: a.tenant.id,
      actorId: a.admin.id,
      before: { contentLanguages: ["en", "ru"] },
      after: { contentLanguages: ["tk", "ru", "en"] },
    });
  });

  it("are refused to coordinators and viewers, and change nothing", async () => {
    const { a, coordinatorA, viewerA } = await world();
    const before = await snapshotTenant(a.tenant);
    for (const ctx of [coordinatorA, viewerA]) {
      await expect(
        updateTenantSettings(ctx, { name: { en: "Renamed" }, defaultLanguage: "ru", otherLanguages: [] }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it("through the action: another tenant's administrator and a coordinator get nothing, bad input says why", async () => {
    const { a, b } = await world();
    const before = await snapshotTenant(a.tenant);
    const fields = { tenant: a.tenant.slug, "name.en": "Renamed", defaultLanguage: "en" };
    signInAs(b.admin);
    expect(await updateTenantSettingsAction(null, form(fields))).toMatchObject({ ok: false });
    signInAs(a.coordinator);
    expect(await updateTenantSettingsAction(null, form(fields))).toMatchObject({ ok: false });
    signInAs(a.admin);
    const bad = await updateTenantSettingsAction(null, form({ tenant: a.tenant.slug, defaultLanguage: "xx" }));
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { name: { key: "validation.required" }, defaultLanguage: { key: "validation.invalid" } },
    });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
    const ok = await updateTenantSettingsAction(
      null,
      form({
        tenant: a.tenant.slug,
        "name.en": "Renamed",
        "name.ru": "Переименовано",
        defaultLanguage: "ru",
        otherLanguages: ["en", "kk"],
      }),
    );
    expect(ok).toMatchObject({ ok: true });
    signInAs(null);
    const ctx = await resolveTenantContext(a.admin, a.tenant.slug);
    expect(ctx?.tenant.contentLanguages).toEqual(["ru", "en", "kk"]);
  });
});

describe("history of content written before it was stored per language", () => {
  it("reads old string titles and their Russian as one change per language", () => {
    expect(
      diffFields(
        { title: "Train guards", titleRu: "Обучение", description: "Old" },
        { title: { en: "Train guards", ru: "Обучение пограничников" }, description: { en: "Old" } },
      ),
    ).toEqual([{ field: "title.ru", from: "Обучение", to: "Обучение пограничников" }]);
    expect(diffFields({ name: "Officers", names: { ru: "Сотрудники" } }, { name: { en: "Officers trained" } })).toEqual(
      [
        { field: "name.en", from: "Officers", to: "Officers trained" },
        { field: "name.ru", from: "Сотрудники", to: null },
      ],
    );
  });

  it("lists an old event's changes per language in an activity's history", async () => {
    const { a, viewerA } = await world();
    const plan = await createPlan(a.tenant);
    const act = await addActivity(a.tenant, plan);
    await addAuditEvent(a.tenant, {
      actorId: a.admin.id,
      action: "activity.updated",
      entityType: "Activity",
      entityId: act.id,
      before: { title: "Old", titleRu: "Старое" },
      after: { title: "New", titleRu: "Старое" },
      at: new Date("2026-01-01"),
    });
    const history = await listHistory(viewerA, act.id);
    expect(history.events[0].changes).toEqual([{ field: "title.en", from: "Old", to: "New" }]);
  });
});
