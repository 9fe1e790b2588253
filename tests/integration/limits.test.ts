// Oversized input through the real actions: a number past its column is a field error (not
// "unexpected error" from the database) and changes nothing; an oversized text is refused and
// echoed back only as long as its field allows.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createAgencyAction, updateAgencyAction } from "@/lib/actions/agencies";
import { updateActivityAction } from "@/lib/actions/activities";
import { createPlanAction } from "@/lib/actions/plans";
import { addActivity, createPlan, createTenantWithPeople, snapshotTenant } from "../factories";
import { form, signInAs } from "../helpers/session";

beforeAll(async () => {
  await getDb();
}, 120_000);
afterEach(() => signInAs(null));

const MEGA = "T".repeat(1_000_000);

describe("a version past int4", () => {
  it("updating an agency with version=99999999999: a field error on version, nothing changes", async () => {
    const w = await createTenantWithPeople();
    const before = await snapshotTenant(w.tenant);
    signInAs(w.coordinator);
    const result = await updateAgencyAction(
      null,
      form({
        tenant: w.tenant.slug,
        agencyId: w.agency.id,
        version: "99999999999",
        "name.en": "Renamed",
        kind: "COURT",
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      message: { key: "errors.invalidInput" },
      fieldErrors: { version: { key: "limits.numberTooLarge" } },
    });
    expect(result.ok === false && result.message.key).not.toBe("errors.unexpected");
    expect(await snapshotTenant(w.tenant)).toEqual(before);
  });

  it("updating an activity with version=99999999999: the same", async () => {
    const w = await createTenantWithPeople();
    const plan = await createPlan(w.tenant);
    const activity = await addActivity(w.tenant, plan);
    const before = await snapshotTenant(w.tenant);
    signInAs(w.coordinator);
    const result = await updateActivityAction(
      null,
      form({
        tenant: w.tenant.slug,
        activityId: activity.id,
        objectiveId: plan.objectiveId,
        version: "99999999999",
        code: "1.1.9",
        "title.en": "Renamed",
        status: "IN_PROGRESS",
        percentComplete: "10",
      }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { version: { key: "limits.numberTooLarge" } } });
    expect(await snapshotTenant(w.tenant)).toEqual(before);
  });
});

describe("a 1,000,000-character title", () => {
  it("an agency name is refused and echoed as at most 200 characters", async () => {
    const w = await createTenantWithPeople();
    const before = await snapshotTenant(w.tenant);
    signInAs(w.coordinator);
    const result = await createAgencyAction(
      null,
      form({ tenant: w.tenant.slug, "name.en": MEGA, "shortName.en": "Short", kind: "NGO" }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { "name.en": { key: "validation.tooLong", values: { max: 200 } } },
    });
    if (result.ok) throw new Error("expected a refusal");
    expect(result.values?.["name.en"]).toBe(MEGA.slice(0, 200));
    expect(result.values?.["shortName.en"]).toBe("Short");
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
    expect(await snapshotTenant(w.tenant)).toEqual(before);
  });

  it("a plan title is refused and echoed as at most 300 characters, unknown fields capped too", async () => {
    const w = await createTenantWithPeople();
    signInAs(w.coordinator);
    const result = await createPlanAction(
      null,
      form({ tenant: w.tenant.slug, "title.en": MEGA, startDate: "2025-01-01", endDate: "2029-12-31", extra: MEGA }),
    );
    if (result.ok) throw new Error("expected a refusal");
    expect(result.values?.["title.en"]).toHaveLength(300);
    expect((result.values?.extra as string).length).toBeLessThanOrEqual(10_000);
  });
});
