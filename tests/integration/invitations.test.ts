// Invitations: issued by a tenant's admins, scoped to that tenant, accepted once with the token.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import {
  createInvitation,
  hashToken,
  listPendingInvitations,
  revokeInvitation,
  unsafeAcceptInvitation,
  unsafeFindInvitation,
} from "@/lib/data/invitations";
import { unsafeVerifyCredentials } from "@/lib/data/users";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import {
  TEST_PASSWORD,
  auditEventsFor,
  createAgency,
  createPendingInvitation,
  createTenantWithPeople,
  createUser,
  ctxFor,
  snapshotTenant,
} from "../factories";

// Opening (and, on PGlite, migrating) the worker's database can take long on a busy machine:
// do it in a hook, not inside the first test's time budget.
beforeAll(async () => {
  await getDb();
}, 120_000);

const NEW_PASSWORD = "a-fresh-long-password";

async function twoTenants() {
  const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
  return { a, b, adminA: await ctxFor(a.admin, a.tenant), adminB: await ctxFor(b.admin, b.tenant) };
}

async function invitationRow(id: string) {
  return (await getDb()).invitation.findUniqueOrThrow({ where: { id } });
}

describe("createInvitation", () => {
  it("stores only the token's hash, with the normalised email, and audits it", async () => {
    const a = await createTenantWithPeople();
    const admin = await ctxFor(a.admin, a.tenant);
    const { token } = await createInvitation(admin, {
      email: "  New.Person@Example.TEST ",
      role: "COORDINATOR",
      agencyId: null,
    });
    const db = await getDb();
    const row = await db.invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row).toMatchObject({
      tenantId: a.tenant.id,
      email: "new.person@example.test",
      role: "COORDINATOR",
      invitedById: a.admin.id,
      acceptedAt: null,
    });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await auditEventsFor(row.id)).toEqual([
      expect.objectContaining({
        tenantId: a.tenant.id,
        actorId: a.admin.id,
        action: "invitation.created",
        after: { email: "new.person@example.test", role: "COORDINATOR", agencyId: null },
      }),
    ]);
  });

  it("replaces a pending invitation for the same person", async () => {
    const { adminA } = await twoTenants();
    const first = await createPendingInvitation(adminA, { email: "twice@example.test" });
    const second = await createPendingInvitation(adminA, { email: "twice@example.test", role: "COORDINATOR" });
    expect((await invitationRow(first.id)).revokedAt).not.toBeNull();
    expect(await unsafeFindInvitation(first.token)).toBeNull();
    expect(await unsafeFindInvitation(second.token)).toMatchObject({ role: "COORDINATOR" });
  });

  it("refuses someone who is already a member", async () => {
    const { a, adminA } = await twoTenants();
    const before = await snapshotTenant(a.tenant);
    const error = await createInvitation(adminA, { email: a.viewer.email, role: "ADMIN", agencyId: null }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(RuleError);
    expect(error.fieldErrors).toEqual({ email: { key: "validation.alreadyMember" } });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it.each(["COORDINATOR", "FOCAL_POINT", "VIEWER"] as const)(
    "is forbidden to a %s, and nothing is written",
    async (role) => {
      const { a } = await twoTenants();
      const person = { COORDINATOR: a.coordinator, FOCAL_POINT: a.focal, VIEWER: a.viewer }[role];
      const before = await snapshotTenant(a.tenant);
      await expect(
        createInvitation(await ctxFor(person, a.tenant), { email: "x@example.test", role: "VIEWER", agencyId: null }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(await snapshotTenant(a.tenant)).toEqual(before);
    },
  );

  it("invites a focal point only with an active agency of the same tenant", async () => {
    const { a, b, adminA } = await twoTenants();
    const archived = await createAgency(a.tenant);
    await (await getDb()).agency.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const before = await snapshotTenant(a.tenant);
    const beforeB = await snapshotTenant(b.tenant);
    for (const agencyId of [null, b.agency.id, archived.id, "no-such-agency"]) {
      const error = await createInvitation(adminA, { email: "fp@example.test", role: "FOCAL_POINT", agencyId }).catch(
        (e) => e,
      );
      expect(error, `agency ${agencyId}`).toBeInstanceOf(RuleError);
      expect(error.fieldErrors).toEqual({ agencyId: { key: "validation.agencyRequired" } });
    }
    expect(await snapshotTenant(a.tenant)).toEqual(before);
    expect(await snapshotTenant(b.tenant)).toEqual(beforeB);

    const ok = await createPendingInvitation(adminA, { role: "FOCAL_POINT", agencyId: a.agency.id });
    expect((await invitationRow(ok.id)).agencyId).toBe(a.agency.id);
  });

  it("drops an agency sent along with a role that has none", async () => {
    const { a, adminA } = await twoTenants();
    const { id } = await createPendingInvitation(adminA, { role: "VIEWER", agencyId: a.agency.id });
    expect((await invitationRow(id)).agencyId).toBeNull();
  });
});

describe("listPendingInvitations", () => {
  it("lists this tenant's usable invitations only", async () => {
    const { a, adminA, adminB } = await twoTenants();
    const pending = await createPendingInvitation(adminA, { role: "FOCAL_POINT", agencyId: a.agency.id });
    const revoked = await createPendingInvitation(adminA);
    await revokeInvitation(adminA, revoked.id);
    const expired = await createPendingInvitation(adminA);
    await (
      await getDb()
    ).invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const accepted = await createPendingInvitation(adminA);
    await unsafeAcceptInvitation(accepted.token, { name: "Accepted", password: NEW_PASSWORD });
    const elsewhere = await createPendingInvitation(adminB);

    const list = await listPendingInvitations(adminA);
    expect(list.map((i) => i.id)).toEqual([pending.id]);
    expect(list[0]).toMatchObject({ email: pending.email, role: "FOCAL_POINT", agencyName: { en: a.agency.name } });
    expect((await listPendingInvitations(adminB)).map((i) => i.id)).toEqual([elsewhere.id]);
  });

  it("is forbidden to a coordinator", async () => {
    const { a } = await twoTenants();
    await expect(listPendingInvitations(await ctxFor(a.coordinator, a.tenant))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("revokeInvitation", () => {
  it("revokes a pending invitation and audits it", async () => {
    const { a, adminA } = await twoTenants();
    const inv = await createPendingInvitation(adminA);
    await revokeInvitation(adminA, inv.id);
    expect((await invitationRow(inv.id)).revokedAt).not.toBeNull();
    expect(await unsafeFindInvitation(inv.token)).toBeNull();
    expect((await auditEventsFor(inv.id)).map((e) => [e.action, e.actorId, e.tenantId])).toContainEqual([
      "invitation.revoked",
      a.admin.id,
      a.tenant.id,
    ]);
  });

  it("answers not found for another tenant's invitation, which stays usable", async () => {
    const { a, b, adminA, adminB } = await twoTenants();
    const theirs = await createPendingInvitation(adminB);
    const [beforeA, beforeB] = await Promise.all([snapshotTenant(a.tenant), snapshotTenant(b.tenant)]);
    await expect(revokeInvitation(adminA, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshotTenant(a.tenant)).toEqual(beforeA);
    expect(await snapshotTenant(b.tenant)).toEqual(beforeB);
    expect(await unsafeFindInvitation(theirs.token)).not.toBeNull();
  });

  it("is forbidden to a coordinator, and answers not found twice", async () => {
    const { a, adminA } = await twoTenants();
    const inv = await createPendingInvitation(adminA);
    await expect(revokeInvitation(await ctxFor(a.coordinator, a.tenant), inv.id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await invitationRow(inv.id)).revokedAt).toBeNull();
    await revokeInvitation(adminA, inv.id);
    await expect(revokeInvitation(adminA, inv.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("unsafeFindInvitation", () => {
  it("shows what the invitation page needs, and nothing for unusable tokens", async () => {
    const { a, adminA } = await twoTenants();
    const fresh = await createPendingInvitation(adminA, { role: "FOCAL_POINT", agencyId: a.agency.id });
    expect(await unsafeFindInvitation(fresh.token)).toEqual({
      email: fresh.email,
      role: "FOCAL_POINT",
      tenantName: a.tenant.name,
      contentLanguages: ["en", "ru"],
      agencyName: { en: a.agency.name },
      hasAccount: false,
    });
    const existing = await createUser();
    const forExisting = await createPendingInvitation(adminA, { email: existing.email });
    expect(await unsafeFindInvitation(forExisting.token)).toMatchObject({ hasAccount: true });
    expect(await unsafeFindInvitation("not-a-real-token-at-all")).toBeNull();
    await (
      await getDb()
    ).invitation.update({ where: { id: fresh.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await unsafeFindInvitation(fresh.token)).toBeNull();
  });
});

describe("unsafeAcceptInvitation", () => {
  it("creates a new person with the invited role, audits it, and the token works once", async () => {
    const { a, adminA } = await twoTenants();
    const inv = await createPendingInvitation(adminA, { role: "FOCAL_POINT", agencyId: a.agency.id });
    expect(await unsafeAcceptInvitation(inv.token, { name: "  Aida  ", password: NEW_PASSWORD })).toEqual({
      email: inv.email,
      tenantSlug: a.tenant.slug,
    });

    const db = await getDb();
    const user = await db.user.findUniqueOrThrow({ where: { email: inv.email }, include: { memberships: true } });
    expect(user.name).toBe("Aida");
    expect(await verifyPassword(NEW_PASSWORD, user.passwordHash)).toBe(true);
    expect(user.memberships).toEqual([
      expect.objectContaining({ tenantId: a.tenant.id, role: "FOCAL_POINT", agencyId: a.agency.id }),
    ]);
    expect((await invitationRow(inv.id)).acceptedAt).not.toBeNull();
    expect(await auditEventsFor(user.memberships[0].id)).toEqual([
      expect.objectContaining({ action: "invitation.accepted", actorId: user.id, tenantId: a.tenant.id }),
    ]);
    expect(await unsafeVerifyCredentials(inv.email, NEW_PASSWORD)).toMatchObject({ ok: true });

    const before = await snapshotTenant(a.tenant);
    await expect(
      unsafeAcceptInvitation(inv.token, { name: "Someone else", password: "another-password-1" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshotTenant(a.tenant)).toEqual(before);
    expect(
      await verifyPassword(
        NEW_PASSWORD,
        (await db.user.findUniqueOrThrow({ where: { email: inv.email } })).passwordHash,
      ),
    ).toBe(true);
  });

  it("asks a new person for a name and a long enough password, whatever the form claimed", async () => {
    const { a, adminA } = await twoTenants();
    const inv = await createPendingInvitation(adminA);
    const before = await snapshotTenant(a.tenant);
    const noName = await unsafeAcceptInvitation(inv.token, { name: "  ", password: NEW_PASSWORD }).catch((e) => e);
    expect(noName).toBeInstanceOf(RuleError);
    expect(noName.fieldErrors).toEqual({ name: { key: "validation.required" } });
    const short = await unsafeAcceptInvitation(inv.token, { name: "Short", password: "abc" }).catch((e) => e);
    expect(short).toBeInstanceOf(RuleError);
    expect(short.fieldErrors).toEqual({ password: { key: "validation.passwordTooShort", values: { min: 12 } } });
    const leaked = await unsafeAcceptInvitation(inv.token, { name: "Leaky", password: "iloveyou2026" }).catch((e) => e);
    expect(leaked.fieldErrors).toEqual({ password: { key: "validation.passwordCommon", values: {} } });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
    expect(await (await getDb()).user.count({ where: { email: inv.email } })).toBe(0);
  });

  it("adds an existing account to a second tenant with its own password, leaving it unchanged", async () => {
    const { a, b, adminB } = await twoTenants();
    const inv = await createPendingInvitation(adminB, { email: a.coordinator.email, role: "ADMIN" });
    const db = await getDb();
    const hashBefore = (await db.user.findUniqueOrThrow({ where: { id: a.coordinator.id } })).passwordHash;
    await unsafeAcceptInvitation(inv.token, { password: TEST_PASSWORD });
    const memberships = await db.membership.findMany({
      where: { userId: a.coordinator.id },
      select: { tenantId: true, role: true },
    });
    expect(memberships).toHaveLength(2);
    expect(memberships).toEqual(
      expect.arrayContaining([
        { tenantId: a.tenant.id, role: "COORDINATOR" },
        { tenantId: b.tenant.id, role: "ADMIN" },
      ]),
    );
    const after = await db.user.findUniqueOrThrow({ where: { id: a.coordinator.id } });
    expect(after.passwordHash).toBe(hashBefore);
    expect(await db.user.count({ where: { email: a.coordinator.email } })).toBe(1);
  });

  it("refuses an existing account with the wrong password, and the invitation stays usable", async () => {
    const { a, b, adminB } = await twoTenants();
    const inv = await createPendingInvitation(adminB, { email: a.viewer.email });
    const before = await snapshotTenant(b.tenant);
    const error = await unsafeAcceptInvitation(inv.token, { password: "not-my-password" }).catch((e) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect(error.fieldErrors).toEqual({ password: { key: "validation.wrongPassword" } });
    expect(await snapshotTenant(b.tenant)).toEqual(before);
    expect(await unsafeFindInvitation(inv.token)).toMatchObject({ hasAccount: true });
  });

  it("refuses a revoked invitation", async () => {
    const { a, adminA } = await twoTenants();
    const inv = await createPendingInvitation(adminA);
    await revokeInvitation(adminA, inv.id);
    const before = await snapshotTenant(a.tenant);
    await expect(unsafeAcceptInvitation(inv.token, { name: "Late", password: NEW_PASSWORD })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });
});
