// The dashboard's rules, pure: how far an indicator has come towards its target (in the right
// direction), whether that is on track, and why an activity is at risk. The database counts;
// these decide what one counted row means, and the same rules are written once in SQL
// (lib/data/dashboard/statements.ts) where they filter or count rows.
import { parseIsoDay } from "./day";
import type { IndicatorDirection, IndicatorUnit } from "./enums";
import type { IndicatorMark, MarkReason, WatchReason } from "./types/dashboard";

/** An activity is at risk when its percent trails the time elapsed of its planned span by this much. */
export const AT_RISK_GAP = 25;
/** An indicator is on track within this many points of the pace to its target, at risk within ON_TRACK + this. */
export const ON_PACE_SLACK = 10;
export const AT_RISK_SLACK = 30;

const DAY = 86_400_000;

/** Share of [start, end] elapsed on `day`, 0-100 (0 before, 100 from the end); null without both days. */
export function expectedPercent(start: string | null, end: string | null, day: string): number | null {
  if (!start || !end) return null;
  const s = parseIsoDay(start).getTime();
  const e = parseIsoDay(end).getTime();
  const d = parseIsoDay(day).getTime();
  if (d <= s) return 0;
  if (d >= e) return 100;
  return Math.round((100 * (d - s)) / (e - s));
}

/** Whole days from `from` to `to` (ISO days). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((parseIsoDay(to).getTime() - parseIsoDay(from).getTime()) / DAY);

export interface IndicatorNumbers {
  unit: IndicatorUnit;
  /** A per-period number meant to rise: the periods add up from 0, whatever the baseline. */
  valueKind?: "CUMULATIVE" | "PER_PERIOD";
  direction: IndicatorDirection;
  baseline: number | null;
  target: number | null;
  actual: number | null;
}

/**
 * Progress from the baseline towards the target: 0 at the baseline, 100 at the target, negative
 * when the actual moved away from it. The direction is in the numbers: an indicator meant to go
 * down (baseline 120, target 60) is 50 at 90. Without a baseline, one meant to go up starts
 * from 0; one meant to go down has no start to count from (null). Yes/no is 0 or 100.
 */
export function indicatorProgress(n: IndicatorNumbers): number | null {
  if (n.target === null || n.actual === null) return null;
  if (n.unit === "YES_NO") return n.actual === n.target ? 100 : 0;
  const base =
    n.valueKind === "PER_PERIOD" && n.unit === "NUMBER" && n.direction === "INCREASE"
      ? 0
      : (n.baseline ?? (n.direction === "INCREASE" ? 0 : null));
  if (base === null) return null;
  if (n.target === base) {
    const met = n.direction === "INCREASE" ? n.actual >= n.target : n.actual <= n.target;
    return met ? 100 : 0;
  }
  // + 0: a falling indicator at its baseline is 0 / -60, which rounds to -0; the SQL says 0.
  return Math.round((100 * (n.actual - base)) / (n.target - base)) + 0;
}

/** On track, at risk or off track, with the reason: progress against the even pace to the target. */
export function indicatorMark(
  n: IndicatorNumbers,
  progress: number | null,
  expected: number | null,
): { mark: IndicatorMark; reason: MarkReason } {
  if (n.target === null) return { mark: "NO_TARGET", reason: { key: "noTarget" } };
  if (n.actual === null) return { mark: "NOT_REPORTED", reason: { key: "noValue" } };
  // Meant to fall, without a baseline: there is no start to count the fall from.
  if (progress === null) return { mark: "NO_TARGET", reason: { key: "noBaseline" } };
  if (progress >= 100) return { mark: "ON_TRACK", reason: { key: "targetReached", progress } };
  if (progress < 0) return { mark: "OFF_TRACK", reason: { key: "wrongDirection", progress } };
  const pace = expected ?? 0;
  if (progress >= pace - ON_PACE_SLACK)
    return { mark: "ON_TRACK", reason: { key: "onPace", progress, expected: pace } };
  if (progress >= pace - AT_RISK_SLACK)
    return { mark: "AT_RISK", reason: { key: "behindPace", progress, expected: pace } };
  return { mark: "OFF_TRACK", reason: { key: "farBehindPace", progress, expected: pace } };
}

/** The day an indicator's target is due: the end of its target year, else the given fallback. */
export function targetDay(targetYear: number | null, fallback: string): string {
  return targetYear ? `${targetYear}-12-31` : fallback;
}

/** Why an activity is on the watch list (the SQL decided that it is). */
export function watchReason(
  row: { overdue: boolean; status: string; plannedEnd: string | null; expected: number | null; percent: number },
  day: string,
): WatchReason {
  if (row.overdue && row.plannedEnd) return { kind: "overdue", days: daysBetween(row.plannedEnd, day) };
  if (row.status === "DELAYED") return { kind: "delayed" };
  return { kind: "behind", expected: row.expected ?? 0, actual: row.percent };
}
