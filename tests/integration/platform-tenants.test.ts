// The platform administrator's way into a tenant they administer without being its member: the
// tenant's facts and administrators, and an invitation for one more administrator. Nothing else of
// the tenant, and nothing at all for anyone else.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import PlatformTenantPage from "@/app/(app)/admin/tenants/[slug]/page";
import { inviteTenantAdminAction } from "@/lib/actions/tenants";
import { getDb } from "@/lib/db";
import { getTenantForPlatform, inviteTenantAdmin } from "@/lib/data/tenants";
import { ForbiddenError } from "@/lib/domain/errors";
import { createTenantWithPeople, createUser, snapshotTenant } from "../factories";
import { renderPage, textsOf } from "../helpers/pages";
import { form, signInAs } from "../helpers/session";

beforeAll(async () => {
  await getDb();
}, 120_000);
afterEach(() => signInAs(null));

describe("a tenant as the platform administrator sees it", () => {
  it("has its counts and administrators, and nobody of another tenant", async () => {
    const [a, b, platform] = await Promise.all([
      createTenantWithPeople(),
      createTenantWithPeople(),
      createUser({ platformAdmin: true }),
    ]);
    const seen = await getTenantForPlatform(platform, a.tenant.slug);
    expect(seen).toMatchObject({ slug: a.tenant.slug, members: 4, admins: [{ email: a.admin.email }] });
    expect(JSON.stringify(seen)).not.toContain(b.admin.email);
    expect(await getTenantForPlatform(platform, `${a.tenant.slug}-nowhere`)).toBeNull();
  });

  it("is refused to a tenant's own administrator and to everyone else", async () => {
    const a = await createTenantWithPeople();
    for (const person of [a.admin, a.viewer, await createUser()]) {
      await expect(getTenantForPlatform(person, a.tenant.slug)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(inviteTenantAdmin(person, a.tenant.slug, "x@example.test")).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("lets the platform administrator invite one more administrator, audited in that tenant", async () => {
    const [a, platform] = await Promise.all([createTenantWithPeople(), createUser({ platformAdmin: true })]);
    const token = await inviteTenantAdmin(platform, a.tenant.slug, "New.Admin@Example.test");
    expect(token).toEqual(expect.any(String));
    const db = await getDb();
    const invitation = await db.invitation.findFirstOrThrow({
      where: { tenantId: a.tenant.id, email: "new.admin@example.test" },
    });
    expect(invitation).toMatchObject({ role: "ADMIN", invitedById: platform.id, acceptedAt: null });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: invitation.id, action: "invitation.created" },
    });
    expect(event).toMatchObject({ tenantId: a.tenant.id, actorId: platform.id });
    expect(await inviteTenantAdmin(platform, `${a.tenant.slug}-nowhere`, "x@example.test")).toBeNull();
    expect((await getTenantForPlatform(platform, a.tenant.slug))?.pendingAdminInvitations).toBe(1);
  });

  it("through the action: a tenant administrator gets nothing and nothing changes; bad input says why", async () => {
    const [a, platform] = await Promise.all([createTenantWithPeople(), createUser({ platformAdmin: true })]);
    const before = await snapshotTenant(a.tenant);
    signInAs(a.admin);
    expect(
      await inviteTenantAdminAction(null, form({ slug: a.tenant.slug, adminEmail: "x@example.test" })),
    ).toMatchObject({
      ok: false,
      message: { key: "errors.forbidden" },
    });
    signInAs(platform);
    expect(
      await inviteTenantAdminAction(null, form({ slug: a.tenant.slug, adminEmail: "not an address" })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { adminEmail: expect.anything() },
    });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
    const made = await inviteTenantAdminAction(null, form({ slug: a.tenant.slug, adminEmail: "second@example.test" }));
    expect(made).toMatchObject({ ok: true, data: { slug: a.tenant.slug, email: "second@example.test" } });
  });
});

describe("the platform page admin/tenants/[slug]", () => {
  const path = (slug: string) => `/admin/tenants/${slug}`;

  it("renders for the platform administrator, with the tenant's administrators", async () => {
    const [a, platform] = await Promise.all([createTenantWithPeople(), createUser({ platformAdmin: true })]);
    signInAs(platform);
    const shown = await renderPage(PlatformTenantPage, path(a.tenant.slug), { slug: a.tenant.slug });
    expect(shown).toHaveProperty("element");
    expect(textsOf("element" in shown ? shown.element : null).join(" ")).toContain(a.admin.email);
  });

  it("is not found for the tenant's own administrator, and for a tenant that does not exist", async () => {
    const [a, platform] = await Promise.all([createTenantWithPeople(), createUser({ platformAdmin: true })]);
    signInAs(a.admin);
    expect(await renderPage(PlatformTenantPage, path(a.tenant.slug), { slug: a.tenant.slug })).toEqual({ status: 404 });
    signInAs(platform);
    expect(await renderPage(PlatformTenantPage, path("nowhere-x"), { slug: "nowhere-x" })).toEqual({ status: 404 });
  });
});
