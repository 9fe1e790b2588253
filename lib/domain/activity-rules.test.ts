import { describe, expect, it } from "vitest";
import {
  ACTIVITY_REASON_FIELDS,
  INDICATOR_REASON_FIELDS,
  changesNeedingReason,
  checkActivityConsistency,
  checkActivityDates,
  checkIndicatorValues,
  checkStatusPercent,
  diffSnapshots,
  type ActivitySnapshot,
  type IndicatorValues,
} from "./activity-rules";

const plan = { startDate: "2025-01-01", endDate: "2027-12-31" };

const activity = (o: Partial<ActivitySnapshot> = {}): ActivitySnapshot => ({
  objectiveId: "o1",
  code: "1.1.1",
  title: { en: "Train border guards" },
  description: {},
  expectedResults: {},
  leadAgencyId: "a1",
  partnerAgencyIds: ["a2", "a3"],
  plannedStart: "2025-03-01",
  plannedEnd: "2025-06-30",
  budget: "1000.5",
  currency: "USD",
  fundingSource: {},
  status: "IN_PROGRESS",
  percentComplete: 40,
  ...o,
});

describe("checkActivityDates", () => {
  it("accepts dates inside the plan, a one-day activity, and missing dates", () => {
    expect(checkActivityDates({ plannedStart: "2025-03-01", plannedEnd: "2025-06-30" }, plan)).toEqual({
      errors: {},
      warnings: [],
    });
    expect(checkActivityDates({ plannedStart: "2025-03-01", plannedEnd: "2025-03-01" }, plan)).toEqual({
      errors: {},
      warnings: [],
    });
    expect(checkActivityDates({ plannedStart: null, plannedEnd: null }, plan)).toEqual({ errors: {}, warnings: [] });
    expect(checkActivityDates({ plannedStart: plan.startDate, plannedEnd: plan.endDate }, plan).warnings).toEqual([]);
  });

  it("puts an end before the start as an error on the end field", () => {
    expect(checkActivityDates({ plannedStart: "2025-06-30", plannedEnd: "2025-06-29" }, plan).errors).toEqual({
      plannedEnd: { key: "activityForm.validation.endBeforeStart" },
    });
  });

  it("warns, without an error, about dates outside the plan's period", () => {
    const before = checkActivityDates({ plannedStart: "2024-12-31", plannedEnd: "2024-12-31" }, plan);
    expect(before.errors).toEqual({});
    expect(before.warnings).toEqual([
      { field: "plannedStart", key: "activityForm.warnings.startBeforePlan" },
      { field: "plannedEnd", key: "activityForm.warnings.endBeforePlan" },
    ]);
    const after = checkActivityDates({ plannedStart: "2028-01-01", plannedEnd: "2028-02-01" }, plan);
    expect(after.warnings.map((w) => w.key)).toEqual([
      "activityForm.warnings.startAfterPlan",
      "activityForm.warnings.endAfterPlan",
    ]);
    expect(checkActivityDates({ plannedStart: "2027-01-01", plannedEnd: "2028-01-01" }, plan).warnings).toEqual([
      { field: "plannedEnd", key: "activityForm.warnings.endAfterPlan" },
    ]);
  });

  it("checks only the order of dates without a plan", () => {
    expect(checkActivityDates({ plannedStart: "1990-01-01", plannedEnd: "2090-01-01" })).toEqual({
      errors: {},
      warnings: [],
    });
  });
});

describe("checkStatusPercent", () => {
  it.each([
    ["COMPLETED", 100, null],
    ["COMPLETED", 90, "activityForm.validation.completedNeeds100"],
    ["NOT_STARTED", 0, null],
    ["NOT_STARTED", 10, "activityForm.validation.notStartedNeeds0"],
    ["IN_PROGRESS", 0, null],
    ["IN_PROGRESS", 99, null],
    ["IN_PROGRESS", 100, "activityForm.validation.fullNeedsCompleted"],
    ["DELAYED", 100, "activityForm.validation.fullNeedsCompleted"],
    ["CANCELLED", 35, null],
    ["CANCELLED", 100, null],
  ] as const)("%s at %i%% -> %s", (status, percent, key) => {
    expect(checkStatusPercent(status, percent)?.key ?? null).toBe(key);
  });
});

describe("checkActivityConsistency", () => {
  it("passes a consistent activity", () => {
    expect(checkActivityConsistency(activity())).toEqual({});
  });

  it("names each problem next to its field", () => {
    expect(
      checkActivityConsistency(
        activity({ partnerAgencyIds: ["a1"], currency: null, plannedEnd: "2025-01-01", status: "COMPLETED" }),
      ),
    ).toEqual({
      partnerAgencyIds: { key: "activityForm.validation.leadIsPartner" },
      currency: { key: "activityForm.validation.currencyNeeded" },
      plannedEnd: { key: "activityForm.validation.endBeforeStart" },
      percentComplete: { key: "activityForm.validation.completedNeeds100" },
    });
  });

  it("needs no currency without a budget", () => {
    expect(checkActivityConsistency(activity({ budget: null, currency: null }))).toEqual({});
  });
});

