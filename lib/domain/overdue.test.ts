import { describe, expect, it } from "vitest";
import { isOverdue } from "./overdue";

describe("isOverdue", () => {
  const today = new Date("2026-06-01");
  it("flags a past end that is not done", () => {
    expect(isOverdue({ plannedEnd: new Date("2026-05-31"), status: "IN_PROGRESS" }, today)).toBe(true);
    expect(isOverdue({ plannedEnd: new Date("2026-05-31"), status: "COMPLETED" }, today)).toBe(false);
    expect(isOverdue({ plannedEnd: new Date("2026-05-31"), status: "CANCELLED" }, today)).toBe(false);
    expect(isOverdue({ plannedEnd: new Date("2026-06-02"), status: "DELAYED" }, today)).toBe(false);
    expect(isOverdue({ plannedEnd: null, status: "DELAYED" }, today)).toBe(false);
  });
  it("treats the end day itself as not yet overdue, all day long", () => {
    const lateOnTheDay = new Date("2026-05-31T23:59:00Z");
    expect(isOverdue({ plannedEnd: new Date("2026-05-31"), status: "IN_PROGRESS" }, lateOnTheDay)).toBe(false);
    expect(isOverdue({ plannedEnd: new Date("2026-05-30"), status: "IN_PROGRESS" }, lateOnTheDay)).toBe(true);
  });
});
