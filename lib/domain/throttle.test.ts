import { describe, expect, it } from "vitest";
import { CLIENT_POLICY, EMAIL_POLICY, lockMsAfter, secondsUntil } from "./throttle";

const t0 = new Date("2026-01-01T10:00:00Z");

describe("sign-in throttle policy", () => {
  it("allows the free attempts without a lock", () => {
    for (let n = 1; n < EMAIL_POLICY.free; n++) expect(lockMsAfter(EMAIL_POLICY, n)).toBeNull();
  });

  it("locks on the last free attempt, then doubles the wait", () => {
    expect(lockMsAfter(EMAIL_POLICY, EMAIL_POLICY.free)).toBe(30_000);
    expect(lockMsAfter(EMAIL_POLICY, EMAIL_POLICY.free + 1)).toBe(60_000);
    expect(lockMsAfter(EMAIL_POLICY, EMAIL_POLICY.free + 2)).toBe(120_000);
  });

  it("keeps the lock on an address short, and holds a client longer", () => {
    expect(lockMsAfter(EMAIL_POLICY, 1_000)).toBe(5 * 60_000);
    expect(lockMsAfter(CLIENT_POLICY, 1_000)).toBe(15 * 60_000);
    expect(lockMsAfter(CLIENT_POLICY, CLIENT_POLICY.free - 1)).toBeNull();
  });

  it("counts whole seconds up, and nothing once the lock has passed", () => {
    expect(secondsUntil(new Date(t0.getTime() + 1_200), t0)).toBe(2);
    expect(secondsUntil(new Date(t0.getTime() - 1), t0)).toBe(0);
    expect(secondsUntil(null, t0)).toBe(0);
  });
});
