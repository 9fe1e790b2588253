// Members of a tenant: listed to its members, managed by its admins, never across tenants.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { changeMemberRole, listMembers, removeMember } from "@/lib/data/members";
import { resolveTenantContext } from "@/lib/data/tenants";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import {
  addMembership,
  auditEventsFor,
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

async function twoTenants() {
  const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
  return { a, b, adminA: await ctxFor(a.admin, a.tenant) };
}

async function membershipOf(userId: string, tenantId: string) {
  return (await getDb()).membership.findUnique({ where: { tenantId_userId: { tenantId, userId } } });
}

async function membershipId(userId: string, tenantId: string): Promise<string> {
  return (await membershipOf(userId, tenantId))!.id;
}

describe("listMembers", () => {
  it("lists this tenant's members with their role and agency, and nobody else's", async () => {
    const { a, b } = await twoTenants();
    const both = await createUser({ tenant: a.tenant, role: "VIEWER" });
    await addMembership(both, b.tenant, "ADMIN");

    // Every member may see the list, down to a viewer.
    const list = await listMembers(await ctxFor(a.viewer, a.tenant));
    expect(list.map((m) => m.userId).sort()).toEqual(
      [a.admin.id, a.coordinator.id, a.focal.id, a.viewer.id, both.id].sort(),
    );
    expect(list.find((m) => m.userId === a.focal.id)).toMatchObject({
      role: "FOCAL_POINT",
      agencyId: a.agency.id,
      agencyName: { en: a.agency.name },
      email: a.focal.email,
    });
    expect(list.find((m) => m.userId === both.id)?.role).toBe("VIEWER");
    expect(list.map((m) => m.role)).toEqual(["ADMIN", "COORDINATOR", "FOCAL_POINT", "VIEWER", "VIEWER"]);

    const listB = await listMembers(await ctxFor(b.viewer, b.tenant));
    expect(listB.find((m) => m.userId === both.id)?.role).toBe("ADMIN");
    expect(listB.some((m) => m.userId === a.admin.id)).toBe(false);
  });

  it("gives someone with no membership no context to ask with", async () => {
    const { a } = await twoTenants();
    const outsider = await createUser();
    expect(await resolveTenantContext(outsider, a.tenant.slug)).toBeNull();
  });
});

describe("changeMemberRole", () => {
  it("changes the role, clears the agency of a former focal point, and audits both sides", async () => {
    const { a, adminA } = await twoTenants();
    const id = await membershipId(a.focal.id, a.tenant.id);
    await changeMemberRole(adminA, id, "COORDINATOR", a.agency.id);
    expect(await membershipOf(a.focal.id, a.tenant.id)).toMatchObject({ role: "COORDINATOR", agencyId: null });
    expect(await auditEventsFor(id)).toEqual([
      expect.objectContaining({
        tenantId: a.tenant.id,
        actorId: a.admin.id,
        action: "membership.roleChanged",
        before: { role: "FOCAL_POINT", agencyId: a.agency.id },
        after: { role: "COORDINATOR", agencyId: null },
      }),
    ]);
  });

  it("answers not found for another tenant's membership, which stays as it was", async () => {
    const { a, b, adminA } = await twoTenants();
    const theirs = await membershipId(b.viewer.id, b.tenant.id);
    const [beforeA, beforeB] = await Promise.all([snapshotTenant(a.tenant), snapshotTenant(b.tenant)]);
    await expect(changeMemberRole(adminA, theirs, "ADMIN", null)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshotTenant(a.tenant)).toEqual(beforeA);
    expect(await snapshotTenant(b.tenant)).toEqual(beforeB);
  });

  it("is forbidden to a coordinator, even to promote themselves", async () => {
    const { a } = await twoTenants();
    const coordinator = await ctxFor(a.coordinator, a.tenant);
    const before = await snapshotTenant(a.tenant);
    await expect(
      changeMemberRole(coordinator, await membershipId(a.coordinator.id, a.tenant.id), "ADMIN", null),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it("makes a focal point only with an agency of this tenant", async () => {
    const { a, b, adminA } = await twoTenants();
    const id = await membershipId(a.viewer.id, a.tenant.id);
    const before = await snapshotTenant(a.tenant);
    for (const agencyId of [null, b.agency.id]) {
      const error = await changeMemberRole(adminA, id, "FOCAL_POINT", agencyId).catch((e) => e);
      expect(error).toBeInstanceOf(RuleError);
      expect(error.fieldErrors).toEqual({ agencyId: { key: "validation.agencyRequired" } });
    }
    expect(await snapshotTenant(a.tenant)).toEqual(before);
    await changeMemberRole(adminA, id, "FOCAL_POINT", a.agency.id);
    expect(await membershipOf(a.viewer.id, a.tenant.id)).toMatchObject({ role: "FOCAL_POINT", agencyId: a.agency.id });
  });

  it("never demotes the last admin, but does when there is another", async () => {
    const { a, adminA } = await twoTenants();
    const own = await membershipId(a.admin.id, a.tenant.id);
    const before = await snapshotTenant(a.tenant);
    await expect(changeMemberRole(adminA, own, "VIEWER", null)).rejects.toMatchObject({
      name: "RuleError",
      message: "errors.lastAdmin",
    });
    expect(await snapshotTenant(a.tenant)).toEqual(before);

    await changeMemberRole(adminA, await membershipId(a.coordinator.id, a.tenant.id), "ADMIN", null);
    await changeMemberRole(adminA, own, "VIEWER", null);
    expect((await membershipOf(a.admin.id, a.tenant.id))?.role).toBe("VIEWER");
  });
});

describe("removeMember", () => {
  it("removes the membership, keeps the person's account, and audits it", async () => {
    const { a, adminA } = await twoTenants();
    const id = await membershipId(a.viewer.id, a.tenant.id);
    await removeMember(adminA, id);
    expect(await membershipOf(a.viewer.id, a.tenant.id)).toBeNull();
    expect(await (await getDb()).user.count({ where: { id: a.viewer.id } })).toBe(1);
    expect(await auditEventsFor(id)).toEqual([
      expect.objectContaining({
        tenantId: a.tenant.id,
        actorId: a.admin.id,
        action: "membership.removed",
        before: { email: a.viewer.email, role: "VIEWER", agencyId: null },
      }),
    ]);
  });

  it("answers not found for another tenant's membership, which stays", async () => {
    const { a, b, adminA } = await twoTenants();
    const theirs = await membershipId(b.admin.id, b.tenant.id);
    const [beforeA, beforeB] = await Promise.all([snapshotTenant(a.tenant), snapshotTenant(b.tenant)]);
    await expect(removeMember(adminA, theirs)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshotTenant(a.tenant)).toEqual(beforeA);
    expect(await snapshotTenant(b.tenant)).toEqual(beforeB);
  });

  it("is forbidden to a coordinator", async () => {
    const { a } = await twoTenants();
    const before = await snapshotTenant(a.tenant);
    await expect(
      removeMember(await ctxFor(a.coordinator, a.tenant), await membershipId(a.viewer.id, a.tenant.id)),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it("never removes the last admin, but does when there is another", async () => {
    const { a, adminA } = await twoTenants();
    const own = await membershipId(a.admin.id, a.tenant.id);
    const before = await snapshotTenant(a.tenant);
    await expect(removeMember(adminA, own)).rejects.toMatchObject({ name: "RuleError", message: "errors.lastAdmin" });
    expect(await snapshotTenant(a.tenant)).toEqual(before);

    const second = await createUser({ tenant: a.tenant, role: "ADMIN" });
    await removeMember(adminA, own);
    expect(await membershipOf(a.admin.id, a.tenant.id)).toBeNull();
    expect((await membershipOf(second.id, a.tenant.id))?.role).toBe("ADMIN");
  });
});

describe("the last admin, under concurrency", () => {
  async function twoAdmins() {
    const a = await createTenantWithPeople();
    const second = await createUser({ tenant: a.tenant, role: "ADMIN" });
    const [one, two] = await Promise.all([ctxFor(a.admin, a.tenant), ctxFor(second, a.tenant)]);
    const [oneId, twoId] = await Promise.all([
      membershipId(a.admin.id, a.tenant.id),
      membershipId(second.id, a.tenant.id),
    ]);
    return { a, one, two, oneId, twoId };
  }

  async function adminsOf(tenantId: string) {
    return (await getDb()).membership.count({ where: { tenantId, role: "ADMIN" } });
  }

  /** Exactly one of two simultaneous requests wins; the other is told it would leave no admin. */
  async function expectOneWins(requests: Promise<void>[]) {
    const results = await Promise.allSettled(requests);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r) => r.status === "rejected");
    expect(refused.reason).toEqual(new RuleError("errors.lastAdmin"));
  }

  // On PGlite transactions take turns anyway; on PostgreSQL the admin memberships are locked
  // (FOR UPDATE), so the second request waits and then sees what the first left.
  it("keeps one admin when two admins demote each other at the same moment", async () => {
    const { a, one, two, oneId, twoId } = await twoAdmins();
    await expectOneWins([changeMemberRole(one, twoId, "VIEWER", null), changeMemberRole(two, oneId, "VIEWER", null)]);
    expect(await adminsOf(a.tenant.id)).toBe(1);
    expect(
      await (
        await getDb()
      ).auditEvent.count({ where: { entityId: { in: [oneId, twoId] }, action: "membership.roleChanged" } }),
    ).toBe(1);
  });

  it("keeps one admin when two admins remove each other at the same moment", async () => {
    const { a, one, two, oneId, twoId } = await twoAdmins();
    await expectOneWins([removeMember(one, twoId), removeMember(two, oneId)]);
    expect(await adminsOf(a.tenant.id)).toBe(1);
  });

  it("keeps one admin when one admin steps down while the other leaves", async () => {
    const { a, one, two, oneId, twoId } = await twoAdmins();
    await expectOneWins([changeMemberRole(one, oneId, "COORDINATOR", null), removeMember(two, twoId)]);
    expect(await adminsOf(a.tenant.id)).toBe(1);
  });
});
