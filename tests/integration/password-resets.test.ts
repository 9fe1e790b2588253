// Reset links: made by a tenant admin for a member of that tenant alone (or by the platform
// administrator for anyone), shown once, stored hashed, single-use, 24 hours, ending every session.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { resetPasswordAction } from "@/lib/actions/auth";
import { createResetLinkAction } from "@/lib/actions/members";
import { platformResetLinkAction } from "@/lib/actions/platform-users";
import { hashToken } from "@/lib/data/invitations";
import {
  createMemberPasswordReset,
  createPasswordResetAsPlatformAdmin,
  unsafeFindPasswordReset,
  unsafeUsePasswordReset,
} from "@/lib/data/password-resets";
import { unsafeFindSessionUser, unsafeStartSession } from "@/lib/data/sessions";
import { changeOwnPassword, unsafeVerifyCredentials } from "@/lib/data/users";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { TEST_PASSWORD, addMembership, createTenantWithPeople, createUser, ctxFor, snapshotTenant } from "../factories";
import { form, signInAs } from "../helpers/session";

beforeAll(async () => {
  await getDb();
}, 120_000);
afterEach(() => signInAs(null));

const client = { ip: "203.0.113.5", userAgent: "vitest" };
const NEW_PASSWORD = "seven green lanterns glow";

async function membershipId(userId: string, tenantId: string) {
  return (await (await getDb()).membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId, userId } } })).id;
}

