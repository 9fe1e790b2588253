import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  createTenant as createTenantAsPlatform,
  listAllTenants,
  listMyTenants,
  resolveTenantContext,
} from "@/lib/data/tenants";
import { ForbiddenError, RuleError } from "@/lib/domain/errors";
import { createTenant, createUser, addMembership } from "../factories";

beforeAll(async () => {
  await getDb();
}, 120_000);

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
    const [a, b, c] = await Promise.all([
      createTenant({ name: "Alpha" }),
      createTenant({ name: "Beta" }),
      createTenant(),
    ]);
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

  it("creates a tenant with its first administrator's invitation, both in the new tenant", async () => {
    const platform = await createUser({ platformAdmin: true });
    const slug = `new-${randomBytes(4).toString("hex")}`;
    const { tenant, invitationToken } = await createTenantAsPlatform(platform, {
      slug,
      name: { en: "Newland", ru: "Ньюленд" },
      countryCode: "nl",
      defaultLocale: "en",
      adminEmail: "First@Newland.test",
    });
    expect(tenant).toMatchObject({
      slug,
      name: { en: "Newland", ru: "Ньюленд" },
      contentLanguages: ["en", "ru"],
    });
    const db = await getDb();
    const [invitations, audit] = await Promise.all([
      db.invitation.findMany({ where: { email: "first@newland.test" }, select: { tenantId: true, role: true } }),
      db.auditEvent.findMany({
        where: { entityId: tenant.id },
        select: { tenantId: true, actorId: true, action: true },
      }),
    ]);
    expect(invitations).toEqual([{ tenantId: tenant.id, role: "ADMIN" }]);
    expect(audit).toEqual([{ tenantId: tenant.id, actorId: platform.id, action: "tenant.created" }]);
    expect(invitationToken.length).toBeGreaterThan(40);
    await expect(
      createTenantAsPlatform(await createUser(), {
        slug: `x-${slug}`,
        name: { en: "No" },
        countryCode: "xx",
        defaultLocale: "en",
        adminEmail: "a@b.test",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("gives one slug to one tenant when two platform administrators take it at the same moment", async () => {
    const [first, second] = await Promise.all([
      createUser({ platformAdmin: true }),
      createUser({ platformAdmin: true }),
    ]);
    const slug = `race-${randomBytes(4).toString("hex")}`;
    const input = (name: string) => ({
      slug,
      name: { en: name },
      countryCode: "xx",
      defaultLocale: "en",
      adminEmail: `admin-${name}@example.test`,
    });
    // On PostgreSQL both find the slug free and the unique key refuses the second; on PGlite the
    // transactions take turns and the second sees the first's tenant. Either way: one wins.
    const results = await Promise.allSettled([
      createTenantAsPlatform(first, input("one")),
      createTenantAsPlatform(second, input("two")),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r) => r.status === "rejected");
    expect(refused.reason).toBeInstanceOf(RuleError);
    expect(refused.reason.fieldErrors).toEqual({ slug: { key: "validation.slugTaken" } });
    const db = await getDb();
    expect(await db.tenant.count({ where: { slug } })).toBe(1);
    // The loser left nothing behind: one invitation, one audit event.
    expect(
      await db.invitation.count({ where: { email: { in: ["admin-one@example.test", "admin-two@example.test"] } } }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({ where: { action: "tenant.created", after: { path: ["slug"], equals: slug } } }),
    ).toBe(1);
  });
});
