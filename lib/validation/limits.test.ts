// Every number a form posts is bounded by its database column: one past the bound is refused
// with a field message (a translation key), the bound itself passes.
import { describe, expect, it } from "vitest";
import type { z } from "@/lib/validation/zod";
import { AMOUNT_MAX, INT4_MAX, PERCENT_MAX, PERCENT_MIN, VERSION_MIN, YEAR_MAX, YEAR_MIN } from "@/lib/domain/limits";
import { CreateIndicatorSchema, UpdateActivitySchema } from "./activities";
import { UpdateAgencySchema } from "./agencies";
import { fieldErrorsFrom } from "./form";
import { UpdateObjectiveSchema, UpdatePlanSchema, UpdateSectionSchema } from "./plans";

const ID = "clx1abc2def3ghi4jkl5mno6";
const activity = {
  tenant: "t",
  activityId: ID,
  objectiveId: ID,
  code: "1.1.1",
  title: "Train",
  status: "IN_PROGRESS",
  version: "1",
};
const indicator = { tenant: "t", activityId: ID, name: "Officers trained", unit: "NUMBER", direction: "INCREASE" };

/** The field error the form would show for `field`, or undefined when the value passes. */
function errorOf(schema: z.ZodType, input: Record<string, unknown>, field: string) {
  const parsed = schema.safeParse(input);
  return parsed.success ? undefined : fieldErrorsFrom(parsed.error)[field];
}

describe("versions (Int columns)", () => {
  const forms: [string, z.ZodType, Record<string, unknown>][] = [
    ["agency", UpdateAgencySchema, { tenant: "t", agencyId: ID, name: "Ministry", kind: "COURT" }],
    [
      "plan",
      UpdatePlanSchema,
      { tenant: "t", planId: ID, title: "Plan", startDate: "2025-01-01", endDate: "2029-12-31", status: "ACTIVE" },
    ],
    ["section", UpdateSectionSchema, { tenant: "t", sectionId: ID, title: "Prevention", code: "1" }],
    ["objective", UpdateObjectiveSchema, { tenant: "t", objectiveId: ID, sectionId: ID, code: "1.1", title: "Aware" }],
    ["activity", UpdateActivitySchema, activity],
  ];

  it.each(forms)("%s: refuses a version past int4 with a message, accepts int4's largest", (_name, schema, fields) => {
    expect(errorOf(schema, { ...fields, version: String(INT4_MAX) }, "version")).toBeUndefined();
    expect(errorOf(schema, { ...fields, version: String(INT4_MAX + 1) }, "version")).toEqual({
      key: "limits.numberTooLarge",
      values: { max: INT4_MAX },
    });
    expect(errorOf(schema, { ...fields, version: "99999999999" }, "version")?.key).toBe("limits.numberTooLarge");
    expect(errorOf(schema, { ...fields, version: String(VERSION_MIN) }, "version")).toBeUndefined();
    expect(errorOf(schema, { ...fields, version: String(VERSION_MIN - 1) }, "version")?.key).toBe(
      "limits.numberTooSmall",
    );
    expect(errorOf(schema, { ...fields, version: "1.5" }, "version")?.key).toBe("validation.invalid");
    expect(errorOf(schema, { ...fields, version: "1e400" }, "version")?.key).toBe("validation.invalid");
  });
});

describe("percent complete (0-100)", () => {
  it("accepts both ends and refuses one past either", () => {
    expect(
      // 100 % is a completed activity (the schema also holds status and percent to one story).
      errorOf(
        UpdateActivitySchema,
        { ...activity, status: "COMPLETED", percentComplete: String(PERCENT_MAX) },
        "percentComplete",
      ),
    ).toBeUndefined();
    expect(
      errorOf(UpdateActivitySchema, { ...activity, percentComplete: String(PERCENT_MIN) }, "percentComplete"),
    ).toBeUndefined();
    expect(
      errorOf(UpdateActivitySchema, { ...activity, percentComplete: String(PERCENT_MAX + 1) }, "percentComplete")?.key,
    ).toBe("activityForm.validation.percent");
    expect(
      errorOf(UpdateActivitySchema, { ...activity, percentComplete: String(PERCENT_MIN - 1) }, "percentComplete")?.key,
    ).toBe("activityForm.validation.percent");
  });
});

describe("amounts (Decimal(14,2))", () => {
  it.each(["budget"])("%s: the largest the column holds passes, one more digit or decimal does not", (field) => {
    expect(errorOf(UpdateActivitySchema, { ...activity, [field]: AMOUNT_MAX }, field)).toBeUndefined();
    expect(errorOf(UpdateActivitySchema, { ...activity, [field]: "1000000000000" }, field)?.key).toBe(
      "activityForm.validation.decimal",
    );
    expect(errorOf(UpdateActivitySchema, { ...activity, [field]: "1.005" }, field)?.key).toBe(
      "activityForm.validation.decimal",
    );
    expect(errorOf(UpdateActivitySchema, { ...activity, [field]: "-1" }, field)?.key).toBe(
      "activityForm.validation.decimal",
    );
  });

  it.each(["baseline", "target"])("indicator %s: the same bounds", (field) => {
    expect(errorOf(CreateIndicatorSchema, { ...indicator, [field]: AMOUNT_MAX }, field)).toBeUndefined();
    expect(errorOf(CreateIndicatorSchema, { ...indicator, [field]: "1000000000000.00" }, field)?.key).toBe(
      "activityForm.validation.decimal",
    );
  });
});

describe("indicator years (Int)", () => {
  it.each(["baselineYear", "targetYear"])(`%s: from ${YEAR_MIN} to ${YEAR_MAX}`, (field) => {
    expect(errorOf(CreateIndicatorSchema, { ...indicator, [field]: String(YEAR_MIN) }, field)).toBeUndefined();
    expect(errorOf(CreateIndicatorSchema, { ...indicator, [field]: String(YEAR_MAX) }, field)).toBeUndefined();
    expect(errorOf(CreateIndicatorSchema, { ...indicator, [field]: String(YEAR_MIN - 1) }, field)?.key).toBe(
      "indicatorForm.validation.year",
    );
    expect(errorOf(CreateIndicatorSchema, { ...indicator, [field]: String(YEAR_MAX + 1) }, field)?.key).toBe(
      "indicatorForm.validation.year",
    );
    expect(errorOf(CreateIndicatorSchema, { ...indicator, [field]: "99999999999" }, field)?.key).toBe(
      "indicatorForm.validation.year",
    );
  });
});
