// How strict the audit write is about its payload: a throw before shipping, a warning after.
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuditPayloadError, checkAuditPayload } from "./audit";

const wrong = { position: "first", email: "someone@example.org" };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("checkAuditPayload", () => {
  it("lets a payload that fits its action through", () => {
    expect(() => checkAuditPayload("section.moved", { position: 2 }, { position: 1 })).not.toThrow();
    expect(() => checkAuditPayload("agency.archived", undefined, undefined)).not.toThrow();
  });

  it("throws in tests and development, naming the action and the paths", () => {
    for (const env of ["test", "development"]) {
      vi.stubEnv("NODE_ENV", env);
      expect(() => checkAuditPayload("section.moved", { position: 2 }, wrong)).toThrow(AuditPayloadError);
    }
    const error = (() => {
      try {
        checkAuditPayload("section.moved", { position: 2 }, wrong);
      } catch (e) {
        return e as AuditPayloadError;
      }
    })();
    expect(error?.action).toBe("section.moved");
    expect(error?.issues).toEqual([
      "after.position: Invalid input: expected number, received string",
      'after: Unrecognized key: "email"',
    ]);
  });

  it("in production only warns, without the values, so the save goes on", () => {
    vi.stubEnv("NODE_ENV", "production");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(() => checkAuditPayload("section.moved", { position: 2 }, wrong)).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
    const message = String(warn.mock.calls[0][0]);
    expect(message).toContain("section.moved");
    expect(message).not.toContain("someone@example.org");
    expect(message).not.toContain("first");
  });
});
