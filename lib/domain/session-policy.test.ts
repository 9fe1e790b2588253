import { describe, expect, it } from "vitest";
import { sessionEndReason, sessionPolicy } from "./session-policy";

const t0 = new Date("2026-05-01T08:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("session policy", () => {
  it("defaults to one idle hour within twelve hours", () => {
    expect(sessionPolicy({})).toEqual({ idleMs: 3_600_000, maxMs: 12 * 3_600_000, touchEveryMs: 60_000 });
  });

  it("reads the environment, ignores nonsense and never lets idle exceed the maximum", () => {
    expect(sessionPolicy({ SESSION_IDLE_MINUTES: "15", SESSION_MAX_HOURS: "8" }).idleMs).toBe(15 * 60_000);
    expect(sessionPolicy({ SESSION_IDLE_MINUTES: "-3", SESSION_MAX_HOURS: "abc" })).toMatchObject({
      idleMs: 3_600_000,
      maxMs: 12 * 3_600_000,
    });
    expect(sessionPolicy({ SESSION_IDLE_MINUTES: "600", SESSION_MAX_HOURS: "2" }).idleMs).toBe(2 * 3_600_000);
  });

  it("ends a session that is revoked, past its end, or idle too long", () => {
    const policy = sessionPolicy({ SESSION_IDLE_MINUTES: "30" });
    const alive = { lastSeenAt: t0, expiresAt: at(600), revokedAt: null };
    expect(sessionEndReason(alive, policy, at(29))).toBeNull();
    expect(sessionEndReason(alive, policy, at(30))).toBe("idle");
    expect(sessionEndReason({ ...alive, revokedAt: t0 }, policy, at(1))).toBe("revoked");
    expect(sessionEndReason({ ...alive, lastSeenAt: at(599) }, policy, at(600))).toBe("expired");
  });
});
