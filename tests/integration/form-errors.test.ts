// Every form answers with every error at once, next to its field: the schema's, the rules across
// fields (dates in order) and the rules that read other rows (a code taken, an unknown agency),
// in one response, with or without JavaScript. A refused person learns nothing from the rules.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createActivityAction, updateActivityAction } from "@/lib/actions/activities";
import { createAgencyAction, updateAgencyAction } from "@/lib/actions/agencies";
import { createIndicatorAction } from "@/lib/actions/indicators";
import { createPlanAction, updatePlanAction } from "@/lib/actions/plans";
import {
  createObjectiveAction,
  createSectionAction,
  updateObjectiveAction,
  updateSectionAction,
} from "@/lib/actions/structure";
import type { ActionResult } from "@/lib/actions/result";
import { setAgencyArchived } from "@/lib/data/agencies";
import { makeActivity, twoPlans } from "../factories/activities";
import { snapshotTenant } from "../factories";
import { form, signInAs } from "../helpers/session";

beforeAll(async () => {
  await getDb();
}, 120_000);

afterEach(() => signInAs(null));

/** The failure's field errors, as field -> message key. */
function errorKeys(result: ActionResult<unknown>): Record<string, string> {
  expect(result.ok).toBe(false);
  if (result.ok) return {};
  return Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([field, ref]) => [field, ref.key]));
}

