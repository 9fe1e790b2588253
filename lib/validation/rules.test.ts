import { describe, expect, it } from "vitest";
import { CreateActivitySchema, CreateIndicatorSchema } from "./activities";
import { fieldErrorsFrom } from "./form";
import { CreatePlanSchema } from "./plans";
import { CreateSectionSchema } from "./plans";
import { fieldsThatParse } from "./rules";

const errorsOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, raw: object) => {
  const parsed = schema.safeParse(raw);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error as never);
};

describe("rules across fields run beside the other fields' errors", () => {
  it("activity: an end before the start, a budget without currency and 100 % in progress with an empty title and a bad code", () => {
    const errors = errorsOf(CreateActivitySchema, {
      tenant: "t",
      planId: "p",
      objectiveId: "o",
      code: "x!",
      "title.en": "",
      plannedStart: "2025-06-01",
      plannedEnd: "2025-05-01",
      budget: "100",
      status: "IN_PROGRESS",
      percentComplete: "100",
      "indicators.0.name.en": "Schools",
      "indicators.0.unit": "PERCENT",
      "indicators.0.direction": "INCREASE",
      "indicators.0.valueKind": "CUMULATIVE",
      "indicators.0.target": "120",
      "indicators.0.baselineYear": "2026",
      "indicators.0.targetYear": "2025",
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        "code",
        "title",
        "plannedEnd",
        "currency",
        "percentComplete",
        "indicators.0.target",
        "indicators.0.targetYear",
      ].sort(),
    );
    expect(errors.plannedEnd.key).toBe("activityForm.validation.endBeforeStart");
  });

  it("skips a rule whose own fields failed, and keeps the field's own error", () => {
    const errors = errorsOf(CreateActivitySchema, {
      tenant: "t",
      planId: "p",
      objectiveId: "o",
      code: "1.1.1",
      "title.en": "A",
      plannedStart: "2025-13-01",
      plannedEnd: "2025-05-01",
      status: "NOT_STARTED",
    });
    expect(errors).toEqual({ plannedStart: { key: "activityForm.validation.date", values: {} } });
  });

  it("indicator and plan: the year and date order beside a missing name or title", () => {
    expect(
      Object.keys(
        errorsOf(CreateIndicatorSchema, {
          tenant: "t",
          activityId: "a",
          unit: "NUMBER",
          direction: "INCREASE",
          valueKind: "PER_PERIOD",
          baselineYear: "2026",
          targetYear: "2025",
        }),
      ).sort(),
    ).toEqual(["name", "targetYear"]);
    expect(errorsOf(CreatePlanSchema, { tenant: "t", startDate: "2026-01-01", endDate: "2025-01-01" })).toMatchObject({
      title: { key: "validation.required" },
      endDate: { key: "planAdmin.validation.endBeforeStart" },
    });
  });

  it("fieldsThatParse keeps the fields that parse alone", () => {
    expect(fieldsThatParse(CreateSectionSchema, { tenant: "t", planId: "", code: "3", "title.en": "Health" })).toEqual({
      tenant: "t",
      code: "3",
      title: { en: "Health" },
      pillar: null,
    });
  });
});
