// The dashboard's pure rules: the pace of a planned span, progress towards a target in the
// indicator's direction, the mark with its reason, and why an activity is on the watch list.
import { describe, expect, it } from "vitest";
import {
  AT_RISK_SLACK,
  ON_PACE_SLACK,
  daysBetween,
  expectedPercent,
  indicatorMark,
  indicatorProgress,
  targetDay,
  watchReason,
  type IndicatorNumbers,
} from "./dashboard";

const n = (o: Partial<IndicatorNumbers>): IndicatorNumbers => ({
  unit: "NUMBER",
  direction: "INCREASE",
  baseline: 0,
  target: 100,
  actual: 50,
  ...o,
});

describe("expectedPercent", () => {
  it("is the share of the span elapsed, 0 before and 100 from its end", () => {
    expect(expectedPercent("2026-01-01", "2026-01-11", "2025-12-31")).toBe(0);
    expect(expectedPercent("2026-01-01", "2026-01-11", "2026-01-01")).toBe(0);
    expect(expectedPercent("2026-01-01", "2026-01-11", "2026-01-04")).toBe(30);
    expect(expectedPercent("2026-01-01", "2026-01-11", "2026-01-11")).toBe(100);
    expect(expectedPercent("2026-01-01", "2026-01-11", "2027-01-01")).toBe(100);
  });
  it("rounds half up and has no answer without both days", () => {
    expect(expectedPercent("2026-01-01", "2026-01-09", "2026-01-02")).toBe(13); // 12.5
    expect(expectedPercent(null, "2026-01-09", "2026-01-02")).toBeNull();
    expect(expectedPercent("2026-01-01", null, "2026-01-02")).toBeNull();
  });
  it("counts days", () => {
    expect(daysBetween("2026-06-30", "2026-12-01")).toBe(154);
    expect(targetDay(2028, "2027-06-30")).toBe("2028-12-31");
    expect(targetDay(null, "2027-06-30")).toBe("2027-06-30");
  });
});

describe("indicatorProgress", () => {
  it("runs from the baseline (0) to the target (100), going up", () => {
    expect(indicatorProgress(n({ baseline: 20, target: 120, actual: 70 }))).toBe(50);
    expect(indicatorProgress(n({ baseline: 20, target: 120, actual: 170 }))).toBe(150);
    expect(indicatorProgress(n({ baseline: 20, target: 120, actual: 10 }))).toBe(-10);
  });
  it("counts down for an indicator meant to fall", () => {
    const down = { direction: "DECREASE" as const, baseline: 120, target: 60 };
    expect(indicatorProgress(n({ ...down, actual: 90 }))).toBe(50);
    expect(indicatorProgress(n({ ...down, actual: 60 }))).toBe(100);
    expect(indicatorProgress(n({ ...down, actual: 150 }))).toBe(-50);
    expect(Object.is(indicatorProgress(n({ ...down, actual: 120 })), 0)).toBe(true);
  });
  it("starts from 0 without a baseline when meant to rise, and has no start when meant to fall", () => {
    expect(indicatorProgress(n({ baseline: null, target: 200, actual: 50 }))).toBe(25);
    expect(indicatorProgress(n({ direction: "DECREASE", baseline: null, target: 10, actual: 50 }))).toBeNull();
  });
  it("is all or nothing for yes/no and for a target equal to the baseline", () => {
    expect(indicatorProgress(n({ unit: "YES_NO", baseline: 0, target: 1, actual: 1 }))).toBe(100);
    expect(indicatorProgress(n({ unit: "YES_NO", baseline: 0, target: 1, actual: 0 }))).toBe(0);
    expect(indicatorProgress(n({ baseline: 5, target: 5, actual: 6 }))).toBe(100);
    expect(indicatorProgress(n({ baseline: 5, target: 5, actual: 4 }))).toBe(0);
    expect(indicatorProgress(n({ direction: "DECREASE", baseline: 5, target: 5, actual: 4 }))).toBe(100);
  });
  it("has no answer without a target or a value", () => {
    expect(indicatorProgress(n({ target: null }))).toBeNull();
    expect(indicatorProgress(n({ actual: null }))).toBeNull();
  });
});

describe("indicatorMark", () => {
  const mark = (o: Partial<IndicatorNumbers>, expected: number | null) => {
    const numbers = n(o);
    return indicatorMark(numbers, indicatorProgress(numbers), expected);
  };
  it("says why, in every branch", () => {
    expect(mark({ target: null }, 50)).toEqual({ mark: "NO_TARGET", reason: { key: "noTarget" } });
    expect(mark({ actual: null }, 50)).toEqual({ mark: "NOT_REPORTED", reason: { key: "noValue" } });
    expect(mark({ direction: "DECREASE", baseline: null, target: 10 }, 50)).toEqual({
      mark: "NO_TARGET",
      reason: { key: "noBaseline" },
    });
    expect(mark({ actual: 100 }, 50)).toEqual({ mark: "ON_TRACK", reason: { key: "targetReached", progress: 100 } });
    expect(mark({ actual: -5 }, 50)).toEqual({ mark: "OFF_TRACK", reason: { key: "wrongDirection", progress: -5 } });
    expect(mark({ actual: 50 - ON_PACE_SLACK }, 50).mark).toBe("ON_TRACK");
    expect(mark({ actual: 50 - ON_PACE_SLACK - 1 }, 50)).toEqual({
      mark: "AT_RISK",
      reason: { key: "behindPace", progress: 39, expected: 50 },
    });
    expect(mark({ actual: 50 - AT_RISK_SLACK }, 50).mark).toBe("AT_RISK");
    expect(mark({ actual: 50 - AT_RISK_SLACK - 1 }, 50)).toEqual({
      mark: "OFF_TRACK",
      reason: { key: "farBehindPace", progress: 19, expected: 50 },
    });
    expect(mark({ actual: 0 }, null)).toEqual({
      mark: "ON_TRACK",
      reason: { key: "onPace", progress: 0, expected: 0 },
    });
  });
});

describe("watchReason", () => {
  it("names overdue first, then delayed, then behind schedule", () => {
    const row = { overdue: true, status: "DELAYED", plannedEnd: "2026-06-30", expected: 80, percent: 40 };
    expect(watchReason(row, "2026-07-10")).toEqual({ kind: "overdue", days: 10 });
    expect(watchReason({ ...row, overdue: false }, "2026-07-10")).toEqual({ kind: "delayed" });
    expect(watchReason({ ...row, overdue: false, status: "IN_PROGRESS" }, "2026-07-10")).toEqual({
      kind: "behind",
      expected: 80,
      actual: 40,
    });
  });
});

describe("per-period indicators", () => {
  it("add a number's periods up from 0 when meant to rise; a rate keeps its baseline", () => {
    expect(indicatorProgress(n({ valueKind: "PER_PERIOD", baseline: 40, target: 200, actual: 50 }))).toBe(25);
    expect(
      indicatorProgress(n({ valueKind: "PER_PERIOD", unit: "PERCENT", baseline: 20, target: 80, actual: 50 })),
    ).toBe(50);
    expect(
      indicatorProgress(n({ valueKind: "PER_PERIOD", direction: "DECREASE", baseline: 120, target: 60, actual: 90 })),
    ).toBe(50);
  });
});
