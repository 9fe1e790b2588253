import { describe, expect, it } from "vitest";
import { FREE_FAILURES, afterFailure, secondsLocked, type ThrottleState } from "./throttle";

const t0 = new Date("2026-01-01T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, start: ThrottleState | null = null, at = t0): ThrottleState | null {
  let s = start;
  for (let i = 0; i < times; i++) s = afterFailure(s, at);
  return s;
}

describe("sign-in throttle", () => {
  it("allows a few mistakes without waiting", () => {
    const s = fail(FREE_FAILURES - 1);
    expect(secondsLocked(s, t0)).toBe(0);
  });

  it("locks after the free attempts, and doubles the wait", () => {
    const s1 = fail(FREE_FAILURES);
    expect(secondsLocked(s1, t0)).toBe(30);
    const s2 = afterFailure(s1, t0);
    expect(secondsLocked(s2, t0)).toBe(60);
  });

  it("caps the wait at 15 minutes", () => {
    expect(secondsLocked(fail(30), t0)).toBe(15 * 60);
  });

  it("forgets old failures", () => {
    const s = fail(FREE_FAILURES - 1);
    const next = afterFailure(s, later(16 * 60_000));
    expect(next.failures).toBe(1);
    expect(next.lockedUntil).toBeNull();
  });

  it("unlocks when the time has passed", () => {
    expect(secondsLocked(fail(FREE_FAILURES), later(31_000))).toBe(0);
  });
});