describe("activity form", () => {
  it("reports an empty title, a bad code, an end before the start, a budget without currency and an unknown agency together", async () => {
    const { a, b } = await twoPlans();
    await setAgencyArchived(a.ctx.admin, a.other.id, true);
    signInAs(a.admin);
    const before = await snapshotTenant(a.tenant);
    const result = await createActivityAction(
      null,
      form({
        tenant: a.tenant.slug,
        planId: a.plan.id,
        objectiveId: a.plan.objectiveId,
        code: "x!",
        "title.en": "",
        plannedStart: "2025-06-01",
        plannedEnd: "2025-05-01",
        budget: "1000",
        leadAgencyId: b.agency.id,
        partnerAgencyIds: [a.other.id],
        status: "NOT_STARTED",
        percentComplete: "0",
      }),
    );
    expect(errorKeys(result)).toEqual({
      code: "activityForm.validation.codeFormat",
      title: "validation.required",
      plannedEnd: "activityForm.validation.endBeforeStart",
      currency: "activityForm.validation.currencyNeeded",
      leadAgencyId: "activityForm.validation.agency",
      partnerAgencyIds: "activityForm.validation.agency",
    });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it("reports a taken code beside an empty title, and a code outside its objective beside unknown agencies", async () => {
    const { a, b } = await twoPlans();
    await makeActivity(a.ctx.admin, a.plan, { code: "1.1.7" });
    signInAs(a.coordinator);
    const base = {
      tenant: a.tenant.slug,
      planId: a.plan.id,
      objectiveId: a.plan.objectiveId,
      status: "NOT_STARTED",
    };
    expect(errorKeys(await createActivityAction(null, form({ ...base, code: "1.1.7", "title.en": " " })))).toEqual({
      code: "activityForm.validation.codeTaken",
      title: "validation.required",
    });
    // The schema passes; every rule the data layer holds answers at once.
    expect(
      errorKeys(
        await createActivityAction(
          null,
          form({
            ...base,
            code: "2.1.1",
            "title.en": "Hotline",
            leadAgencyId: b.agency.id,
            partnerAgencyIds: b.partner.id,
          }),
        ),
      ),
    ).toEqual({
      code: "activityForm.validation.codeNotUnderObjective",
      leadAgencyId: "activityForm.validation.agency",
      partnerAgencyIds: "activityForm.validation.agency",
    });
  });

  it("on edit, asks for the reason together with the other errors", async () => {
    const { a, b } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan, { code: "1.1.8" });
    signInAs(a.admin);
    const fields = {
      tenant: a.tenant.slug,
      activityId: id,
      version: "1",
      objectiveId: a.plan.objectiveId,
      code: "1.1.8",
      "title.en": "Renamed",
      plannedStart: "2025-04-01",
      plannedEnd: "2025-06-30",
      status: "NOT_STARTED",
    };
    // Valid for the schema: the reason and the unknown lead in one answer.
    expect(errorKeys(await updateActivityAction(null, form({ ...fields, leadAgencyId: b.agency.id })))).toEqual({
      reason: "activityForm.validation.reasonRequired",
      leadAgencyId: "activityForm.validation.agency",
    });
    // Invalid for the schema too: still one answer.
    expect(
      errorKeys(await updateActivityAction(null, form({ ...fields, "title.en": "", leadAgencyId: b.agency.id }))),
    ).toEqual({
      title: "validation.required",
      reason: "activityForm.validation.reasonRequired",
      leadAgencyId: "activityForm.validation.agency",
    });
  });

  it("tells a viewer nothing the rules know (a taken code), only the schema's errors", async () => {
    const { a } = await twoPlans();
    await makeActivity(a.ctx.admin, a.plan, { code: "1.1.9" });
    signInAs(a.viewer);
    const result = await createActivityAction(
      null,
      form({ tenant: a.tenant.slug, planId: a.plan.id, objectiveId: a.plan.objectiveId, code: "1.1.9", status: "X" }),
    );
    expect(errorKeys(result)).toEqual({ title: "validation.required", status: "validation.invalid" });
  });
});

describe("indicator form", () => {
  it("reports a missing name, a target year before the baseline's, a target below the baseline and an unknown kind of values together", async () => {
    const { a } = await twoPlans();
    const { id } = await makeActivity(a.ctx.admin, a.plan);
    signInAs(a.admin);
    const result = await createIndicatorAction(
      null,
      form({
        tenant: a.tenant.slug,
        activityId: id,
        unit: "NUMBER",
        direction: "INCREASE",
        valueKind: "SOMETIMES",
        baseline: "50",
        target: "10",
        baselineYear: "2026",
        targetYear: "2025",
        "disaggregation.0.dimension": "",
        "disaggregation.0.categories": "female",
      }),
    );
    expect(errorKeys(result)).toEqual({
      name: "validation.required",
      target: "indicatorForm.validation.targetBelowBaseline",
      targetYear: "indicatorForm.validation.targetYearBeforeBaseline",
      valueKind: "validation.invalid",
      "disaggregation.0.dimension": "validation.required",
    });
  });
});

describe("plan form", () => {
  it("reports an empty title, the date order and an unknown predecessor together", async () => {
    const { a, b } = await twoPlans();
    signInAs(a.admin);
    const result = await createPlanAction(
      null,
      form({ tenant: a.tenant.slug, startDate: "2026-01-01", endDate: "2025-01-01", predecessorId: b.plan.id }),
    );
    expect(errorKeys(result)).toEqual({
      title: "validation.required",
      endDate: "planAdmin.validation.endBeforeStart",
      predecessorId: "planAdmin.validation.predecessorMissing",
    });
  });

  it("on edit, reports a status it cannot move to with the date order and a bad date", async () => {
    const { a } = await twoPlans();
    signInAs(a.admin);
    const fields = { tenant: a.tenant.slug, planId: a.plan.id, version: "1", "title.en": "Plan", status: "DRAFT" };
    expect(
      errorKeys(await updatePlanAction(null, form({ ...fields, startDate: "2026-01-01", endDate: "2025-01-01" }))),
    ).toEqual({ endDate: "planAdmin.validation.endBeforeStart", status: "planAdmin.validation.statusTransition" });
    expect(
      errorKeys(
        await updatePlanAction(null, form({ ...fields, "title.en": "", startDate: "soon", endDate: "2025-01-01" })),
      ),
    ).toEqual({
      title: "validation.required",
      startDate: "validation.invalid",
      status: "planAdmin.validation.statusTransition",
    });
  });
});

describe("section and objective forms", () => {
  it("report a taken or malformed code beside an empty title", async () => {
    const { a } = await twoPlans();
    signInAs(a.admin);
    const slug = a.tenant.slug;
    expect(
      errorKeys(await createSectionAction(null, form({ tenant: slug, planId: a.plan.id, code: "1", "title.en": "" }))),
    ).toEqual({ title: "validation.required", code: "structure.validation.sectionCodeTaken" });
    expect(
      errorKeys(
        await updateSectionAction(
          null,
          form({ tenant: slug, sectionId: a.plan.sectionId, version: "1", code: "x!", "title.en": "", pillar: "BAD" }),
        ),
      ),
    ).toEqual({
      title: "validation.required",
      pillar: "validation.invalid",
      code: "structure.validation.sectionCode",
    });
    expect(
      errorKeys(
        await createObjectiveAction(
          null,
          form({ tenant: slug, sectionId: a.plan.sectionId, code: "1.1", "title.en": "" }),
        ),
      ),
    ).toEqual({ title: "validation.required", code: "structure.validation.objectiveCodeTaken" });
  });

  it("report a malformed code and a section of another plan together, with or without schema errors", async () => {
    const { a, b } = await twoPlans();
    signInAs(a.admin);
    const fields = {
      tenant: a.tenant.slug,
      objectiveId: a.plan.objectiveId,
      version: "1",
      sectionId: b.plan.sectionId,
      code: "x!",
      "title.en": "Renamed",
    };
    const both = { code: "structure.validation.objectiveCode", sectionId: "structure.validation.sectionMissing" };
    expect(errorKeys(await updateObjectiveAction(null, form(fields)))).toEqual(both);
    expect(errorKeys(await updateObjectiveAction(null, form({ ...fields, "title.en": "" })))).toEqual({
      ...both,
      title: "validation.required",
    });
  });
});

describe("agency form", () => {
  it("reports a taken name beside an invalid kind, on create and edit", async () => {
    const { a } = await twoPlans();
    signInAs(a.admin);
    expect(
      errorKeys(await createAgencyAction(null, form({ tenant: a.tenant.slug, "name.en": a.partner.name, kind: "X" }))),
    ).toEqual({ "name.en": "validation.agencyNameTaken", kind: "validation.invalid" });
    expect(
      errorKeys(
        await updateAgencyAction(
          null,
          form({
            tenant: a.tenant.slug,
            agencyId: a.other.id,
            version: "99999999999",
            "name.en": a.partner.name,
            kind: "MINISTRY",
          }),
        ),
      ),
    ).toEqual({ "name.en": "validation.agencyNameTaken", version: "limits.numberTooLarge" });
  });
});
