import "server-only";
import { toTexts, type Texts } from "@/lib/domain/texts";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/enums";
import type { TenantContext } from "./context";
import { withTenant, type Tx } from "./door";
import { assertAgencyForRoleIn } from "./agencies";

export interface MemberRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string | null;
  agencyName: Texts | null;
  /** A focal point's: their agency's primary focal point (else an alternate). */
  primaryFocalPoint: boolean;
  since: Date;
}

export async function listMembers(ctx: TenantContext): Promise<MemberRow[]> {
  const rows = await withTenant(ctx, "tenant.view", (tx) =>
    tx.membership.findMany({
      where: { tenantId: ctx.tenant.id },
      select: {
        id: true,
        userId: true,
        role: true,
        agencyId: true,
        primaryFocalPoint: true,
        createdAt: true,
        user: { select: { name: true, email: true } },
        agency: { select: { name: true } },
      },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    }),
  );
  return rows.map((m) => ({
    id: m.id,
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    agencyId: m.agencyId,
    agencyName: m.agency ? toTexts(m.agency.name) : null,
    primaryFocalPoint: m.primaryFocalPoint,
    since: m.createdAt,
  }));
}

/**
 * A tenant always keeps an administrator. The check must hold when two admins demote or remove
 * each other at the same moment, so every change of a membership first locks the tenant's admin
 * memberships (FOR UPDATE, until the transaction ends): the second change waits, then reads the
 * admins as the first left them. Locked in id order, so that two changes cannot deadlock.
 */
async function lockAdmins(tx: Tx, ctx: TenantContext): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Membership" WHERE "tenantId" = ${ctx.tenant.id} AND "role" = 'ADMIN' ORDER BY "id" FOR UPDATE`;
}

async function assertKeepsAnAdmin(tx: Tx, ctx: TenantContext, membershipId: string): Promise<void> {
  const admins = await tx.membership.count({
    where: { tenantId: ctx.tenant.id, role: "ADMIN", NOT: { id: membershipId } },
  });
  if (admins === 0) throw new RuleError("errors.lastAdmin");
}

export async function changeMemberRole(
  ctx: TenantContext,
  membershipId: string,
  role: Role,
  agencyIdInput: string | null,
): Promise<void> {
  await withTenant(ctx, "members.manage", async (tx, audit) => {
    await lockAdmins(tx, ctx);
    const before = await tx.membership.findFirst({
      where: { id: membershipId, tenantId: ctx.tenant.id },
      select: { role: true, agencyId: true },
    });
    if (!before) throw new NotFoundError("membership");
    if (before.role === "ADMIN" && role !== "ADMIN") await assertKeepsAnAdmin(tx, ctx, membershipId);
    const agencyId = await assertAgencyForRoleIn(tx, ctx, role, agencyIdInput);
    await tx.membership.updateMany({ where: { id: membershipId, tenantId: ctx.tenant.id }, data: { role, agencyId } });
    await audit({
      action: "membership.roleChanged",
      entityType: "Membership",
      entityId: membershipId,
      before,
      after: { role, agencyId },
    });
  });
}

export async function removeMember(ctx: TenantContext, membershipId: string): Promise<void> {
  await withTenant(ctx, "members.manage", async (tx, audit) => {
    await lockAdmins(tx, ctx);
    const before = await tx.membership.findFirst({
      where: { id: membershipId, tenantId: ctx.tenant.id },
      select: { role: true, agencyId: true, user: { select: { email: true } } },
    });
    if (!before) throw new NotFoundError("membership");
    if (before.role === "ADMIN") await assertKeepsAnAdmin(tx, ctx, membershipId);
    await tx.membership.deleteMany({ where: { id: membershipId, tenantId: ctx.tenant.id } });
    await audit({
      action: "membership.removed",
      entityType: "Membership",
      entityId: membershipId,
      before: { email: before.user.email, role: before.role, agencyId: before.agencyId },
    });
  });
}

/** Marks a focal point as their agency's primary focal point, or as an alternate. */
export async function setFocalPointRole(ctx: TenantContext, membershipId: string, primary: boolean): Promise<void> {
  await withTenant(ctx, "members.manage", async (tx, audit) => {
    const before = await tx.membership.findFirst({
      where: { id: membershipId, tenantId: ctx.tenant.id },
      select: { role: true, primaryFocalPoint: true },
    });
    if (!before) throw new NotFoundError("membership");
    if (before.role !== "FOCAL_POINT") throw new RuleError("focalPoint.notFocalPoint");
    if (before.primaryFocalPoint === primary) return;
    await tx.membership.updateMany({
      where: { id: membershipId, tenantId: ctx.tenant.id },
      data: { primaryFocalPoint: primary },
    });
    await audit({
      action: "membership.focalPointChanged",
      entityType: "Membership",
      entityId: membershipId,
      before: { primaryFocalPoint: before.primaryFocalPoint },
      after: { primaryFocalPoint: primary },
    });
  });
}