describe("reset links made by a tenant administrator", () => {
  it("work once, set the password, end every session, and are stored only as a hash", async () => {
    const a = await createTenantWithPeople();
    const admin = await ctxFor(a.admin, a.tenant);
    const sid = await unsafeStartSession(a.viewer.id, client);
    const { token, email } = await createMemberPasswordReset(admin, await membershipId(a.viewer.id, a.tenant.id));
    expect(email).toBe(a.viewer.email);
    const db = await getDb();
    expect(await db.passwordReset.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.passwordReset.count({ where: { tokenHash: hashToken(token) } })).toBe(1);
    expect(await unsafeFindPasswordReset(token)).toEqual({ email: a.viewer.email, name: a.viewer.name });

    await unsafeUsePasswordReset(token, NEW_PASSWORD, client);
    expect(await unsafeFindSessionUser(sid, a.viewer.id)).toBeNull();
    expect(await unsafeVerifyCredentials(a.viewer.email, NEW_PASSWORD, new Date(), client)).toMatchObject({ ok: true });
    expect(await unsafeFindPasswordReset(token)).toBeNull();
    await expect(unsafeUsePasswordReset(token, "another fine passphrase", client)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const actions = await db.auditEvent.findMany({
      where: { entityId: a.viewer.id, action: { startsWith: "auth.password" } },
      select: { action: true, tenantId: true },
    });
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "auth.passwordResetIssued", tenantId: a.tenant.id },
        { action: "auth.passwordReset", tenantId: null },
      ]),
    );
  });

  it("expire after 24 hours, and a new link replaces the earlier one", async () => {
    const a = await createTenantWithPeople();
    const admin = await ctxFor(a.admin, a.tenant);
    const id = await membershipId(a.viewer.id, a.tenant.id);
    const first = await createMemberPasswordReset(admin, id);
    const second = await createMemberPasswordReset(admin, id);
    expect(await unsafeFindPasswordReset(first.token)).toBeNull();
    expect(await unsafeFindPasswordReset(second.token)).not.toBeNull();
    await (
      await getDb()
    ).passwordReset.updateMany({
      where: { tokenHash: hashToken(second.token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await unsafeFindPasswordReset(second.token)).toBeNull();
    await expect(unsafeUsePasswordReset(second.token, NEW_PASSWORD, client)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("are refused for people who also belong elsewhere, for platform administrators, for oneself, across tenants and to lower roles", async () => {
    const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
    const admin = await ctxFor(a.admin, a.tenant);
    const iom = await createUser({ tenant: a.tenant, role: "VIEWER" });
    await addMembership(iom, b.tenant, "VIEWER");
    const platform = await createUser({ tenant: a.tenant, role: "VIEWER", platformAdmin: true });
    await expect(createMemberPasswordReset(admin, await membershipId(iom.id, a.tenant.id))).rejects.toMatchObject({
      message: "members.resetElsewhere",
    });
    await expect(createMemberPasswordReset(admin, await membershipId(platform.id, a.tenant.id))).rejects.toMatchObject({
      message: "members.resetElsewhere",
    });
    await expect(createMemberPasswordReset(admin, await membershipId(a.admin.id, a.tenant.id))).rejects.toMatchObject({
      message: "members.resetOwnPassword",
    });
    await expect(createMemberPasswordReset(admin, await membershipId(b.viewer.id, b.tenant.id))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      createMemberPasswordReset(await ctxFor(a.coordinator, a.tenant), await membershipId(a.viewer.id, a.tenant.id)),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await (
        await getDb()
      ).passwordReset.count({ where: { userId: { in: [iom.id, platform.id, a.admin.id, b.viewer.id, a.viewer.id] } } }),
    ).toBe(0);
  });

  it("through the actions: a link from APP_URL, shown once; another tenant's member is not found and nothing changes", async () => {
    const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
    signInAs(a.admin);
    const made = await createResetLinkAction(
      null,
      form({ tenant: a.tenant.slug, membershipId: await membershipId(a.focal.id, a.tenant.id) }),
    );
    expect(made).toMatchObject({
      ok: true,
      data: {
        email: a.focal.email,
        link: expect.stringMatching(/^https:\/\/nap\.example\.gov\/reset-password\/[\w-]{40,}$/),
      },
    });
    const beforeB = await snapshotTenant(b.tenant);
    const foreign = await createResetLinkAction(
      null,
      form({ tenant: a.tenant.slug, membershipId: await membershipId(b.viewer.id, b.tenant.id) }),
    );
    expect(foreign).toMatchObject({ ok: false, message: { key: "errors.notFound" } });
    expect(await snapshotTenant(b.tenant)).toEqual(beforeB);

    const token = (made as { data: { link: string } }).data.link.split("/reset-password/")[1];
    signInAs(null);
    const weak = await resetPasswordAction(
      null,
      form({ token, newPassword: "qwerty123456", confirmPassword: "qwerty123456" }),
    );
    expect(weak).toMatchObject({ ok: false, fieldErrors: { newPassword: { key: "validation.passwordCommon" } } });
    expect(await unsafeFindPasswordReset(token)).not.toBeNull();
    expect(await unsafeVerifyCredentials(a.focal.email, TEST_PASSWORD, new Date(), client)).toMatchObject({ ok: true });
  });
});

describe("reset links kept for later", () => {
  it("stop working once the person also belongs to another tenant or administers the platform", async () => {
    const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
    const admin = await ctxFor(a.admin, a.tenant);
    const kept = await createMemberPasswordReset(admin, await membershipId(a.viewer.id, a.tenant.id));
    await addMembership(a.viewer, b.tenant, "ADMIN");
    expect(await unsafeFindPasswordReset(kept.token)).toBeNull();
    await expect(unsafeUsePasswordReset(kept.token, NEW_PASSWORD, client)).rejects.toBeInstanceOf(NotFoundError);
    expect(await unsafeVerifyCredentials(a.viewer.email, TEST_PASSWORD, new Date(), client)).toMatchObject({
      ok: true,
    });

    const keptToo = await createMemberPasswordReset(admin, await membershipId(a.focal.id, a.tenant.id));
    await (await getDb()).user.update({ where: { id: a.focal.id }, data: { isPlatformAdmin: true } });
    await expect(unsafeUsePasswordReset(keptToo.token, NEW_PASSWORD, client)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("end when the password is changed, and any new link ends every earlier one, whoever made it", async () => {
    const a = await createTenantWithPeople();
    const admin = await ctxFor(a.admin, a.tenant);
    const platform = await createUser({ platformAdmin: true });
    const first = await createMemberPasswordReset(admin, await membershipId(a.viewer.id, a.tenant.id));
    await changeOwnPassword(a.viewer, null, TEST_PASSWORD, NEW_PASSWORD, client);
    expect(await unsafeFindPasswordReset(first.token)).toBeNull();

    const byPlatform = await createPasswordResetAsPlatformAdmin(platform, a.viewer.id);
    const byTenant = await createMemberPasswordReset(admin, await membershipId(a.viewer.id, a.tenant.id));
    expect(await unsafeFindPasswordReset(byPlatform.token)).toBeNull();
    expect(await unsafeFindPasswordReset(byTenant.token)).not.toBeNull();
  });
});

describe("reset links made by the platform administrator", () => {
  it("work for anyone but themselves, and for nobody else to make", async () => {
    const a = await createTenantWithPeople();
    const [platform, someone] = await Promise.all([createUser({ platformAdmin: true }), createUser()]);
    const { token } = await createPasswordResetAsPlatformAdmin(platform, a.admin.id);
    expect(await unsafeFindPasswordReset(token)).toMatchObject({ email: a.admin.email });
    await expect(createPasswordResetAsPlatformAdmin(platform, platform.id)).rejects.toMatchObject({
      message: "members.resetOwnPassword",
    });
    await expect(createPasswordResetAsPlatformAdmin(someone, a.admin.id)).rejects.toBeInstanceOf(ForbiddenError);
    signInAs(someone);
    expect(await platformResetLinkAction(null, form({ userId: a.admin.id }))).toMatchObject({
      ok: false,
      message: { key: "errors.forbidden" },
    });
    signInAs(platform);
    expect(await platformResetLinkAction(null, form({ userId: a.viewer.id }))).toMatchObject({
      ok: true,
      data: { email: a.viewer.email },
    });
  });
});
