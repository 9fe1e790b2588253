import "server-only";
import { getDb } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/roles";
import { requirePermission, type TenantContext } from "./context";
import { recordAudit } from "./audit";
import { assertAgencyForRole } from "./agencies";

export interface MemberRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
  since: Date;
}

export async function listMembers(ctx: TenantContext): Promise<MemberRow[]> {
  requirePermission(ctx, "tenant.view");
  const db = await getDb();
  const rows = await db.membership.findMany({
    where: { tenantId: ctx.tenant.id },
    select: { id: true, userId: true, role: true, agencyId: true, createdAt: true, user: { select: { name: true, email: true } }, agency: { select: { name: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  return rows.map((m) => ({
    id: m.id, userId: m.userId, name: m.user.name, email: m.user.email, role: m.role,
    agencyId: m.agencyId, agencyName: m.agency?.name ?? null, since: m.createdAt,
  }));
}

async function assertKeepsAnAdmin(ctx: TenantContext, membershipId: string): Promise<void> {
  const db = await getDb();
  const admins = await db.membership.count({ where: { tenantId: ctx.tenant.id, role: "ADMIN", NOT: { id: membershipId } } });
  if (admins === 0) throw new RuleError("errors.lastAdmin");
}

export async function changeMemberRole(ctx: TenantContext, membershipId: string, role: Role, agencyIdInput: string | null): Promise<void> {
  requirePermission(ctx, "members.manage");
  const db = await getDb();
  const before = await db.membership.findFirst({ where: { id: membershipId, tenantId: ctx.tenant.id }, select: { role: true, agencyId: true } });
  if (!before) throw new NotFoundError("membership");
  if (before.role === "ADMIN" && role !== "ADMIN") await assertKeepsAnAdmin(ctx, membershipId);
  const agencyId = await assertAgencyForRole(ctx, role, agencyIdInput);
  await db.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: membershipId }, data: { role, agencyId } });
    await recordAudit(tx, {
      tenantId: ctx.tenant.id, actor: ctx.user, action: "membership.roleChanged", entityType: "Membership", entityId: membershipId,
      before, after: { role, agencyId },
    });
  });
}

export async function removeMember(ctx: TenantContext, membershipId: string): Promise<void> {
  requirePermission(ctx, "members.manage");
  const db = await getDb();
  const before = await db.membership.findFirst({
    where: { id: membershipId, tenantId: ctx.tenant.id },
    select: { role: true, agencyId: true, user: { select: { email: true } } },
  });
  if (!before) throw new NotFoundError("membership");
  if (before.role === "ADMIN") await assertKeepsAnAdmin(ctx, membershipId);
  await db.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: membershipId } });
    await recordAudit(tx, {
      tenantId: ctx.tenant.id, actor: ctx.user, action: "membership.removed", entityType: "Membership", entityId: membershipId,
      before: { email: before.user.email, role: before.role, agencyId: before.agencyId },
    });
  });
}
