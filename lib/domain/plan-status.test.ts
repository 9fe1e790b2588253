import { describe, expect, it } from "vitest";
import { canChangePlanStatus, isPlanReadOnly, isPlanStatus, nextPlanStatus, planStatusChoices } from "./plan-status";
import { PLAN_STATUSES, type PlanStatus } from "./enums";

describe("plan status", () => {
  it("moves forward one step at a time", () => {
    expect(nextPlanStatus("DRAFT")).toBe("ACTIVE");
    expect(nextPlanStatus("ACTIVE")).toBe("CLOSED");
    expect(nextPlanStatus("CLOSED")).toBeNull();
  });

  it.each<[PlanStatus, PlanStatus, boolean]>([
    ["DRAFT", "DRAFT", true],
    ["DRAFT", "ACTIVE", true],
    ["DRAFT", "CLOSED", false], // a plan that never ran is deleted or archived, not closed
    ["ACTIVE", "ACTIVE", true],
    ["ACTIVE", "CLOSED", true],
    ["ACTIVE", "DRAFT", false],
    ["CLOSED", "CLOSED", true],
    ["CLOSED", "ACTIVE", false],
    ["CLOSED", "DRAFT", false],
  ])("%s -> %s allowed: %s", (from, to, allowed) => {
    expect(canChangePlanStatus(from, to)).toBe(allowed);
  });

  it("offers the current status and the next one", () => {
    expect(planStatusChoices("DRAFT")).toEqual(["DRAFT", "ACTIVE"]);
    expect(planStatusChoices("ACTIVE")).toEqual(["ACTIVE", "CLOSED"]);
    expect(planStatusChoices("CLOSED")).toEqual(["CLOSED"]);
  });

  it("makes only a closed plan read-only", () => {
    expect(PLAN_STATUSES.filter(isPlanReadOnly)).toEqual(["CLOSED"]);
  });

  it("recognises statuses", () => {
    expect(isPlanStatus("ACTIVE")).toBe(true);
    expect(isPlanStatus("active")).toBe(false);
    expect(isPlanStatus(undefined)).toBe(false);
  });
});