describe("diffSnapshots", () => {
  it("keeps only the changed fields on both sides", () => {
    const diff = diffSnapshots(
      activity(),
      activity({ title: { en: "Train 200 border guards" }, partnerAgencyIds: ["a2"], budget: null }),
    );
    expect(diff.changed).toEqual(["title", "partnerAgencyIds", "budget"]);
    expect(diff.before).toEqual({
      title: { en: "Train border guards" },
      partnerAgencyIds: ["a2", "a3"],
      budget: "1000.5",
    });
    expect(diff.after).toEqual({ title: { en: "Train 200 border guards" }, partnerAgencyIds: ["a2"], budget: null });
  });

  it("finds nothing between equal snapshots, and follows the field order it is given", () => {
    expect(diffSnapshots(activity(), activity())).toEqual({ changed: [], before: {}, after: {} });
    const diff = diffSnapshots(activity(), activity({ title: { en: "x" }, code: "1.1.2" }), ["title", "code"]);
    expect(diff.changed).toEqual(["title", "code"]);
  });

  it("compares nested values such as disaggregation by content", () => {
    const d = (categories: string[]) => ({ disaggregation: [{ dimension: "sex", categories }] });
    expect(diffSnapshots(d(["female", "male"]), d(["female", "male"])).changed).toEqual([]);
    expect(diffSnapshots(d(["female", "male"]), d(["female"])).changed).toEqual(["disaggregation"]);
  });
});

describe("changesNeedingReason", () => {
  it("asks for a reason when dates or the lead agency move", () => {
    expect(changesNeedingReason(activity(), activity({ plannedEnd: "2025-09-30" }), ACTIVITY_REASON_FIELDS)).toEqual([
      "plannedEnd",
    ]);
    expect(
      changesNeedingReason(activity(), activity({ leadAgencyId: "a9", plannedStart: null }), ACTIVITY_REASON_FIELDS),
    ).toEqual(["plannedStart", "leadAgencyId"]);
  });

  it("needs none for other fields, or for filling in a value that was empty", () => {
    expect(
      changesNeedingReason(
        activity(),
        activity({ title: { en: "New" }, budget: null, percentComplete: 50 }),
        ACTIVITY_REASON_FIELDS,
      ),
    ).toEqual([]);
    expect(
      changesNeedingReason(activity({ plannedEnd: null, leadAgencyId: null }), activity(), ACTIVITY_REASON_FIELDS),
    ).toEqual([]);
  });

  it("asks for a reason when an indicator's target or target year moves", () => {
    const i: { target: string | null; targetYear: number; baseline: string } = {
      target: "200",
      targetYear: 2026,
      baseline: "0",
    };
    expect(changesNeedingReason(i, { ...i, target: "150" }, INDICATOR_REASON_FIELDS)).toEqual(["target"]);
    expect(changesNeedingReason(i, { ...i, targetYear: 2027 }, INDICATOR_REASON_FIELDS)).toEqual(["targetYear"]);
    expect(changesNeedingReason(i, { ...i, baseline: "10" }, INDICATOR_REASON_FIELDS)).toEqual([]);
    expect(changesNeedingReason({ ...i, target: null }, i, INDICATOR_REASON_FIELDS)).toEqual([]);
  });
});

describe("checkIndicatorValues", () => {
  const ind = (o: Partial<IndicatorValues> = {}): IndicatorValues => ({
    unit: "NUMBER",
    direction: "INCREASE",
    baseline: "10",
    target: "200",
    baselineYear: 2024,
    targetYear: 2027,
    ...o,
  });

  it("passes sensible values, and equal baseline and target (keep at)", () => {
    expect(checkIndicatorValues(ind())).toEqual({});
    expect(checkIndicatorValues(ind({ target: "10" }))).toEqual({});
    expect(checkIndicatorValues(ind({ baseline: null, target: null, baselineYear: null }))).toEqual({});
  });

  it("keeps the target on the side the direction names", () => {
    expect(checkIndicatorValues(ind({ target: "5" }))).toEqual({
      target: { key: "indicatorForm.validation.targetBelowBaseline" },
    });
    expect(checkIndicatorValues(ind({ direction: "DECREASE" }))).toEqual({
      target: { key: "indicatorForm.validation.targetAboveBaseline" },
    });
    expect(checkIndicatorValues(ind({ direction: "DECREASE", target: "2" }))).toEqual({});
  });

  it("bounds percents and yes/no values", () => {
    expect(checkIndicatorValues(ind({ unit: "PERCENT", baseline: "20", target: "120" }))).toEqual({
      target: { key: "indicatorForm.validation.percentRange" },
    });
    expect(checkIndicatorValues(ind({ unit: "YES_NO", baseline: "0", target: "1" }))).toEqual({});
    expect(checkIndicatorValues(ind({ unit: "YES_NO", baseline: "2", target: "1" }))).toEqual({
      baseline: { key: "indicatorForm.validation.yesNo" },
    });
  });

  it("refuses a target year before the baseline year", () => {
    expect(checkIndicatorValues(ind({ targetYear: 2020 }))).toEqual({
      targetYear: { key: "indicatorForm.validation.targetYearBeforeBaseline" },
    });
  });
});
