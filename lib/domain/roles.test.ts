import { describe, expect, it } from "vitest";
import { ROLES } from "./enums";
import { PERMISSIONS, can, permissionsOf, roleNeedsAgency } from "./roles";

describe("permission table", () => {
  it("lets every role view its tenant", () => {
    for (const role of ROLES) expect(can(role, "tenant.view")).toBe(true);
  });

  it("keeps member management with admins only", () => {
    expect(ROLES.filter((r) => can(r, "members.manage"))).toEqual(["ADMIN"]);
  });

  it("never lets a viewer change anything", () => {
    const writes = Object.keys(PERMISSIONS).filter((p) => !["tenant.view", "audit.view"].includes(p));
    for (const p of writes) expect(can("VIEWER", p as keyof typeof PERMISSIONS)).toBe(false);
  });

  it("lets focal points report but not review", () => {
    expect(can("FOCAL_POINT", "progress.report")).toBe(true);
    expect(can("FOCAL_POINT", "progress.review")).toBe(false);
    expect(can("FOCAL_POINT", "agencies.manage")).toBe(false);
  });

  it("asks an agency only of focal points", () => {
    expect(ROLES.filter(roleNeedsAgency)).toEqual(["FOCAL_POINT"]);
  });

  it("lists a role's permissions in the table's order, and only those", () => {
    expect(permissionsOf("VIEWER")).toEqual(["tenant.view", "audit.view"]);
    expect(permissionsOf("FOCAL_POINT")).toEqual(["tenant.view", "progress.report", "audit.view"]);
    expect(permissionsOf("ADMIN")).toEqual(Object.keys(PERMISSIONS));
    for (const role of ROLES) expect(permissionsOf(role).every((p) => can(role, p))).toBe(true);
  });
});
