import { describe, expect, it } from "vitest";
import { listAllTenants, listMyTenants, resolveTenantContext } from "@/lib/data/tenants";
import { ForbiddenError } from "@/lib/domain/errors";
import { createTenant, createUser, addMembership } from "../factories";

describe("tenants", () => {
  it("resolves a context only from the person's own membership", async () => {
    const [a, b] = await Promise.all([createTenant(), createTenant()]);
    const user = await createUser({ tenant: a, role: "COORDINATOR" });
    const ctx = await resolveTenantContext(user, a.slug);
    expect(ctx?.tenant.id).toBe(a.id);
    expect(ctx?.role).toBe("COORDINATOR");
    expect(await resolveTenantContext(user, b.slug)).toBeNull();
    expect(await resolveTenantContext(user, "no-such-tenant")).toBeNull();
  });

  it("lists the tenants a person belongs to, and no others", async () => {
    const [a, b, c] = await Promise.all([createTenant({ name: "Alpha" }), createTenant({ name: "Beta" }), createTenant()]);
    const user = await createUser({ tenant: a, role: "VIEWER" });
    await addMembership(user, b, "ADMIN");
    const mine = await listMyTenants(user);
    expect(mine.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    expect(mine.find((t) => t.id === c.id)).toBeUndefined();
  });

  it("lists every tenant to platform administrators only", async () => {
    const tenant = await createTenant();
    const admin = await createUser({ platformAdmin: true });
    const tenantAdmin = await createUser({ tenant, role: "ADMIN" });
    expect((await listAllTenants(admin)).some((t) => t.id === tenant.id)).toBe(true);
    await expect(listAllTenants(tenantAdmin)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
